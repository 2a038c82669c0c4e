import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Clock } from '../../core/clock';
import { PublicController } from '../../core/public';
import { validate } from '../../core/validate';
import { type SandboxOrder, SandboxPayState, transactionOf } from './sandbox-pay.state';

const JsapiOrder = z.object({
  appid: z.string(),
  mchid: z.string(),
  description: z.string().min(1).max(127),
  out_trade_no: z.string().regex(/^[0-9A-Za-z_\-|*]{6,32}$/),
  time_expire: z.string().optional(),
  notify_url: z.url().max(256),
  amount: z.object({ total: z.number().int().min(1), currency: z.literal('CNY').optional() }),
  payer: z.object({ openid: z.string().min(1).max(128) }),
});
const Refund = z.object({
  out_trade_no: z.string(),
  out_refund_no: z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/),
  reason: z.string().max(80).optional(),
  amount: z.object({ refund: z.number().int().min(1), total: z.number().int().min(1), currency: z.literal('CNY') }),
});
const RequestPayment = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string().regex(/^prepay_id=[\w-]+$/),
  signType: z.literal('RSA'),
  paySign: z.string(),
  /** false: WeChat "loses" the notification (the server must find out by querying). */
  notify: z.boolean().default(true),
});
const Craft = z
  .object({
    outTradeNo: z.string(),
    amountFen: z.number().int().optional(),
    mchid: z.string().optional(),
    appid: z.string().optional(),
    signWith: z.enum(['platform', 'stranger']).default('platform'),
  })
  .strict();
const SignBody = z.object({ body: z.string().max(65536) }).strict();
const Mode = z.object({ serial: z.enum(['public_key', 'certificate']) }).strict();

type Reply = Record<string, unknown>;
const payError = (res: Response, status: number, code: string, message: string): Reply => {
  res.status(status);
  return { code, message };
};

/**
 * The sandbox's stand-in for api.mch.weixin.qq.com (mounted at /sandbox/pay), reached through
 * `wechatpay-node-v3`'s `createHttp`, plus controls: pay an order as `wx.requestPayment` would,
 * read or forge notifications, switch the platform serial mode.
 */
@PublicController()
@Controller('sandbox/pay')
export class SandboxPayController {
  constructor(
    private readonly pay: SandboxPayState,
    private readonly clock: Clock,
  ) {}

  @Post('v3/pay/transactions/jsapi')
  @HttpCode(200)
  jsapi(@Req() req: RawBodyRequest<Request>, @Res({ passthrough: true }) res: Response): Reply {
    const denied = this.authenticate(req, res);
    if (denied) return denied;
    const parsed = JsapiOrder.safeParse(req.body);
    if (!parsed.success) return payError(res, 400, 'PARAM_ERROR', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const o = parsed.data;
    if (o.appid !== this.pay.credentials.appId) return payError(res, 400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    const existing = this.pay.orders.get(o.out_trade_no);
    if (existing) {
      if (existing.amount !== o.amount.total || existing.description !== o.description) return payError(res, 400, 'INVALID_REQUEST', '201 商户订单号重复');
      if (existing.state !== 'NOTPAY') return payError(res, 400, 'ORDERPAID', '该订单已支付');
      return { prepay_id: existing.prepayId };
    }
    const order: SandboxOrder = {
      appid: o.appid,
      mchid: o.mchid,
      description: o.description,
      outTradeNo: o.out_trade_no,
      amount: o.amount.total,
      openid: o.payer.openid,
      notifyUrl: o.notify_url,
      prepayId: `wx${this.clock.nowMs()}${randomBytes(8).toString('hex')}`,
      state: 'NOTPAY',
      transactionId: null,
      successTime: null,
      expireAt: o.time_expire ? Date.parse(o.time_expire) : null,
      refunds: new Map(),
    };
    this.pay.orders.set(order.outTradeNo, order);
    return { prepay_id: order.prepayId };
  }

  @Get('v3/pay/transactions/out-trade-no/:no')
  query(@Req() req: RawBodyRequest<Request>, @Res({ passthrough: true }) res: Response, @Param('no') no: string, @Query('mchid') mchid: string): Reply {
    const denied = this.authenticate(req, res);
    if (denied) return denied;
    const order = this.pay.orders.get(no);
    if (!order || mchid !== order.mchid) return payError(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
    return transactionOf(order);
  }

  @Post('v3/pay/transactions/out-trade-no/:no/close')
  @HttpCode(204)
  close(@Req() req: RawBodyRequest<Request>, @Res({ passthrough: true }) res: Response, @Param('no') no: string): Reply | undefined {
    const denied = this.authenticate(req, res);
    if (denied) return denied;
    const order = this.pay.orders.get(no);
    if (!order) return payError(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return payError(res, 400, 'ORDERPAID', '订单已支付');
    order.state = 'CLOSED';
    return undefined;
  }

  @Post('v3/refund/domestic/refunds')
  @HttpCode(200)
  refund(@Req() req: RawBodyRequest<Request>, @Res({ passthrough: true }) res: Response): Reply {
    const denied = this.authenticate(req, res);
    if (denied) return denied;
    const parsed = Refund.safeParse(req.body);
    if (!parsed.success) return payError(res, 400, 'PARAM_ERROR', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const r = parsed.data;
    const order = this.pay.orders.get(r.out_trade_no);
    if (!order) return payError(res, 404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const previous = order.refunds.get(r.out_refund_no);
    if (!previous) {
      if (order.state !== 'SUCCESS' && order.state !== 'REFUND') return payError(res, 400, 'INVALID_REQUEST', '订单未支付');
      const refunded = [...order.refunds.values()].reduce((sum, x) => sum + x.amount, 0);
      if (r.amount.total !== order.amount || refunded + r.amount.refund > order.amount) return payError(res, 400, 'INVALID_REQUEST', '退款金额超过订单金额');
      order.refunds.set(r.out_refund_no, { refundId: `50300${this.clock.nowMs()}`, amount: r.amount.refund, createdAt: this.clock.now().toISOString() });
      order.state = 'REFUND';
    }
    const refund = order.refunds.get(r.out_refund_no)!;
    return {
      refund_id: refund.refundId,
      out_refund_no: r.out_refund_no,
      transaction_id: order.transactionId,
      out_trade_no: order.outTradeNo,
      channel: 'ORIGINAL',
      status: 'SUCCESS',
      create_time: refund.createdAt,
      amount: { total: order.amount, refund: refund.amount, currency: 'CNY', payer_total: order.amount, payer_refund: refund.amount },
    };
  }

  @Get('v3/certificates')
  certificates(@Req() req: RawBodyRequest<Request>, @Res({ passthrough: true }) res: Response): Reply {
    return this.authenticate(req, res) ?? this.pay.certificates();
  }

  /** What `wx.requestPayment` does on a phone: checks paySign, takes the money, notifies the merchant. */
  @Post('request-payment')
  @HttpCode(200)
  requestPayment(@Body() body: unknown): { errMsg: string } {
    const p = validate(RequestPayment, body);
    if (p.appId !== this.pay.credentials.appId || !this.pay.verifyPaySign(p)) return { errMsg: 'requestPayment:fail sign error' };
    const prepayId = p.package.slice('prepay_id='.length);
    const order = [...this.pay.orders.values()].find((o) => o.prepayId === prepayId);
    if (!order) return { errMsg: 'requestPayment:fail prepay_id not found' };
    if (order.state !== 'NOTPAY' || (order.expireAt !== null && order.expireAt < this.clock.nowMs())) return { errMsg: 'requestPayment:fail order closed or expired' };
    this.pay.pay(order, p.notify);
    return { errMsg: 'requestPayment:ok' };
  }

  @Get('notifications')
  notifications(@Query('outTradeNo') outTradeNo?: string) {
    return { items: this.pay.deliveries.filter((d) => !outTradeNo || d.outTradeNo === outTradeNo) };
  }

  /** A notification for an order, optionally altered (amount, merchant) or signed with a key WeChat never had. */
  @Post('notifications/craft')
  @HttpCode(200)
  craft(@Body() body: unknown) {
    const c = validate(Craft, body);
    const order = this.pay.orders.get(c.outTradeNo);
    const base = order
      ? transactionOf({ ...order, state: 'SUCCESS', transactionId: order.transactionId ?? `42000${this.clock.nowMs()}`, successTime: order.successTime ?? this.clock.now().toISOString() })
      : { appid: this.pay.credentials.appId, mchid: this.pay.credentials.mchId, out_trade_no: c.outTradeNo, transaction_id: `42000${this.clock.nowMs()}`, trade_state: 'SUCCESS', amount: { total: c.amountFen ?? 1 } };
    const transaction = {
      ...base,
      ...(c.mchid ? { mchid: c.mchid } : {}),
      ...(c.appid ? { appid: c.appid } : {}),
      ...(c.amountFen !== undefined ? { amount: { total: c.amountFen, payer_total: c.amountFen, currency: 'CNY', payer_currency: 'CNY' } } : {}),
    };
    return this.pay.notificationFor(transaction, c.signWith);
  }

  /** Signs any body with the platform key (a test re-signing a tampered body, to reach the decryption checks). */
  @Post('notifications/sign')
  @HttpCode(200)
  signBody(@Body() body: unknown) {
    return { headers: this.pay.sign(validate(SignBody, body).body) };
  }

  @Post('mode')
  @HttpCode(200)
  mode(@Body() body: unknown) {
    this.pay.serialMode = validate(Mode, body).serial;
    return { serial: this.pay.serialMode };
  }

  private authenticate(req: RawBodyRequest<Request>, res: Response): Reply | null {
    const path = req.originalUrl.replace(/^\/sandbox\/pay/, '');
    const problem = this.pay.verifyMerchant(req.method, path, req.headers.authorization, req.rawBody?.toString('utf8') ?? '');
    return problem ? payError(res, 401, 'SIGN_ERROR', problem) : null;
  }
}
