import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, In, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { ServerUrl } from '../../core/server-url';
import { lockForUpdate } from '../../database/locks';
import { PaymentHooks } from './payment-hooks';
import { PaymentNotificationEntity, PaymentOrderEntity, PaymentRefundEntity } from './payments.entity';
import { type EncryptedResource, type NotificationHeaders, WechatPayClient, type WechatTransaction } from './wechat-pay.client';

interface NotificationBody {
  id?: string;
  event_type?: string;
  resource_type?: string;
  resource?: EncryptedResource & { original_type?: string };
}

export type NotificationOutcome = 'applied' | 'duplicate' | 'ignored' | 'rejected';

/**
 * Orders, notifications, reconciliation and refunds for WeChat Pay. An order is applied at most
 * once (guarded status update); every notification is logged with what was done about it.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly wechat: WechatPayClient,
    private readonly hooks: PaymentHooks,
    private readonly serverUrl: ServerUrl,
    private readonly clock: Clock,
  ) {}

  /** Where WeChat Pay notifies us: the public URL, or this server itself (the sandbox). */
  private get notifyUrl(): string {
    return `${this.config.publicUrl ?? this.serverUrl.value}/api/payments/wechat/notify`;
  }

  get enabled(): boolean {
    return this.wechat.enabled;
  }

  /** Records an order inside the caller's transaction (the seat it pays for is held there too). */
  async createOrder(em: EntityManager, input: { signupId: string; personId: string; eventId: string; amountFen: number }): Promise<PaymentOrderEntity> {
    const now = this.clock.now();
    const order: PaymentOrderEntity = {
      id: newId(now.getTime()),
      outTradeNo: `LL${newId(now.getTime())}`,
      ...input,
      status: 'created',
      transactionId: null,
      expiresAt: new Date(now.getTime() + this.config.pay.orderTimeoutSeconds * 1000),
      paidAt: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await em.insert(PaymentOrderEntity, order);
    return order;
  }

  /** The open (unpaid, unexpired) order of a sign-up, if any. */
  openOrderOf(signupId: string): Promise<PaymentOrderEntity | null> {
    return this.dataSource.manager.findOne(PaymentOrderEntity, { where: { signupId, status: 'created' }, order: { createdAt: 'DESC' } });
  }

  paidOrderOf(signupId: string, em: EntityManager = this.dataSource.manager): Promise<PaymentOrderEntity | null> {
    return em.findOne(PaymentOrderEntity, { where: { signupId, status: 'paid' }, order: { createdAt: 'DESC' } });
  }

  /** Asks WeChat for a prepay id and signs the `wx.requestPayment` parameters. */
  jsapiParams(order: PaymentOrderEntity, description: string, openid: string) {
    return this.wechat.jsapiOrder({ outTradeNo: order.outTradeNo, description, amountFen: order.amountFen, openid, notifyUrl: this.notifyUrl, expiresAt: order.expiresAt });
  }

  /**
   * `POST /api/payments/wechat/notify`: signature over the raw body, then AEAD decryption, then
   * mchid/appid/order/amount checks, then an idempotent apply. Anything that fails a check
   * changes nothing and is logged.
   */
  async handleNotification(headers: NotificationHeaders, rawBody: string): Promise<NotificationOutcome> {
    const verdict = await this.wechat.verifyNotification(headers, rawBody);
    if (!verdict.ok) return this.reject(null, null, verdict.reason);
    let body: NotificationBody;
    let tx: WechatTransaction;
    try {
      body = JSON.parse(rawBody) as NotificationBody;
      if (!body.resource) throw new Error('no resource');
      tx = this.wechat.decrypt(body.resource) as WechatTransaction;
    } catch (error) {
      return this.reject(null, null, `undecryptable: ${(error as Error).message}`);
    }
    if (body.event_type !== 'TRANSACTION.SUCCESS' || tx.trade_state !== 'SUCCESS') {
      await this.log(body.id ?? null, tx.out_trade_no ?? null, 'ignored', `${body.event_type}/${tx.trade_state}`);
      return 'ignored';
    }
    return this.applyPaid(tx, body.id ?? null, 'notification');
  }

  /** Applies a successful transaction (from a notification or a query) to its order, once. */
  async applyPaid(tx: WechatTransaction, notificationId: string | null, source: string): Promise<NotificationOutcome> {
    const problem = this.mismatch(tx);
    if (problem) return this.reject(notificationId, tx.out_trade_no ?? null, problem);
    const outcome = await this.dataSource.transaction(async (em) => {
      const order = await this.lockOrder(em, tx.out_trade_no);
      if (!order) return { outcome: 'rejected' as const, detail: 'unknown order', order: null };
      if (order.amountFen !== tx.amount?.total) return { outcome: 'rejected' as const, detail: `amount ${tx.amount?.total} ≠ ${order.amountFen}`, order: null };
      if (order.status !== 'created') return { outcome: 'duplicate' as const, detail: `already ${order.status}`, order: order.status === 'closed' ? order : null };
      const now = this.clock.now();
      await em.update(PaymentOrderEntity, { id: order.id }, { status: 'paid', transactionId: tx.transaction_id ?? null, paidAt: now, updatedAt: now });
      await this.hooks.current.paid(em, { ...order, status: 'paid', paidAt: now });
      return { outcome: 'applied' as const, detail: source, order: null };
    });
    await this.log(notificationId, tx.out_trade_no, outcome.outcome, outcome.detail);
    if (outcome.outcome === 'rejected') this.logger.warn(`Payment for ${tx.out_trade_no} refused: ${outcome.detail}`);
    // paid after we closed it (the person paid in the last second): give the money back
    if (outcome.outcome === 'duplicate' && outcome.order) await this.refundOrder(outcome.order, '订单已超时关闭，自动退款').catch((e: Error) => this.logger.error(`Refund of late payment failed: ${e.message}`));
    return outcome.outcome;
  }

  /**
   * Background reconciliation: orders with no notification after a while are queried (a missed
   * notification is recovered); unpaid orders past their expiry are closed and their seats freed.
   */
  async reconcile(now = this.clock.now()): Promise<number> {
    if (!this.enabled) return 0;
    const stale = await this.dataSource.manager.find(PaymentOrderEntity, {
      where: { status: 'created', createdAt: LessThan(new Date(now.getTime() - this.config.pay.queryAfterSeconds * 1000)) },
      order: { createdAt: 'ASC' },
      take: 50,
    });
    let settled = 0;
    for (const order of stale) {
      const tx = await this.wechat.query(order.outTradeNo).catch(() => undefined);
      if (tx === undefined) continue; // WeChat unreachable: next round
      if (tx?.trade_state === 'SUCCESS') {
        if ((await this.applyPaid(tx, null, 'query')) === 'applied') settled++;
      } else if (order.expiresAt <= now) {
        if (await this.closeOrder(order)) settled++;
      }
    }
    return settled;
  }

  /** Closes an unpaid order at WeChat, then here (freeing what it held). False if it was paid meanwhile. */
  async closeOrder(order: PaymentOrderEntity): Promise<boolean> {
    const closedAtWechat = await this.wechat.close(order.outTradeNo);
    if (!closedAtWechat) {
      const tx = await this.wechat.query(order.outTradeNo);
      if (tx?.trade_state === 'SUCCESS') await this.applyPaid(tx, null, 'query after close refused');
      return false;
    }
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const result = await em.update(PaymentOrderEntity, { id: order.id, status: 'created' }, { status: 'closed', closedAt: now, updatedAt: now });
      if (!result.affected) return false;
      await this.hooks.current.closed(em, order);
      return true;
    });
  }

  /** Refunds a paid order in full; one refund per order (its out_refund_no is derived from it). */
  async refundOrder(order: PaymentOrderEntity, reason: string): Promise<{ status: string; amountFen: number }> {
    const outRefundNo = `RF${order.outTradeNo}`;
    const existing = await this.dataSource.manager.findOneBy(PaymentRefundEntity, { outRefundNo });
    if (existing) return { status: existing.status, amountFen: existing.amountFen };
    const result = await this.wechat.refund({ outTradeNo: order.outTradeNo, outRefundNo, refundFen: order.amountFen, totalFen: order.amountFen, reason });
    const now = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      await em.insert(PaymentRefundEntity, { id: newId(now.getTime()), outRefundNo, orderId: order.id, amountFen: order.amountFen, status: result.status, refundId: result.refundId, createdAt: now, updatedAt: now });
      await em.update(PaymentOrderEntity, { id: order.id }, { status: result.status === 'SUCCESS' ? 'refunded' : 'refunding', updatedAt: now });
    });
    return { status: result.status, amountFen: order.amountFen };
  }

  /** Revenue figures for a set of orders' events (the report). */
  async revenueOf(eventId: string): Promise<{ paidOrders: number; grossFen: number; refundedFen: number }> {
    const paid = await this.dataSource.manager.find(PaymentOrderEntity, { where: { eventId, status: In(['paid', 'refunding', 'refunded']) } });
    const refunds = paid.length ? await this.dataSource.manager.find(PaymentRefundEntity, { where: { orderId: In(paid.map((o) => o.id)) } }) : [];
    return {
      paidOrders: paid.length,
      grossFen: paid.reduce((sum, o) => sum + o.amountFen, 0),
      refundedFen: refunds.filter((r) => r.status !== 'ABNORMAL' && r.status !== 'CLOSED').reduce((sum, r) => sum + r.amountFen, 0),
    };
  }

  private mismatch(tx: WechatTransaction): string | null {
    if (!tx || typeof tx !== 'object' || typeof tx.out_trade_no !== 'string') return 'no order number';
    if (tx.mchid !== this.wechat.mchId) return `mchid ${tx.mchid} is not ours`;
    if (tx.appid !== this.wechat.appId) return `appid ${tx.appid} is not ours`;
    if (typeof tx.amount?.total !== 'number') return 'no amount';
    return null;
  }

  private lockOrder(em: EntityManager, outTradeNo: string): Promise<PaymentOrderEntity | null> {
    return lockForUpdate(em.createQueryBuilder(PaymentOrderEntity, 'o').where('o.out_trade_no = :outTradeNo', { outTradeNo })).getOne();
  }

  private async reject(notificationId: string | null, outTradeNo: string | null, reason: string): Promise<'rejected'> {
    this.logger.warn(`Payment notification refused: ${reason}`);
    await this.log(notificationId, outTradeNo, 'rejected', reason);
    return 'rejected';
  }

  private async log(notificationId: string | null, outTradeNo: string | null, outcome: string, detail: string): Promise<void> {
    await this.dataSource.manager.insert(PaymentNotificationEntity, {
      id: newId(),
      notificationId: notificationId?.slice(0, 64) ?? null,
      outTradeNo: outTradeNo?.slice(0, 32) ?? null,
      outcome,
      detail: detail.slice(0, 128),
      receivedAt: this.clock.now(),
    });
  }
}

export function requirePayments(service: PaymentsService): void {
  if (!service.enabled) throw new AppError('PAYMENT_UNAVAILABLE', 'Paid events need WeChat Pay to be configured');
}
