import { maskPhone, type BindPhoneResponse, type MeResponse } from '@leadloop/shared';
import { api, signIn } from '@/core/api/client';
import { isApiError } from '@/core/api/api-error';
import { loginAllowed } from '@/core/entry';
import { platform, sandboxPersonaStore, type PhoneCodeInput } from '@/core/platform';
import { currentSession, sessions, type Session, type SessionScope } from '@/core/session/session-store';

/** Signs in with WeChat (weapp) or as the chosen sandbox persona (H5). */
export async function signInAsPersona(persona: string): Promise<Session> {
  sandboxPersonaStore.set(persona);
  try {
    return await signIn();
  } catch (error) {
    sandboxPersonaStore.set(null);
    throw error;
  }
}

export function signInWithWechat(): Promise<Session> {
  return signIn();
}

/**
 * At launch: sign in silently when WeChat (or a remembered sandbox persona) allows it, so a
 * returning person is recognised without tapping anything. Never in Moments single-page mode.
 */
export async function restoreSession(): Promise<void> {
  if (!loginAllowed() || currentSession('app')) return;
  if (platform.isBrowser && !sandboxPersonaStore.get()) return;
  try {
    await signIn();
  } catch (error) {
    // Not fatal: 我的 offers a login button. A stale sandbox persona is forgotten.
    if (isApiError(error, 'LOGIN_REQUIRED', 'LOGIN_UNAVAILABLE')) return;
  }
}

export function fetchMe(scope: SessionScope = 'app'): Promise<MeResponse> {
  return api('me', undefined, { scope });
}

export function updateNickname(nickname: string): Promise<MeResponse> {
  return api('updateProfile', { nickname });
}

/** Binds a phone; when the number merged this login into another person, adopts that session. */
export async function bindPhone(input: PhoneCodeInput): Promise<BindPhoneResponse> {
  const code = await platform.getPhoneCode(input);
  const result = await api('bindPhone', { code });
  if (result.session) sessions.app.set(result.session);
  return result;
}

export function signOut(scope: SessionScope = 'app'): void {
  sessions[scope].set(null);
  if (scope === 'app') platform.forgetLoginIdentity();
}

/** The server masks phones already; never let a full number through to the screen regardless. */
export function displayPhone(phoneMasked: string): string {
  return /\d{7,}/.test(phoneMasked) ? maskPhone(phoneMasked) : phoneMasked;
}
