import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, ControllableClock } from '../../core/clock';

export const SandboxApis = [
  'jscode2session',
  'stable_token',
  'getuserphonenumber',
  'getwxacodeunlimit',
  'subscribe_send',
  'msg_sec_check',
] as const;
export type SandboxApi = (typeof SandboxApis)[number];

const CODE_TTL_MS = 5 * 60 * 1000;
const TOKEN_TTL_S = 7200;

interface OneTimeCode<T> {
  value: T;
  expiresAt: number;
  used: boolean;
}

export interface CapturedMessage {
  persona: string;
  templateId: string;
  page: string | null;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  sentAt: string;
}

export type CodeCheck<T> = { ok: true; value: T } | { ok: false; errcode: 40029 | 40163 };

/**
 * WeChat's side of the world, in memory: personas (test people), single-use codes, access tokens,
 * subscription quotas, scripted faults, rate limits, and the messages "delivered" to phones.
 * Its time is the app's Clock: WeChat's stand-in and the server agree on "now", and moving it
 * (`POST /sandbox/clock`) moves both.
 */
@Injectable()
export class SandboxState {
  private readonly personas = new Map<string, string>(); // openid -> persona name
  private readonly loginCodes = new Map<string, OneTimeCode<string>>();
  private readonly phoneCodes = new Map<string, OneTimeCode<string>>();
  private readonly tokens = new Map<string, { expiresAt: number; revoked: 'invalid' | 'expired' | null }>();
  private currentToken: string | null = null;
  private readonly subscriptions = new Map<string, number>(); // openid|template -> remaining sends
  private readonly faults = new Map<SandboxApi, { errcode: number; errmsg: string; remaining: number }[]>();
  private readonly rateLimits = new Map<SandboxApi, { perMinute: number; windowStart: number; used: number }>();
  private readonly calls = new Map<SandboxApi, number>();
  readonly messages: CapturedMessage[] = [];

  constructor(private readonly appClock: Clock) {}

  now(): number {
    return this.appClock.nowMs();
  }

  /** The app's clock, which the sandbox may move (it is controllable whenever the sandbox is on). */
  get clock(): ControllableClock {
    if (!(this.appClock instanceof ControllableClock)) throw new Error('The sandbox needs the controllable clock');
    return this.appClock;
  }

  /** Forgets WeChat's state and returns the app to the system clock. */
  reset(): void {
    this.clock.set(null);
    for (const map of [this.loginCodes, this.phoneCodes, this.tokens, this.subscriptions, this.faults, this.rateLimits, this.calls]) {
      map.clear();
    }
    this.currentToken = null;
    this.messages.length = 0;
  }

  // --- personas and codes

  /** The same persona name always maps to the same openid (per app). */
  openidOf(appId: string, persona: string): string {
    const openid = `o${digest(`${appId}:openid:${persona}`).slice(0, 27)}`;
    this.personas.set(openid, persona);
    return openid;
  }

  unionidOf(persona: string): string {
    return `o${digest(`unionid:${persona}`).slice(0, 27)}`;
  }

  personaOf(openid: string): string | null {
    return this.personas.get(openid) ?? null;
  }

  issueLoginCode(persona: string): string {
    return issue(this.loginCodes, persona, this.now());
  }

  issuePhoneCode(phone: string): string {
    return issue(this.phoneCodes, phone, this.now());
  }

  redeemLoginCode(code: string): CodeCheck<string> {
    return redeem(this.loginCodes, code, this.now());
  }

  redeemPhoneCode(code: string): CodeCheck<string> {
    return redeem(this.phoneCodes, code, this.now());
  }

  // --- access tokens

  /** stable_token: the current token while valid (parallel calls are harmless), else a new one. */
  stableToken(forceRefresh: boolean): { token: string; expiresIn: number } {
    const now = this.now();
    const current = this.currentToken ? this.tokens.get(this.currentToken) : undefined;
    if (!forceRefresh && this.currentToken && current && !current.revoked && current.expiresAt > now) {
      return { token: this.currentToken, expiresIn: Math.floor((current.expiresAt - now) / 1000) };
    }
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, { expiresAt: now + TOKEN_TTL_S * 1000, revoked: null });
    this.currentToken = token;
    return { token, expiresIn: TOKEN_TTL_S };
  }

  /** 0 when the token is good, else WeChat's errcode (40001 invalid, 42001 expired). */
  checkToken(token: string | undefined): 0 | 40001 | 42001 {
    const entry = token ? this.tokens.get(token) : undefined;
    if (!entry || entry.revoked === 'invalid') return 40001;
    if (entry.revoked === 'expired' || entry.expiresAt <= this.now()) return 42001;
    return 0;
  }

  revokeTokens(mode: 'invalid' | 'expired'): void {
    for (const entry of this.tokens.values()) entry.revoked = mode;
    this.currentToken = null;
  }

  // --- subscribe messages

  grantSubscriptions(openid: string, templateIds: string[]): void {
    for (const id of templateIds) {
      const key = `${openid}|${id}`;
      this.subscriptions.set(key, (this.subscriptions.get(key) ?? 0) + 1);
    }
  }

  consumeSubscription(openid: string, templateId: string): boolean {
    const key = `${openid}|${templateId}`;
    const left = this.subscriptions.get(key) ?? 0;
    if (left <= 0) return false;
    this.subscriptions.set(key, left - 1);
    return true;
  }

  // --- faults, rate limits, call counts

  scriptFault(api: SandboxApi, errcode: number, times: number, errmsg: string): void {
    const list = this.faults.get(api) ?? [];
    list.push({ errcode, errmsg, remaining: times });
    this.faults.set(api, list);
  }

  setRateLimit(api: SandboxApi, perMinute: number | null): void {
    if (perMinute === null) this.rateLimits.delete(api);
    else this.rateLimits.set(api, { perMinute, windowStart: this.now(), used: 0 });
  }

  /** Counts the call; answers a scripted fault or a rate-limit errcode if one applies. */
  enter(api: SandboxApi): { errcode: number; errmsg: string } | null {
    this.calls.set(api, (this.calls.get(api) ?? 0) + 1);
    const scripted = this.faults.get(api)?.[0];
    if (scripted) {
      scripted.remaining -= 1;
      if (scripted.remaining <= 0) this.faults.get(api)?.shift();
      return { errcode: scripted.errcode, errmsg: scripted.errmsg };
    }
    const limit = this.rateLimits.get(api);
    if (limit) {
      if (this.now() - limit.windowStart >= 60_000) {
        limit.windowStart = this.now();
        limit.used = 0;
      }
      limit.used += 1;
      if (limit.used > limit.perMinute) return { errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' };
    }
    return null;
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(SandboxApis.map((api) => [api, this.calls.get(api) ?? 0]));
  }
}

function digest(input: string): string {
  return createHash('sha256').update(input).digest('base64url');
}

function issue<T>(store: Map<string, OneTimeCode<T>>, value: T, now: number): string {
  const code = randomBytes(24).toString('base64url').slice(0, 32);
  store.set(code, { value, expiresAt: now + CODE_TTL_MS, used: false });
  return code;
}

function redeem<T>(store: Map<string, OneTimeCode<T>>, code: string, now: number): CodeCheck<T> {
  const entry = store.get(code);
  if (!entry || entry.expiresAt <= now) return { ok: false, errcode: 40029 };
  if (entry.used) return { ok: false, errcode: 40163 };
  entry.used = true;
  return { ok: true, value: entry.value };
}
