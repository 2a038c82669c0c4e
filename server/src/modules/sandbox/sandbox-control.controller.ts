import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { MAINLAND_PHONE_PATTERN, SANDBOX_PERSONA_PATTERN } from '@leadloop/shared';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PublicController } from '../../core/public';
import { validate } from '../../core/validate';
import { SandboxPayState } from './sandbox-pay.state';
import { SandboxApis, SandboxState } from './sandbox.state';

const PersonaName = z.string().regex(SANDBOX_PERSONA_PATTERN, 'letters, digits, _ - or Chinese, at most 32');
const PhoneCodeBody = z.object({ phone: z.string().regex(MAINLAND_PHONE_PATTERN, 'must be an 11-digit mainland mobile number') }).strict();
const SubscriptionsBody = z.object({ templateIds: z.array(z.string().min(1).max(64)).min(1).max(3) }).strict();
const FaultBody = z
  .object({
    api: z.enum(SandboxApis),
    errcode: z.number().int(),
    errmsg: z.string().max(200).default('scripted by the sandbox'),
    times: z.number().int().min(1).max(1000).default(1),
  })
  .strict();
const RateLimitBody = z.object({ api: z.enum(SandboxApis), perMinute: z.number().int().min(1).nullable() }).strict();
const RevokeBody = z.object({ mode: z.enum(['invalid', 'expired']).default('invalid') }).strict();
const MAX_ADVANCE_MS = 400 * 86_400_000;
/** Move the app's clock: forward by seconds or milliseconds, or to an instant (`at: null`: back to the system clock). */
const ClockBody = z.union([
  z.object({ advanceSeconds: z.number().int().min(1).max(MAX_ADVANCE_MS / 1000) }).strict(),
  z.object({ advanceMs: z.number().int().min(1).max(MAX_ADVANCE_MS) }).strict(),
  z.object({ at: z.iso.datetime({ offset: true }).nullable() }).strict(),
]);

/**
 * Test controls for the sandbox: mint codes for named test people, script WeChat faults,
 * and read what WeChat "delivered". Mounted only when the sandbox is on (never in production).
 */
@PublicController()
@Controller('sandbox')
export class SandboxControlController {
  constructor(
    private readonly state: SandboxState,
    private readonly pay: SandboxPayState,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('personas/:name/login-code')
  @HttpCode(200)
  loginCode(@Param('name') name: string): { code: string } {
    return { code: this.state.issueLoginCode(validate(PersonaName, name, 'Persona name')) };
  }

  @Post('personas/:name/phone-code')
  @HttpCode(200)
  phoneCode(@Param('name') name: string, @Body() body: unknown): { code: string } {
    validate(PersonaName, name, 'Persona name');
    return { code: this.state.issuePhoneCode(validate(PhoneCodeBody, body).phone) };
  }

  /** What the user tapped "allow" on in wx.requestSubscribeMessage: one send per template. */
  @Post('personas/:name/subscriptions')
  @HttpCode(200)
  grantSubscriptions(@Param('name') name: string, @Body() body: unknown): { granted: string[] } {
    const persona = validate(PersonaName, name, 'Persona name');
    const { templateIds } = validate(SubscriptionsBody, body);
    this.state.grantSubscriptions(this.state.openidOf(this.config.wechat.appId, persona), templateIds);
    return { granted: templateIds };
  }

  @Post('faults')
  @HttpCode(200)
  fault(@Body() body: unknown): { scripted: true } {
    const f = validate(FaultBody, body);
    this.state.scriptFault(f.api, f.errcode, f.times, f.errmsg);
    return { scripted: true };
  }

  @Post('rate-limits')
  @HttpCode(200)
  rateLimit(@Body() body: unknown): { ok: true } {
    const r = validate(RateLimitBody, body);
    this.state.setRateLimit(r.api, r.perMinute);
    return { ok: true };
  }

  /** Makes every issued access token invalid (40001) or expired (42001). */
  @Post('access-tokens/revoke')
  @HttpCode(200)
  revokeTokens(@Body() body: unknown): { ok: true } {
    this.state.revokeTokens(validate(RevokeBody, body ?? {}).mode);
    return { ok: true };
  }

  /** The time the server and WeChat's stand-in share. */
  @Get('clock')
  clock(): { now: string } {
    return { now: new Date(this.state.now()).toISOString() };
  }

  @Post('clock')
  @HttpCode(200)
  moveClock(@Body() body: unknown): { now: string } {
    const move = validate(ClockBody, body);
    if ('at' in move) this.state.clock.set(move.at === null ? null : new Date(move.at));
    else this.state.clock.advance('advanceMs' in move ? move.advanceMs : move.advanceSeconds * 1000);
    return this.clock();
  }

  @Get('messages')
  messages(@Query('persona') persona?: string): { items: SandboxState['messages'] } {
    return { items: persona ? this.state.messages.filter((m) => m.persona === persona) : [...this.state.messages] };
  }

  @Get('calls')
  calls(): Record<string, number> {
    return this.state.callCounts();
  }

  @Post('reset')
  @HttpCode(200)
  reset(): { ok: true } {
    this.state.reset();
    this.pay.reset();
    return { ok: true };
  }
}
