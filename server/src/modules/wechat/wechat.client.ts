import { Inject, Injectable } from '@nestjs/common';
import { normalisePhone } from '@leadloop/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessTokenService } from './access-token.service';
import { WechatApiError, WechatErrcode } from './wechat.errors';
import { WechatHttp } from './wechat.http';

export interface WechatSession {
  openid: string;
  unionid: string | null;
  /** Stays on the server: never logged, never sent to a client. */
  sessionKey: string;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

export interface SecurityVerdict {
  suggest: 'pass' | 'review' | 'risky';
  label: number;
}

const TOKEN_REJECTED = new Set<number>([
  WechatErrcode.INVALID_CREDENTIAL,
  WechatErrcode.ACCESS_TOKEN_EXPIRED,
  WechatErrcode.INVALID_ACCESS_TOKEN,
]);

/** WeChat's server API, typed. Every call goes to the configured base URL (real or sandbox). */
@Injectable()
export class WechatClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly http: WechatHttp,
    private readonly tokens: AccessTokenService,
  ) {}

  async code2Session(code: string): Promise<WechatSession> {
    const query = new URLSearchParams({
      appid: this.config.wechat.appId,
      secret: this.config.wechat.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const res = await this.http.getJson<{ openid: string; session_key: string; unionid?: string }>(
      'jscode2session',
      `/sns/jscode2session?${query}`,
    );
    return { openid: res.openid, unionid: res.unionid ?? null, sessionKey: res.session_key };
  }

  /** Phone number behind a getPhoneNumber code, normalised to +<country><number>. */
  async getPhoneNumber(code: string): Promise<{ phone: string; purePhoneNumber: string; countryCode: string }> {
    const res = await this.withToken((token) =>
      this.http.postJson<{ phone_info: { purePhoneNumber: string; countryCode: string } }>(
        'getuserphonenumber',
        `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
        { code },
      ),
    );
    const { purePhoneNumber, countryCode } = res.phone_info;
    return { phone: normalisePhone(purePhoneNumber, countryCode), purePhoneNumber, countryCode };
  }

  /** A PNG mini-program code that opens `page` with `scene` (≤ 32 chars). */
  async getUnlimitedCode(input: { scene: string; page: string; width?: number; checkPath?: boolean; envVersion?: 'release' | 'trial' | 'develop' }): Promise<Buffer> {
    const reply = await this.withToken((token) =>
      this.http.postForBinary('getwxacodeunlimit', `/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
        scene: input.scene,
        page: input.page,
        width: input.width ?? 430,
        check_path: input.checkPath ?? false,
        env_version: input.envVersion ?? 'release',
      }),
    );
    return reply.body;
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await this.withToken((token) =>
      this.http.postJson('subscribe_send', `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: message.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      }),
    );
  }

  /** Content security check (v2) of user-written text before others see it. */
  async checkText(openid: string, content: string, scene: 1 | 2 | 3 | 4 = 1): Promise<SecurityVerdict> {
    const res = await this.withToken((token) =>
      this.http.postJson<{ result: { suggest: SecurityVerdict['suggest']; label: number } }>(
        'msg_sec_check',
        `/wxa/msg_sec_check?access_token=${encodeURIComponent(token)}`,
        { content, version: 2, scene, openid },
      ),
    );
    return { suggest: res.result.suggest, label: res.result.label };
  }

  /** Runs a token-bearing call; if WeChat rejects the token, refetches it once and retries. */
  private async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.tokens.get();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !TOKEN_REJECTED.has(error.errcode)) throw error;
      await this.tokens.invalidate(token);
      return call(await this.tokens.get());
    }
  }
}
