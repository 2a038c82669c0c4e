import { Api, type ApiBody, type ApiName, type ApiQuery, type ApiResponse, type UploadPart } from '@leadloop/shared';
import { entryContext, loginAllowed } from '../entry';
import { platform, type PickedFile } from '../platform';
import { apiBase } from '../platform/env';
import { currentSession, sessions, type Session, type SessionScope } from '../session/session-store';
import { ApiError, type ApiErrorCode } from './api-error';
import { httpJson } from './http';

export interface CallOptions<N extends ApiName = ApiName> {
  /** Which stored session to send (default `app`). */
  scope?: SessionScope;
  /** Values for `{name}` segments of the route's path. */
  params?: Record<string, string>;
  /** Query-string parameters of the route (its `query` schema); undefined values are left out. */
  query?: ApiQuery<N>;
  /**
   * Public routes only: send the stored session when there is one (never logging in for it), and
   * fall back to an anonymous call if the server refuses that session.
   */
  sessionIfAny?: boolean;
}

type Args<N extends ApiName> = ApiBody<N> extends undefined
  ? [body?: undefined, options?: CallOptions<N>]
  : [body: ApiBody<N>, options?: CallOptions<N>];

interface Target {
  params?: Record<string, string>;
  query?: unknown;
}

const SESSION_ERRORS: readonly ApiErrorCode[] = ['SESSION_EXPIRED', 'SESSION_INVALID', 'UNAUTHENTICATED'];

let loginInFlight: Promise<Session> | null = null;

/**
 * Signs the mini-program user in with a fresh login code (wx.login, or the sandbox persona in a
 * browser). Concurrent callers share one login.
 */
export function signIn(): Promise<Session> {
  if (!loginAllowed()) return Promise.reject(new ApiError('LOGIN_UNAVAILABLE', 'no login in Moments single-page mode'));
  loginInFlight ??= (async () => {
    const code = await platform.getLoginCode();
    // The entry (share token, channel, scene, install id) becomes a new person's first touch.
    const session = await call('login', { code, entry: entryContext() }, null, {});
    sessions.app.set(session);
    return session;
  })().finally(() => {
    loginInFlight = null;
  });
  return loginInFlight;
}

/** `a=1&b=x%20y`, in key order so equal queries give equal URLs; undefined and null are left out. */
export function queryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  return Object.entries(query as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

function urlOf(path: string, { params = {}, query }: Target): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new ApiError('VALIDATION_FAILED', `missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
  const search = queryString(query);
  return `${apiBase}/api${filled}${search ? `?${search}` : ''}`;
}

async function call<N extends ApiName>(name: N, body: unknown, token: string | null, target: Target): Promise<ApiResponse<N>> {
  const route = Api[name];
  if (!route) throw new ApiError('NOT_SUPPORTED', `unknown API route ${String(name)}`);
  const data = await httpJson({ url: urlOf(route.path, target), method: route.method, data: body, token });
  const parsed = route.response.safeParse(data);
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', `unexpected response from ${name}`, { details: parsed.error.issues });
  return parsed.data as ApiResponse<N>;
}

async function tokenFor(scope: SessionScope): Promise<string> {
  const session = currentSession(scope);
  if (session) return session.token;
  // Only the mini-program user can be signed in silently; the console needs a scan-login.
  if (scope === 'app') return (await signIn()).token;
  throw new ApiError('UNAUTHENTICATED', 'console session missing');
}

/**
 * Calls a route of the API table by name, e.g. `api('bindPhone', { code })`. Resolves with the
 * validated response; rejects with ApiError. An expired or invalid session is renewed silently
 * once (mini-program user) or cleared (console).
 */
export async function api<N extends ApiName>(name: N, ...[body, options = {}]: Args<N>): Promise<ApiResponse<N>> {
  const scope = options.scope ?? 'app';
  const target: Target = { params: options.params, query: options.query };
  if (Api[name]?.access === 'public') {
    const known = options.sessionIfAny ? (currentSession(scope)?.token ?? null) : null;
    if (!known) return call(name, body, null, target);
    try {
      return await call(name, body, known, target);
    } catch (error) {
      if (!(error instanceof ApiError) || !SESSION_ERRORS.includes(error.code)) throw error;
      return call(name, body, null, target);
    }
  }

  return withSession(scope, (token) => call(name, body, token, target));
}

/** Runs a call with the scope's session; an expired or invalid one is renewed once (app) or cleared (console). */
async function withSession<T>(scope: SessionScope, run: (token: string) => Promise<T>): Promise<T> {
  const token = await tokenFor(scope);
  try {
    return await run(token);
  } catch (error) {
    if (!(error instanceof ApiError) || !SESSION_ERRORS.includes(error.code)) throw error;
    // Only forget the session that was refused, not one a concurrent call stored meanwhile.
    if (sessions[scope].get()?.token === token) sessions[scope].set(null);
    if (scope !== 'app') throw error;
    const renewed = await signIn();
    return run(renewed.token);
  }
}

/** Routes of the API table that take multipart/form-data. */
export type UploadName = { [N in ApiName]: (typeof Api)[N] extends { files: readonly UploadPart[] } ? N : never }[ApiName];

export interface UploadOptions {
  scope?: SessionScope;
  params?: Record<string, string>;
}

/**
 * Sends a multipart route of the API table, e.g. `upload('uploadCardImage', {}, { image })`: text
 * fields, and files under the part names the route declares. Sessions and errors as with `api`.
 */
export async function upload<N extends UploadName>(name: N, fields: Record<string, string>, files: Record<string, PickedFile>, options: UploadOptions = {}): Promise<ApiResponse<N>> {
  const route = Api[name] as (typeof Api)[N] & { files: readonly UploadPart[] };
  const declared = new Set(route.files.map((part) => part.name));
  const unknown = Object.keys(files).find((part) => !declared.has(part));
  if (unknown) throw new ApiError('VALIDATION_FAILED', `${String(name)} has no file part ${unknown}`);
  const url = urlOf(route.path, { params: options.params });
  return withSession(options.scope ?? 'app', async (token) => {
    const data = await platform.uploadForm({ url, token, fields, files });
    const parsed = route.response.safeParse(data);
    if (!parsed.success) throw new ApiError('BAD_RESPONSE', `unexpected response from ${String(name)}`, { details: parsed.error.issues });
    return parsed.data as ApiResponse<N>;
  });
}
