import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SCENE_PATTERN } from '@leadloop/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PublicController } from '../../core/public';
import { qrPng } from './qr-png';
import { type SandboxApi, SandboxState } from './sandbox.state';

type Reply = Record<string, unknown>;
const ok = (extra: Reply = {}): Reply => ({ errcode: 0, errmsg: 'ok', ...extra });
const fail = (errcode: number, errmsg: string): Reply => ({ errcode, errmsg });

const TEMPLATE_ID = /^[\w-]{8,64}$/;
const DATA_KEY = /^(thing|time|date|number|phrase|name|character_string|amount|phone_number|car_number|letter|symbol)\d{1,2}$/;
const VALUE_LIMITS: Record<string, number> = { thing: 20, phrase: 5, name: 10, character_string: 32, number: 32, letter: 32, symbol: 5, amount: 32, phone_number: 17, car_number: 8, time: 32, date: 32 };
const RISKY_WORDS = ['赌博', '色情', '代开发票', 'sandbox-risky'];

/**
 * The sandbox's stand-in for api.weixin.qq.com, mounted at /sandbox/wx. It answers in WeChat's
 * wire format: HTTP 200 with `errcode`/`errmsg`, PNG bodies for mini-program codes.
 */
@PublicController()
@Controller('sandbox/wx')
export class SandboxWechatController {
  constructor(
    private readonly state: SandboxState,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('sns/jscode2session')
  jscode2session(@Query() q: Record<string, string>): Reply {
    const fault = this.state.enter('jscode2session');
    if (fault) return fail(fault.errcode, fault.errmsg);
    if (q.appid !== this.config.wechat.appId || q.secret !== this.config.wechat.secret) return fail(40125, 'invalid appsecret');
    if (q.grant_type !== 'authorization_code') return fail(40002, 'invalid grant_type');
    const redeemed = this.state.redeemLoginCode(String(q.js_code ?? ''));
    if (!redeemed.ok) return fail(redeemed.errcode, redeemed.errcode === 40163 ? 'code been used' : 'invalid code');
    const persona = redeemed.value;
    return {
      openid: this.state.openidOf(q.appid, persona),
      unionid: this.state.unionidOf(persona),
      session_key: Buffer.from(`${persona}:${this.state.now()}`).toString('base64'),
    };
  }

  @Post('cgi-bin/stable_token')
  @HttpCode(200)
  stableToken(@Body() body: Reply): Reply {
    const fault = this.state.enter('stable_token');
    if (fault) return fail(fault.errcode, fault.errmsg);
    if (body.grant_type !== 'client_credential') return fail(40002, 'invalid grant_type');
    if (body.appid !== this.config.wechat.appId || body.secret !== this.config.wechat.secret) return fail(40125, 'invalid appsecret');
    const { token, expiresIn } = this.state.stableToken(body.force_refresh === true);
    return { access_token: token, expires_in: expiresIn };
  }

  @Post('wxa/business/getuserphonenumber')
  @HttpCode(200)
  phoneNumber(@Query('access_token') token: string, @Body() body: Reply): Reply {
    const denied = this.gate('getuserphonenumber', token);
    if (denied) return denied;
    const redeemed = this.state.redeemPhoneCode(String(body.code ?? ''));
    if (!redeemed.ok) return fail(40029, 'invalid code');
    const phone = redeemed.value;
    return ok({
      phone_info: {
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
        watermark: { timestamp: Math.floor(this.state.now() / 1000), appid: this.config.wechat.appId },
      },
    });
  }

  @Post('wxa/getwxacodeunlimit')
  @HttpCode(200)
  unlimitedCode(@Query('access_token') token: string, @Body() body: Reply, @Res() res: Response): void {
    const denied = this.gate('getwxacodeunlimit', token);
    if (denied) return void res.json(denied);
    const scene = typeof body.scene === 'string' ? body.scene : '';
    if (!SCENE_PATTERN.test(scene)) return void res.json(fail(40169, 'invalid length for scene, or the data is not json string'));
    const page = body.page;
    if (page !== undefined && (typeof page !== 'string' || page.startsWith('/') || !/^[\w/-]{1,128}$/.test(page))) {
      return void res.json(fail(41030, 'invalid page rid'));
    }
    const width = Math.min(1280, Math.max(280, Number(body.width) || 430));
    res.type('image/png').send(qrPng(scene, width));
  }

  @Post('cgi-bin/message/subscribe/send')
  @HttpCode(200)
  subscribeSend(@Query('access_token') token: string, @Body() body: Reply): Reply {
    const denied = this.gate('subscribe_send', token);
    if (denied) return denied;
    const persona = typeof body.touser === 'string' ? this.state.personaOf(body.touser) : null;
    if (!persona) return fail(40003, 'invalid openid');
    const templateId = typeof body.template_id === 'string' ? body.template_id : '';
    if (!TEMPLATE_ID.test(templateId)) return fail(40037, 'invalid template id');
    const data = body.data;
    if (typeof data !== 'object' || data === null || !validTemplateData(data as Reply)) return fail(47003, 'argument invalid! data.value invalid');
    if (!this.state.consumeSubscription(body.touser as string, templateId)) return fail(43101, 'user refuse to accept the msg');
    this.state.messages.push({
      persona,
      templateId,
      page: typeof body.page === 'string' ? body.page : null,
      data: data as Record<string, { value: string }>,
      miniprogramState: typeof body.miniprogram_state === 'string' ? body.miniprogram_state : 'formal',
      sentAt: new Date(this.state.now()).toISOString(),
    });
    return ok({ msgid: this.state.now() });
  }

  @Post('wxa/msg_sec_check')
  @HttpCode(200)
  msgSecCheck(@Query('access_token') token: string, @Body() body: Reply): Reply {
    const denied = this.gate('msg_sec_check', token);
    if (denied) return denied;
    if (body.version !== 2 || typeof body.content !== 'string' || typeof body.openid !== 'string') return fail(47001, 'data format error');
    const hit = RISKY_WORDS.find((w) => (body.content as string).includes(w));
    const result = hit ? { suggest: 'risky', label: 20006 } : { suggest: 'pass', label: 100 };
    return ok({ result, detail: [{ strategy: 'content_model', errcode: 0, ...result, keyword: hit ?? '', prob: hit ? 90 : 0 }], trace_id: `sandbox-${this.state.now()}` });
  }

  /** Counts the call, then answers a scripted fault, a rate limit or a bad token, if any. */
  private gate(api: SandboxApi, token: string | undefined): Reply | null {
    const fault = this.state.enter(api);
    if (fault) return fail(fault.errcode, fault.errmsg);
    const tokenError = this.state.checkToken(token);
    if (tokenError === 40001) return fail(40001, 'invalid credential, access_token is invalid or not latest');
    if (tokenError === 42001) return fail(42001, 'access_token expired');
    return null;
  }
}

function validTemplateData(data: Reply): boolean {
  const entries = Object.entries(data);
  if (entries.length === 0) return false;
  return entries.every(([key, field]) => {
    const match = DATA_KEY.exec(key);
    const value = (field as { value?: unknown })?.value;
    return match !== null && typeof value === 'string' && value.length > 0 && [...value].length <= VALUE_LIMITS[match[1]];
  });
}
