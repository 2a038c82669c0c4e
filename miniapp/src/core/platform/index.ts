import Taro from '@tarojs/taro';
import type { PaymentParams, WatchMode } from '@leadloop/shared';
import { ApiError } from '../api/api-error';
import { httpJson } from '../api/http';
import type { SessionScope } from '../session/session-store';
import { readStored, writeStored } from '../storage';
import { Routes } from '../routes';
import { createStore } from '../store';
import { apiBase, isH5, isWeapp } from './env';
import { callPhone, saveContact } from './contact';
import { exportTextFile, openDocument, pickFile, saveImageToAlbum, savesToAlbum, shareImage, sharesImages, uploadForm, uploadsSeveralFiles } from './files';
import { askInSandbox, type SubscribePrompt } from './sandbox-dialogs';
import { loadServerConfig, type ServerConfig } from './server-config';
import { subscribeFailureOf, subscribeRequestOf, subscribeResultsOf, uniformResults, type SubscribeResults } from './subscribe';

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
export type { SubscribeAnswer, SubscribeResults } from './subscribe';
export { registerSandboxDialogHost, sandboxDialogStore, type OpenSandboxDialog, type SandboxDialog, type SubscribePrompt } from './sandbox-dialogs';
export type { FileKind, PickedFile, UploadRequest } from './files';
export type { ContactCard } from './contact';

/** What the payment sheet shows besides the signed parameters (the sandbox's sheet; WeChat shows its own). */
export interface PaymentSummary {
  amountFen: number;
  description: string;
}

type ChannelsWatch = Extract<WatchMode, { kind: 'channels' }>;

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
   * A browser on the sandbox has no WeChat to scan the console's code with: the login page offers
   * to open the code's confirm page in another tab of the same browser (the sandbox's phone). Real
   * WeChat keeps the real scan.
   */
  confirmsConsoleLoginInBrowser(config: ServerConfig | null): boolean {
    return isH5 && config?.sandbox === true;
  },

  /** Opens the confirm page of a console login code (its mini-program path) in a new tab. */
  openConsoleLoginConfirm(path: string): void {
    if (!isH5) throw new ApiError('NOT_SUPPORTED', 'the phone confirms by scanning in WeChat');
    const clean = path.replace(/^\/+/, '');
    // A blocked pop-up opens it in this tab instead: the login page stays underneath, still waiting.
    if (!window.open(`${window.location.origin}${window.location.pathname}#/${clean}`, '_blank')) void Taro.navigateTo({ url: `/${clean}` });
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
   * WeChat draws a navigation bar above every page (its title, and a back or home button on pages
   * past the first); a browser draws none, so sub-pages draw their own (`ui/SubPage`).
   */
  drawsOwnTitleBar: isH5,

  /**
   * Back to the page this one was opened from, or, when it was opened straight from a link (no
   * page before it), to the tab page `up` names, as WeChat's home button does.
   */
  goBack(up: string): void {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.switchTab({ url: up });
  },

  /**
   * WeChat has a share menu (and `<Button openType="share">`); a browser has neither, so pages
   * show the share link to copy instead.
   */
  hasShareMenu: isWeapp,

  /**
   * Puts a page's current query in the address without navigating (a new record's id after its
   * first save), so a browser reload opens the same record. WeChat has no address bar to keep.
   */
  replaceAddress(path: string): void {
    if (!isH5 || typeof window === 'undefined') return;
    window.history.replaceState(window.history.state, '', `#/${path.replace(/^\/+/, '')}`);
  },
  /** The console previews a prospect's page in a frame over itself (browser); in WeChat it opens the page. */
  previewsPagesInline: isH5,

  /** A link a person can open for a mini-program path: a browser URL on H5, the page path in WeChat. */
  linkFor(path: string): string {
    const clean = path.replace(/^\/+/, '');
    if (isH5 && typeof window !== 'undefined') return `${window.location.origin}/#/${clean}`;
    return `/${clean}`;
  },

  /**
   * Pays with the parameters the server signed: `wx.requestPayment` in WeChat; in the browser
   * sandbox a stand-in payment sheet, then the sandbox's request-payment (which notifies the server
   * asynchronously, as WeChat does). Rejects with CANCELLED when the person backs out.
   */
  async requestPayment(params: PaymentParams, summary?: PaymentSummary): Promise<void> {
    if (isWeapp) {
      try {
        await Taro.requestPayment({ ...params });
      } catch (failure) {
        const errMsg = (failure as { errMsg?: string } | null)?.errMsg ?? '';
        throw new ApiError(/cancel/i.test(errMsg) ? 'CANCELLED' : 'WECHAT_ERROR', errMsg || 'requestPayment failed');
      }
      return;
    }
    const config = await loadServerConfig();
    if (!config.sandbox) throw new ApiError('NOT_SUPPORTED', 'paying needs WeChat');
    const confirmed = await askInSandbox({ kind: 'payment', amountFen: summary?.amountFen ?? null, description: summary?.description ?? null });
    if (!confirmed) throw new ApiError('CANCELLED', 'payment cancelled');
    const body = await httpJson({ url: `${apiBase}/sandbox/pay/request-payment`, method: 'POST', data: { appId: config.appId, ...params } });
    const errMsg = (body as { errMsg?: unknown } | null)?.errMsg;
    if (errMsg !== 'requestPayment:ok') throw new ApiError('WECHAT_ERROR', typeof errMsg === 'string' ? errMsg : 'requestPayment failed');
  },

  /**
   * Asks for one-time subscribe messages (at most three templates; WeChat only allows this from a
   * tap, so call it in the tap's handler chain) and answers what the person chose per template.
   * In the browser sandbox a stand-in sheet asks, and allowed templates are granted on the
   * sandbox's WeChat side so the server's sends can succeed.
   */
  async requestSubscribe(templateIds: readonly string[], prompt?: SubscribePrompt): Promise<SubscribeResults> {
    const ids = subscribeRequestOf(templateIds);
    if (ids.length === 0) return {};
    if (isWeapp) {
      try {
        const raw = await Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option);
        return subscribeResultsOf(ids, raw);
      } catch (failure) {
        return subscribeFailureOf(ids, (failure as { errCode?: unknown } | null)?.errCode);
      }
    }
    const persona = await sandboxPersona();
    const allowed = await askInSandbox({ kind: 'subscribe', templateCount: ids.length, prompt });
    if (allowed) {
      await httpJson({ url: `${apiBase}/sandbox/personas/${encodeURIComponent(persona)}/subscriptions`, method: 'POST', data: { templateIds: ids } });
    }
    return uniformResults(ids, allowed);
  },

  // Files, documents, images and contacts (files.ts, contact.ts): WeChat temp files vs browser files.
  /** Lets the person choose a PDF (from a WeChat chat) or an image; null when they back out. */
  pickFile,
  /** One request may carry several files (not WeChat's uploadFile). */
  uploadsSeveralFiles,
  /** multipart/form-data; use the API client's `upload`, which adds the session and the route. */
  uploadForm,
  /** A (signed) document URL: WeChat downloads it and opens its viewer; a browser downloads it. */
  openDocument,
  /** Images go straight to the album (WeChat, asking for writePhotosAlbum); a browser downloads them. */
  savesToAlbum,
  saveImageToAlbum,
  /** WeChat's image sheet (send to a chat, save, recognise the code). */
  sharesImages,
  shareImage,
  /** Hands a text file to the person: a download, or WeChat's shareFileMessage. */
  exportTextFile,
  /** A long-pressed image in WeChat offers to recognise a WeChat QR code; a browser cannot. */
  recognisesQrByLongPress: isWeapp,
  callPhone,
  /** WeChat's addPhoneContact, or a .vcf download in a browser. */
  saveContact,
  /** Opens the app's permission settings (WeChat); a refused permission can only be granted there. */
  hasPermissionSettings: isWeapp,

  /** WeChat Channels lives open in the Channels player, which exists only inside WeChat. */
  canOpenChannelsLive: isWeapp,

  /** Opens a Channels live (`wx.openChannelsLive`), looking up its feed first when only the account is known. */
  async openChannelsLive(watch: ChannelsWatch): Promise<void> {
    if (!isWeapp) throw new ApiError('NOT_SUPPORTED', 'Channels lives open only in WeChat');
    let { feedId } = watch;
    let nonceId: string | undefined;
    if (!feedId && typeof Taro.getChannelsLiveInfo === 'function') {
      try {
        const info = await Taro.getChannelsLiveInfo({ finderUserName: watch.finderUserName });
        feedId = info.feedId;
        nonceId = info.nonceId;
      } catch {
        // No live on air right now: the Channels profile opens without a feed.
      }
    }
    try {
      await Taro.openChannelsLive({ finderUserName: watch.finderUserName, feedId, nonceId });
    } catch (failure) {
      const errMsg = (failure as { errMsg?: string } | null)?.errMsg ?? '';
      throw new ApiError(/cancel/i.test(errMsg) ? 'CANCELLED' : 'WECHAT_ERROR', errMsg || 'openChannelsLive failed');
    }
  },
};
