import type { ErrorCode } from '@leadloop/shared';
import { AppError } from '../../core/app-error';

/** WeChat errcodes this server reacts to. */
export const WechatErrcode = {
  BUSY: -1,
  INVALID_CREDENTIAL: 40001,
  INVALID_ACCESS_TOKEN: 40014,
  ACCESS_TOKEN_EXPIRED: 42001,
  INVALID_CODE: 40029,
  CODE_USED: 40163,
  RATE_LIMITED: 45011,
  API_RATE_LIMITED: 45009,
  INVALID_SCENE: 40169,
  INVALID_PAGE: 41030,
  NO_SUBSCRIPTION: 43101,
  BAD_TEMPLATE_DATA: 47003,
  BAD_TEMPLATE: 40037,
  RISKY_CONTENT: 87014,
} as const;

export type WechatApi =
  | 'jscode2session'
  | 'stable_token'
  | 'getuserphonenumber'
  | 'getwxacodeunlimit'
  | 'subscribe_send'
  | 'msg_sec_check';

function codeFor(errcode: number): ErrorCode {
  switch (errcode) {
    case WechatErrcode.INVALID_CODE:
      return 'WECHAT_CODE_INVALID';
    case WechatErrcode.CODE_USED:
      return 'WECHAT_CODE_USED';
    case WechatErrcode.RATE_LIMITED:
    case WechatErrcode.API_RATE_LIMITED:
      return 'WECHAT_RATE_LIMITED';
    case WechatErrcode.BUSY:
      return 'WECHAT_BUSY';
    default:
      return 'WECHAT_ERROR';
  }
}

/** A WeChat API answered with a non-zero errcode. */
export class WechatApiError extends AppError {
  constructor(
    readonly api: WechatApi,
    readonly errcode: number,
    errmsg: string,
  ) {
    super(codeFor(errcode), `WeChat ${api} failed (${errcode})`, { errcode, errmsg });
    this.name = 'WechatApiError';
  }
}

/** WeChat could not be reached or answered something that is not its wire format. */
export class WechatUnavailableError extends AppError {
  constructor(
    readonly api: WechatApi,
    reason: string,
  ) {
    super('WECHAT_UNAVAILABLE', `WeChat ${api} is unreachable`, { reason });
    this.name = 'WechatUnavailableError';
  }
}
