import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Api, type ApiRoute } from '@leadloop/shared';
import Redis from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AppError } from './app-error';
import type { AuthContext } from './route';

/** What a limit counts by: the client address, the caller (person, or address when anonymous), the install, a login code. */
type Subject = 'address' | 'caller' | 'install' | 'loginCode';

interface Limit {
  name: string;
  by: Subject;
  /** Requests per minute. */
  perMinute: number;
}

const limit = (name: string, by: Subject, perMinute: number): Limit => ({ name, by, perMinute });

/**
 * Each route's limits. Generous for people (mobile carriers put many behind one address), tight
 * where each request costs a WeChat call or guesses a secret. Every other write gets `WRITES`;
 * reads are not limited here (the load balancer's job), except those that resolve a guessable
 * token or link. WeChat Pay's notifications are never limited (WeChat retries, and they are verified).
 */
const ROUTE_LIMITS = new Map<ApiRoute, Limit[]>([
  // each login costs a jscode2session call against the app's quota
  [Api.login, [limit('login-address', 'address', 300), limit('login-code', 'loginCode', 5)]],
  [Api.ingestEvents, [limit('ingest-install', 'install', 600), limit('ingest-address', 'address', 6000)]],
  [Api.mintShare, [limit('share-mint', 'caller', 120)]],
  [Api.shareTokenContent, [limit('share-token', 'address', 240)]],
  [Api.previewInvite, [limit('invite-preview', 'address', 30)]],
  [Api.acceptInvite, [limit('invite-accept', 'address', 30)]],
  [Api.createConsoleTicket, [limit('console-ticket', 'address', 20)]],
  [Api.pollConsoleTicket, [limit('console-poll', 'address', 600)]],
  [Api.whitepaperFile, [limit('download-link', 'address', 120)]],
  [Api.createPoster, [limit('poster', 'caller', 30)]],
  [Api.wechatPayNotify, []],
]);
const WRITES = [limit('writes', 'caller', 300)];

/** Where a request comes from and who sent it, for the limits. */
export interface LimitContext {
  address: string;
  auth: AuthContext | null;
  body: unknown;
}

/**
 * Rate limits per route, counted in Redis when `REDIS_URL` is set (shared by every instance;
 * in memory for this instance if Redis stops answering), in memory otherwise. A refusal is
 * `429 RATE_LIMITED` with `Retry-After`.
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimits.name);
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { redisUrl } = config.rateLimits;
    this.redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
    this.redis?.on('error', (error: Error) => this.logger.warn(`Redis for rate limits: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  async check(route: ApiRoute, context: LimitContext): Promise<void> {
    if (!this.config.rateLimits.enabled) return;
    const limits = ROUTE_LIMITS.get(route) ?? (route.method === 'GET' ? [] : WRITES);
    for (const l of limits) {
      const key = subjectKey(l.by, context);
      if (key === null) continue;
      try {
        await this.limiter(l).consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        throw new RateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      }
    }
  }

  private limiter(l: Limit): RateLimiterAbstract {
    let limiter = this.limiters.get(l.name);
    if (!limiter) {
      const options = { keyPrefix: `rl:${l.name}`, points: Math.ceil(l.perMinute * this.config.rateLimits.scale), duration: 60 };
      const memory = new RateLimiterMemory(options);
      limiter = this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: memory }) : memory;
      this.limiters.set(l.name, limiter);
    }
    return limiter;
  }
}

/** 429 with how many seconds until the next request can pass (sent as `Retry-After`). */
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', 'Too many requests; try again shortly', { retryAfterSeconds });
  }
}

function subjectKey(by: Subject, { address, auth, body }: LimitContext): string | null {
  switch (by) {
    case 'address':
      return address;
    case 'caller':
      return auth ? `p:${auth.personId}` : `a:${address}`;
    case 'install': {
      if (auth) return `p:${auth.personId}`;
      const events = (body as { events?: { anonymousId?: unknown }[] } | null)?.events;
      const install = Array.isArray(events) ? events[0]?.anonymousId : undefined;
      return typeof install === 'string' ? `i:${install.slice(0, 64)}` : `a:${address}`;
    }
    case 'loginCode': {
      const code = (body as { code?: unknown } | null)?.code;
      // the code is a credential: only its hash becomes a key
      return typeof code === 'string' ? createHash('sha256').update(code).digest('base64url') : null;
    }
  }
}

/**
 * The client's address: the socket's peer, or — behind `trustedHops` proxies — the address the
 * outermost trusted proxy saw, read from the right of `X-Forwarded-For`. Entries further left are
 * whatever the client wrote and are never used.
 */
export function clientAddress(headers: IncomingHttpHeaders, peer: string | undefined, trustedHops: number): string {
  const direct = peer ?? 'unknown';
  if (trustedHops === 0) return direct;
  const header = headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return chain[chain.length - trustedHops] ?? chain[0] ?? direct;
}
