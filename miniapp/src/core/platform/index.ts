import Taro from '@tarojs/taro';
import { ApiError } from '../api/api-error';
import { httpJson } from '../api/http';
import type { SessionScope } from '../session/session-store';
import { readStored, writeStored } from '../storage';
import { Routes } from '../routes';
import { createStore } from '../store';
import { apiBase, isH5, isWeapp } from './env';
import { loadServerConfig, type ServerConfig } from './server-config';

/**
 * Everything that differs between real WeChat (weapp) and a browser (H5, usually with the local
 * WeChat sandbox). Pages and features ask this adapter what is possible; they never check the
 * build target themselves.
 */

export type LoginMethod = 'wechat' | 'sandbox' | 'unavailable';
export type PhoneMethod = 'wechat-button' | 'sandbox-form' | 'unavailable';

export type PhoneCodeInput =
  /** The event of `<Button openType="getPhoneNumber">`. */
  | { kind: 'wechat'; detail: { code?: string; errMsg?: string } }
  /** A number typed into the sandbox form (H5 only). */
  | { kind: 'sandbox'; phone: string };

export interface PrivacyRequest {
  /** Answer WeChat's privacy prompt: the agree button's id, or a refusal. */
  resolve(answer: { event: 'agree'; buttonId: string } | { event: 'disagree' }): void;
}

export { MAINLAND_PHONE_PATTERN, SANDBOX_PERSONA_PATTERN as PERSONA_PATTERN } from '@leadloop/shared';

const PERSONA_KEY = 'leadloop.sandbox-persona';

/** The H5 sandbox's stand-in for "which WeChat user is holding the phone". */
export const sandboxPersonaStore = createStore<string | null>(readStored<string>(PERSONA_KEY));
sandboxPersonaStore.subscribe(() => writeStored(PERSONA_KEY, sandboxPersonaStore.get()));

function readCode(body: unknown): string {
  const code = (body as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || code.length === 0) throw new ApiError('BAD_RESPONSE', 'sandbox returned no code');
  return code;
}

async function sandboxPersona(): Promise<string> {
  const config = await loadServerConfig();
  if (!config.sandbox) throw new ApiError('LOGIN_UNAVAILABLE', 'browser login needs the WeChat sandbox');
  const persona = sandboxPersonaStore.get();
  if (!persona) throw new ApiError('LOGIN_REQUIRED', 'choose a sandbox persona first');
  return persona;
}

function sceneFromPath(path: string): string | null {
  const query = path.split('?')[1] ?? '';
  for (const pair of query.split('&')) {
    const [key, value] = pair.split('=', 2);
    if (key === 'scene' && value) {
      try {
        return decodeURIComponent(value);
      } catch {
        return null;
      }
    }
  }
  return null;
}

export const platform = {
  isBrowser: isH5,

  /** How a person signs in here, given the server's /config (null while it loads). */
  loginMethod(config: ServerConfig | null): LoginMethod {
    if (isWeapp) return 'wechat';
    return config?.sandbox ? 'sandbox' : 'unavailable';
  },

  phoneMethod(config: ServerConfig | null): PhoneMethod {
    if (isWeapp) return 'wechat-button';
    return config?.sandbox ? 'sandbox-form' : 'unavailable';
  },

  /** A single-use code for POST /auth/wechat/login. */
  async getLoginCode(): Promise<string> {
    if (isWeapp) {
      const { code } = await Taro.login();
      if (!code) throw new ApiError('WECHAT_ERROR', 'wx.login returned no code');
      return code;
    }
    const persona = await sandboxPersona();
    return readCode(await httpJson({ url: `${apiBase}/sandbox/personas/${encodeURIComponent(persona)}/login-code`, method: 'POST' }));
  },

  /** A single-use code for POST /me/phone. */
  async getPhoneCode(input: PhoneCodeInput): Promise<string> {
    if (input.kind === 'wechat') {
      if (!input.detail.code) {
        const denied = /deny|cancel/i.test(input.detail.errMsg ?? '');
        throw new ApiError(denied ? 'CANCELLED' : 'PHONE_CODE_INVALID', input.detail.errMsg ?? 'no phone code');
      }
      return input.detail.code;
    }
    if (isWeapp) throw new ApiError('NOT_SUPPORTED', 'typed phone numbers exist only in the sandbox');
    const persona = await sandboxPersona();
    return readCode(
      await httpJson({
        url: `${apiBase}/sandbox/personas/${encodeURIComponent(persona)}/phone-code`,
        method: 'POST',
        data: { phone: input.phone },
      }),
    );
  },

  /** Signing out in the browser also forgets the sandbox persona, so the next login asks again. */
  forgetLoginIdentity(): void {
    if (isH5) sandboxPersonaStore.set(null);
  },

  /** Scanning the desktop console's QR needs the WeChat camera. */
  canScanConsoleQr: isWeapp,

  /** Scans a console login code and opens the confirm page for its ticket. */
  async scanConsoleQr(): Promise<void> {
    if (!isWeapp) throw new ApiError('NOT_SUPPORTED', 'scanning needs WeChat');
    let result: Taro.scanCode.SuccessCallbackResult;
    try {
      result = await Taro.scanCode({ onlyFromCamera: true });
    } catch {
      throw new ApiError('CANCELLED', 'scan cancelled');
    }
    const ticket = sceneFromPath(result.path ?? '') ?? sceneFromPath(result.result ?? '');
    if (!ticket) throw new ApiError('LOGIN_TICKET_INVALID', 'not a console login code');
    await Taro.navigateTo({ url: `${Routes.scanConfirm}?scene=${encodeURIComponent(ticket)}` });
  },

  /**
   * Which stored session the console pages use: a desktop browser has its own scan-login session;
   * in the mini-program the staff member's own session is the console session.
   */
  consoleScope: (isWeapp ? 'app' : 'console') as SessionScope,

  /** Desktop browsers sign in to the console by scanning; the mini-program is already signed in. */
  consoleNeedsScanLogin: isH5,

  /** Routes WeChat's privacy prompt (wx.onNeedPrivacyAuthorization) to our popup; no-op in browsers. */
  onPrivacyRequest(listener: (request: PrivacyRequest) => void): void {
    if (!isWeapp || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
    Taro.onNeedPrivacyAuthorization((resolve) => listener({ resolve: (answer) => resolve(answer as never) }));
  },

  openPrivacyContract(): void {
    if (isWeapp && typeof Taro.openPrivacyContract === 'function') Taro.openPrivacyContract({});
  },

  /**
   * WeChat has a share menu (and `<Button openType="share">`); a browser has neither, so pages
   * show the share link to copy instead.
   */
  hasShareMenu: isWeapp,

  /** A link a person can open for a mini-program path: a browser URL on H5, the page path in WeChat. */
  linkFor(path: string): string {
    const clean = path.replace(/^\/+/, '');
    if (isH5 && typeof window !== 'undefined') return `${window.location.origin}/#/${clean}`;
    return `/${clean}`;
  },
};
