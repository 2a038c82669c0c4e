import { Api, type ApiBody, type ApiName, type ApiResponse } from '@leadloop/shared';
import { loginAllowed } from '../entry';
import { platform } from '../platform';
import { apiBase } from '../platform/env';
import { currentSession, sessions, type Session, type SessionScope } from '../session/session-store';
import { ApiError, type ApiErrorCode } from './api-error';
import { httpJson } from './http';

export interface CallOptions {
  /** Which stored session to send (default `app`). */
  scope?: SessionScope;
  /** Values for `{name}` segments of the route's path. */
  params?: Record<string, string>;
}

type Args<N extends ApiName> = ApiBody<N> extends undefined
  ? [body?: undefined, options?: CallOptions]
  : [body: ApiBody<N>, options?: CallOptions];

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
    const session = await call('login', { code }, 'app', null);
    sessions.app.set(session);
    return session;
  })().finally(() => {
    loginInFlight = null;
  });
  return loginInFlight;
}

function urlOf(path: string, params: Record<string, string> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new ApiError('VALIDATION_FAILED', `missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
  return `${apiBase}/api${filled}`;
}

async function call<N extends ApiName>(
  name: N,
  body: unknown,
  scope: SessionScope,
  token: string | null,
  params?: Record<string, string>,
): Promise<ApiResponse<N>> {
  const route = Api[name];
  const data = await httpJson({ url: urlOf(route.path, params), method: route.method, data: body, token });
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
  if (Api[name].access === 'public') return call(name, body, scope, null, options.params);

  const token = await tokenFor(scope);
  try {
    return await call(name, body, scope, token, options.params);
  } catch (error) {
    if (!(error instanceof ApiError) || !SESSION_ERRORS.includes(error.code)) throw error;
    // Only forget the session that was refused, not one a concurrent call stored meanwhile.
    if (sessions[scope].get()?.token === token) sessions[scope].set(null);
    if (scope !== 'app') throw error;
    const renewed = await signIn();
    return call(name, body, scope, renewed.token, options.params);
  }
}
