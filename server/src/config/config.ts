import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The repository's folder (this file sits at server/{src,dist}/config/). Every relative path in the
 * configuration — the `data/` defaults, SQLITE_PATH, STORAGE_DIR, POSTER_DIR, H5_DIR, key files —
 * is resolved from here, never from the working directory: `npm start` runs in the repository
 * folder but `npm run staff:invite` runs in `server/`, and both must open the same database.
 */
export const REPO_ROOT = resolve(__dirname, '../../..');

/** An absolute path for a configured one, relative ones taken from the repository folder. */
export const fromRepoRoot = (path: string): string => resolve(REPO_ROOT, path);

/**
 * The only reader of process.env. Parsed once at boot; every bad variable is reported at once.
 * With no WECHAT_APPID/WECHAT_SECRET the server talks to its own sandbox; with no DATABASE_URL
 * it uses an embedded SQLite file under the repository's data/ folder.
 */
const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    ROLE: z.enum(['all', 'api', 'worker']).default('all'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^mysql:\/\//, 'must be a mysql:// URL (leave unset for the embedded SQLite database)')
      .optional(),
    SQLITE_PATH: z.string().default('data/leadloop.sqlite'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    MIGRATE_ON_BOOT: z.stringbool().default(true),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(60 * 24 * 30).default(120),
    CONSOLE_SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(60 * 24 * 30).default(60 * 12),
    PII_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (openssl rand -base64 32)')
      .optional(),
    WECHAT_APPID: z.string().regex(/^wx[0-9a-f]{16}$/, 'must look like wx + 16 hex digits').optional(),
    WECHAT_SECRET: z.string().min(16).optional(),
    WECHAT_API_BASE: z.url().optional(),
    WECHAT_SANDBOX: z.stringbool().optional(),
    WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(5000),
    H5_DIR: z.string().default('miniapp/dist/h5'),
    PRIVACY_POLICY_VERSION: z.string().default('2026-11'),
    OWNER_PROTECTION_DAYS: z.coerce.number().min(0).max(3650).default(30),
    EVENT_PROCESSOR_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(200),
    STREAM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    STREAM_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(500),
    CARD_RETURN_VISIT_MINUTES: z.coerce.number().min(1).max(60 * 24 * 30).default(30),
    CARD_MODERATION_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    WECHATPAY_MCHID: z.string().regex(/^\d{8,12}$/, 'must be the merchant number').optional(),
    WECHATPAY_SERIAL_NO: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the merchant certificate serial (hex)').optional(),
    WECHATPAY_PRIVATE_KEY_PATH: z.string().optional(),
    WECHATPAY_APIV3_KEY: z.string().length(32, 'must be the 32-character APIv3 key').optional(),
    WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: z.string().optional(),
    WECHATPAY_PLATFORM_PUBLIC_KEY_ID: z.string().regex(/^PUB_KEY_ID_\w+$/, 'must look like PUB_KEY_ID_…').optional(),
    WECHATPAY_API_BASE: z.url().optional(),
    PAYMENT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(7200).default(900),
    PAYMENT_QUERY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    SANDBOX_PAY_TIME_SCALE: z.coerce.number().min(0.0001).max(1).default(1),
    REMINDER_TEMPLATE_ID: z.string().regex(/^[\w-]{8,64}$/).default('sandbox-live-reminder'),
    REPLAY_TEMPLATE_ID: z.string().regex(/^[\w-]{8,64}$/).default('sandbox-live-replay'),
    SURVEY_TEMPLATE_ID: z.string().regex(/^[\w-]{8,64}$/).default('sandbox-live-survey'),
    LIVE_JOB_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
    TIMER_JOB_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
    SIGNAL_TEMPLATE_ID: z.string().regex(/^[\w-]{8,64}$/).default('sandbox-sales-signal'),
    SIGNAL_WATCH_MINUTES: z.coerce.number().int().min(5).max(600).multipleOf(5).default(30),
    SIGNAL_DORMANT_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    SIGNAL_COALESCE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    SIGNAL_LEAD_WINDOW_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
    SIGNAL_STAFF_WINDOW_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(10),
    SIGNAL_QUIET_HOURS: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM-HH:MM (Beijing time), e.g. 22:00-08:00')
      .default('22:00-08:00'),
    STORAGE_DIR: z.string().default('data/files'),
    POSTER_DIR: z.string().default('data/posters'),
    WHITEPAPER_MAX_BYTES: z.coerce.number().int().min(1024).max(500 * 1024 * 1024).default(20 * 1024 * 1024),
    DOWNLOAD_LINK_TTL_SECONDS: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(600),
    OUTBOUND_ALLOW_PRIVATE: z.stringbool().default(false),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
    RATE_LIMITS: z.stringbool().default(true),
    RATE_LIMIT_SCALE: z.coerce.number().min(0.01).max(10_000).default(1),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
    HTTP_KEEPALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(65_000),
    HTTP_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(512),
    LOG_FORMAT: z.enum(['json', 'text']).optional(),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  })
  .superRefine((env, ctx) => {
    const live = env.WECHAT_SANDBOX === false || (env.WECHAT_APPID !== undefined && env.WECHAT_SECRET !== undefined);
    if (env.NODE_ENV === 'production') {
      for (const key of ['SESSION_SECRET', 'PII_KEY', 'PUBLIC_URL'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
      if (env.WECHAT_SANDBOX === true) {
        ctx.addIssue({ code: 'custom', path: ['WECHAT_SANDBOX'], message: 'the sandbox never runs in production' });
      }
      if (env.OUTBOUND_ALLOW_PRIVATE) {
        ctx.addIssue({ code: 'custom', path: ['OUTBOUND_ALLOW_PRIVATE'], message: 'is for development only: production never fetches private addresses' });
      }
    }
    const pay = ['WECHATPAY_MCHID', 'WECHATPAY_SERIAL_NO', 'WECHATPAY_PRIVATE_KEY_PATH', 'WECHATPAY_APIV3_KEY'] as const;
    if (pay.some((key) => env[key])) {
      for (const key of pay) if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required with the other WECHATPAY_* settings' });
    }
    if (!!env.WECHATPAY_PLATFORM_PUBLIC_KEY_PATH !== !!env.WECHATPAY_PLATFORM_PUBLIC_KEY_ID) {
      ctx.addIssue({ code: 'custom', path: ['WECHATPAY_PLATFORM_PUBLIC_KEY_ID'], message: 'the platform public key needs both its path and its id' });
    }
    if (live || env.NODE_ENV === 'production') {
      if (!env.WECHAT_APPID) ctx.addIssue({ code: 'custom', path: ['WECHAT_APPID'], message: 'is required with real WeChat' });
      if (!env.WECHAT_SECRET) ctx.addIssue({ code: 'custom', path: ['WECHAT_SECRET'], message: 'is required with real WeChat' });
    }
  });

export const SANDBOX_APPID = 'wx0000000000000000';
const SANDBOX_SECRET = 'sandbox-secret-not-for-production';
// Development defaults: fine for a laptop, refused in production by the schema above.
const DEV_SESSION_SECRET = 'leadloop-development-session-secret-0000';
const DEV_PII_KEY = Buffer.alloc(32, 7).toString('base64');

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  /**
   * `all`: serves requests and runs the background work (consumers, reminders, reconciliation,
   * moderation); `api`: serves requests only; `worker`: runs the background work and answers only
   * its health check. Several API instances and workers share one database.
   */
  role: 'all' | 'api' | 'worker';
  host: string;
  port: number;
  /** Base URL the outside world reaches this server at; null means "derive from the listening port". */
  publicUrl: string | null;
  database:
    | { type: 'mysql'; url: string; poolSize: number; migrateOnBoot: boolean }
    | { type: 'sqlite'; path: string; migrateOnBoot: boolean };
  session: { secret: string; ttlMinutes: number; consoleTtlMinutes: number };
  piiKey: Buffer;
  wechat: {
    sandbox: boolean;
    appId: string;
    secret: string;
    /** null: the sandbox mounted on this server (resolved once the port is known). */
    apiBase: string | null;
    timeoutMs: number;
  };
  h5Dir: string;
  privacyPolicyVersion: string;
  attribution: {
    /** An owned person is not taken over by another salesperson's share within this many days. */
    ownerProtectionDays: number;
  };
  pipeline: {
    /** How often the activity stream's consumers (attribution, leads…) run; 0 turns them off in this process. */
    intervalMs: number;
    /** Tries of one event by one consumer before it is quarantined as a dead letter. */
    maxAttempts: number;
    /** Wait before the second try; it doubles with each further try. */
    retryBaseMs: number;
  };
  card: {
    /** A view this long after the same person's previous one is a returning visit (a signal to the owner). */
    returnVisitMinutes: number;
    /** How often introductions still pending moderation (WeChat was busy) are checked again; 0: never in this process. */
    moderationIntervalMs: number;
  };
  pay: {
    /** Merchant settings; null fields in the sandbox are generated locally at boot. */
    mchId: string | null;
    serialNo: string | null;
    privateKeyPath: string | null;
    apiV3Key: string | null;
    /** Platform public-key mode (new merchants); without it, platform certificates are fetched. */
    platformPublicKey: { path: string; id: string } | null;
    /** null: the sandbox mounted on this server. */
    apiBase: string | null;
    orderTimeoutSeconds: number;
    queryAfterSeconds: number;
    /** The sandbox's notification retry schedule, scaled (tests compress 15 s to 15 ms). */
    sandboxTimeScale: number;
  };
  live: {
    templates: { reminder: string; replay: string; survey: string };
    /** How often reminders, follow-ups and payment reconciliation run; 0 turns the jobs off. */
    jobIntervalMs: number;
  };
  timers: {
    /** How often due timers are claimed and fired; 0 turns the job off in this process. */
    jobIntervalMs: number;
  };
  signals: {
    /** The subscribe-message template signals are sent with. */
    templateId: string;
    /** Watching the live this long (a multiple of the 5-minute watch milestone) is a signal. */
    watchMinutes: number;
    /** An owned customer silent this long who acts again is a signal. */
    dormantDays: number;
    /** Signals within this time of the first one wait for each other and go as one message. */
    coalesceSeconds: number;
    /** A lead already in a message within this window only reaches the inbox. */
    leadWindowMinutes: number;
    /** At most one message per staff member within this window (later signals wait and coalesce). */
    staffWindowMinutes: number;
    /** Messages are held through these minutes of the Beijing day and sent when they end (may wrap past midnight). */
    quietStartMinute: number;
    quietEndMinute: number;
  };
  /** Uploaded files (local disk; an S3-compatible store can stand in behind FileStorage). */
  storage: { dir: string };
  /** Rendered share posters: a cache (a deleted file is rendered again by the next request for it). */
  posters: { dir: string };
  whitepaper: { maxBytes: number; downloadLinkTtlSeconds: number };
  /**
   * Fetches of addresses people typed (a cover URL, later webhooks) go through `SafeFetcher`,
   * which refuses loopback, private, link-local, CGNAT and metadata addresses; `allowPrivate`
   * lets them through, for development against services on this machine only.
   */
  outbound: { allowPrivate: boolean };
  /**
   * Per-route request limits (`core/rate-limits.ts`), counted in Redis when `redisUrl` is set so
   * every instance shares them; `scale` multiplies every limit (a load test may raise them).
   */
  rateLimits: { enabled: boolean; scale: number; redisUrl: string | null };
  /** Proxies in front of the server whose `X-Forwarded-For` entry is trusted (0: the socket's peer is the client). */
  trustProxyHops: number;
  /**
   * Connection limits: a connection must finish sending its request headers within
   * `headersTimeoutMs` and its whole request within `requestTimeoutMs`; an idle keep-alive
   * connection closes after `keepAliveTimeoutMs` (above a load balancer's 60 s idle timeout); one
   * address holds at most `maxSocketsPerAddress` connections at once (when the server faces clients directly).
   */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number; maxSocketsPerAddress: number };
  log: { format: 'json' | 'text'; level: 'error' | 'warn' | 'log' | 'debug' | 'verbose' };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const blankless = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(blankless);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const env = parsed.data;
  const sandbox = env.WECHAT_SANDBOX ?? !(env.WECHAT_APPID && env.WECHAT_SECRET);
  // an API-only instance runs no background work: 0 turns a job off in this process
  const background = (intervalMs: number): number => (env.ROLE === 'api' ? 0 : intervalMs);
  return {
    env: env.NODE_ENV,
    role: env.ROLE,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, '') ?? null,
    database: env.DATABASE_URL
      ? { type: 'mysql', url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE, migrateOnBoot: env.MIGRATE_ON_BOOT }
      : { type: 'sqlite', path: fromRepoRoot(env.SQLITE_PATH), migrateOnBoot: env.MIGRATE_ON_BOOT },
    session: {
      secret: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
      ttlMinutes: env.SESSION_TTL_MINUTES,
      consoleTtlMinutes: env.CONSOLE_SESSION_TTL_MINUTES,
    },
    piiKey: Buffer.from(env.PII_KEY ?? DEV_PII_KEY, 'base64'),
    wechat: {
      sandbox,
      appId: env.WECHAT_APPID ?? SANDBOX_APPID,
      secret: env.WECHAT_SECRET ?? SANDBOX_SECRET,
      apiBase: env.WECHAT_API_BASE?.replace(/\/$/, '') ?? (sandbox ? null : 'https://api.weixin.qq.com'),
      timeoutMs: env.WECHAT_TIMEOUT_MS,
    },
    h5Dir: fromRepoRoot(env.H5_DIR),
    privacyPolicyVersion: env.PRIVACY_POLICY_VERSION,
    attribution: { ownerProtectionDays: env.OWNER_PROTECTION_DAYS },
    pipeline: { intervalMs: background(env.EVENT_PROCESSOR_INTERVAL_MS), maxAttempts: env.STREAM_MAX_ATTEMPTS, retryBaseMs: env.STREAM_RETRY_BASE_MS },
    card: { returnVisitMinutes: env.CARD_RETURN_VISIT_MINUTES, moderationIntervalMs: background(env.CARD_MODERATION_INTERVAL_MS) },
    pay: {
      mchId: env.WECHATPAY_MCHID ?? null,
      serialNo: env.WECHATPAY_SERIAL_NO ?? null,
      privateKeyPath: env.WECHATPAY_PRIVATE_KEY_PATH ? fromRepoRoot(env.WECHATPAY_PRIVATE_KEY_PATH) : null,
      apiV3Key: env.WECHATPAY_APIV3_KEY ?? null,
      platformPublicKey:
        env.WECHATPAY_PLATFORM_PUBLIC_KEY_PATH && env.WECHATPAY_PLATFORM_PUBLIC_KEY_ID
          ? { path: fromRepoRoot(env.WECHATPAY_PLATFORM_PUBLIC_KEY_PATH), id: env.WECHATPAY_PLATFORM_PUBLIC_KEY_ID }
          : null,
      apiBase: env.WECHATPAY_API_BASE?.replace(/\/$/, '') ?? (sandbox ? null : 'https://api.mch.weixin.qq.com'),
      orderTimeoutSeconds: env.PAYMENT_TIMEOUT_SECONDS,
      queryAfterSeconds: env.PAYMENT_QUERY_AFTER_SECONDS,
      sandboxTimeScale: env.SANDBOX_PAY_TIME_SCALE,
    },
    live: {
      templates: { reminder: env.REMINDER_TEMPLATE_ID, replay: env.REPLAY_TEMPLATE_ID, survey: env.SURVEY_TEMPLATE_ID },
      jobIntervalMs: background(env.LIVE_JOB_INTERVAL_MS),
    },
    timers: { jobIntervalMs: background(env.TIMER_JOB_INTERVAL_MS) },
    signals: {
      templateId: env.SIGNAL_TEMPLATE_ID,
      watchMinutes: env.SIGNAL_WATCH_MINUTES,
      dormantDays: env.SIGNAL_DORMANT_DAYS,
      coalesceSeconds: env.SIGNAL_COALESCE_SECONDS,
      leadWindowMinutes: env.SIGNAL_LEAD_WINDOW_MINUTES,
      staffWindowMinutes: env.SIGNAL_STAFF_WINDOW_MINUTES,
      ...quietHours(env.SIGNAL_QUIET_HOURS),
    },
    storage: { dir: fromRepoRoot(env.STORAGE_DIR) },
    posters: { dir: fromRepoRoot(env.POSTER_DIR) },
    outbound: { allowPrivate: env.OUTBOUND_ALLOW_PRIVATE },
    rateLimits: { enabled: env.RATE_LIMITS, scale: env.RATE_LIMIT_SCALE, redisUrl: env.REDIS_URL ?? null },
    trustProxyHops: env.TRUST_PROXY,
    http: {
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEPALIVE_TIMEOUT_MS,
      maxSocketsPerAddress: env.HTTP_MAX_SOCKETS_PER_ADDRESS,
    },
    whitepaper: { maxBytes: env.WHITEPAPER_MAX_BYTES, downloadLinkTtlSeconds: env.DOWNLOAD_LINK_TTL_SECONDS },
    log: { format: env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'text'), level: env.LOG_LEVEL },
  };
}

/** "22:00-08:00" as minutes of the day. */
function quietHours(range: string): { quietStartMinute: number; quietEndMinute: number } {
  const [start, end] = range.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
  return { quietStartMinute: start, quietEndMinute: end };
}

/** Where people reach this server: PUBLIC_URL, or this machine at the port it listens on. */
export function publicBaseUrl(config: AppConfig, listeningPort: number = config.port): string {
  return config.publicUrl ?? `http://localhost:${listeningPort}`;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
