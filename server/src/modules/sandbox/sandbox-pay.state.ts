import { createCipheriv, createSign, createVerify, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { PAY_CREDENTIALS, type PayCredentials } from '../payments/wechat-pay.credentials';

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface SandboxOrder {
  appid: string;
  mchid: string;
  description: string;
  outTradeNo: string;
  amount: number;
  openid: string;
  notifyUrl: string;
  prepayId: string;
  state: TradeState;
  transactionId: string | null;
  successTime: string | null;
  expireAt: number | null;
  refunds: Map<string, { refundId: string; amount: number; createdAt: string }>;
}

export interface Delivery {
  outTradeNo: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  attempts: number;
  delivered: boolean;
  lastStatus: number | null;
}

/** WeChat Pay's retry schedule after the first attempt (seconds): 15 retries over about a day. */
const RETRY_SCHEDULE_S = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];

/**
 * The sandbox's side of WeChat Pay: orders keyed by out_trade_no, verification of the merchant's
 * request signatures, and notifications encrypted with the APIv3 key, signed with the sandbox's
 * platform key (public-key or certificate serial), delivered and retried on WeChat's schedule.
 */
@Injectable()
export class SandboxPayState implements OnModuleDestroy {
  private readonly logger = new Logger(SandboxPayState.name);
  readonly orders = new Map<string, SandboxOrder>();
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  serialMode: 'public_key' | 'certificate' = 'public_key';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAY_CREDENTIALS) readonly credentials: PayCredentials,
    private readonly clock: Clock,
  ) {}

  get platform() {
    if (!this.credentials.sandbox) throw new Error('No sandbox platform keys');
    return this.credentials.sandbox;
  }

  /** `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"` */
  verifyMerchant(method: string, path: string, authorization: string | undefined, body: string): string | null {
    const fields = Object.fromEntries([...(authorization ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (!authorization?.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return 'missing or unknown authorization scheme';
    if (fields.mchid !== this.credentials.mchId) return 'mchid does not match';
    if (fields.serial_no !== this.credentials.serialNo) return 'merchant serial does not match';
    // wall time: wechatpay-node-v3 stamps the merchant's requests with the system clock, not the app's
    if (Math.abs(Date.now() / 1000 - Number(fields.timestamp)) > 300) return 'timestamp expired';
    const message = `${method}\n${path}\n${fields.timestamp}\n${fields.nonce_str}\n${body}\n`;
    const valid = createVerify('RSA-SHA256').update(message).verify(this.credentials.merchantPublicKeyPem, fields.signature ?? '', 'base64');
    return valid ? null : 'signature verification failed';
  }

  /** `wx.requestPayment`'s paySign: appId, timeStamp, nonceStr, package, each followed by a newline. */
  verifyPaySign(p: { appId: string; timeStamp: string; nonceStr: string; package: string; paySign: string }): boolean {
    const message = `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    return createVerify('RSA-SHA256').update(message).verify(this.credentials.merchantPublicKeyPem, p.paySign, 'base64');
  }

  pay(order: SandboxOrder, notify: boolean): void {
    order.state = 'SUCCESS';
    order.transactionId = `42000${this.clock.nowMs()}${randomBytes(4).readUInt32BE() % 100000}`.slice(0, 28);
    order.successTime = this.clock.now().toISOString().replace(/\.\d+Z$/, '+00:00');
    if (notify) this.deliver(this.notificationFor(transactionOf(order)), order.outTradeNo, order.notifyUrl);
  }

  /** A notification as WeChat would send it; overrides let tests forge one (changed amount, other merchant…). */
  notificationFor(transaction: Record<string, unknown>, signWith: 'platform' | 'stranger' = 'platform'): { headers: Record<string, string>; body: string } {
    const nonce = randomBytes(6).toString('hex');
    const plaintext = Buffer.from(JSON.stringify(transaction));
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(this.credentials.apiV3Key), Buffer.from(nonce));
    cipher.setAAD(Buffer.from('transaction'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]).toString('base64');
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: this.clock.now().toISOString(),
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: 'transaction', nonce },
    });
    return { headers: this.sign(body, signWith), body };
  }

  /** Response/notification signature headers over `timestamp\nnonce\nbody\n`. */
  sign(body: string, signWith: 'platform' | 'stranger' = 'platform'): Record<string, string> {
    const timestamp = String(Math.floor(this.clock.nowMs() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const key = signWith === 'platform' ? this.platform.privateKeyPem : strangerKey();
    const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(key, 'base64');
    return {
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': this.serialMode === 'public_key' ? this.platform.publicKeyId : this.platform.certificateSerial,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    };
  }

  /** The platform certificate, encrypted with the APIv3 key as `GET /v3/certificates` returns it. */
  certificates(): Record<string, unknown> {
    const nonce = randomBytes(6).toString('hex');
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(this.credentials.apiV3Key), Buffer.from(nonce));
    cipher.setAAD(Buffer.from('certificate'));
    const ciphertext = Buffer.concat([cipher.update(this.platform.certificatePem), cipher.final(), cipher.getAuthTag()]).toString('base64');
    return {
      data: [
        {
          serial_no: this.platform.certificateSerial,
          effective_time: new Date(this.clock.nowMs() - 86_400_000).toISOString(),
          expire_time: new Date(this.clock.nowMs() + 5 * 365 * 86_400_000).toISOString(),
          encrypt_certificate: { algorithm: 'AEAD_AES_256_GCM', nonce, associated_data: 'certificate', ciphertext },
        },
      ],
    };
  }

  /** Posts the notification, retrying on WeChat's schedule (scaled) until answered 200/204. */
  private deliver(notification: { headers: Record<string, string>; body: string }, outTradeNo: string, url: string): void {
    const delivery: Delivery = { outTradeNo, url, headers: notification.headers, body: notification.body, attempts: 0, delivered: false, lastStatus: null };
    this.deliveries.push(delivery);
    const attempt = async (): Promise<void> => {
      delivery.attempts++;
      try {
        const res = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body, signal: AbortSignal.timeout(5000) });
        delivery.lastStatus = res.status;
        delivery.delivered = res.status === 200 || res.status === 204;
      } catch (error) {
        delivery.lastStatus = 0;
        this.logger.warn(`Notification to ${url} failed: ${(error as Error).message}`);
      }
      const next = RETRY_SCHEDULE_S[delivery.attempts - 1];
      if (!delivery.delivered && next !== undefined) this.later(attempt, next * 1000 * this.config.pay.sandboxTimeScale);
    };
    this.later(attempt, 0);
  }

  private later(work: () => Promise<void>, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void work();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  reset(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.orders.clear();
    this.deliveries.length = 0;
    this.serialMode = 'public_key';
  }

  onModuleDestroy(): void {
    for (const t of this.timers) clearTimeout(t);
  }
}

export function transactionOf(order: SandboxOrder): Record<string, unknown> {
  return {
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    transaction_id: order.transactionId ?? undefined,
    trade_type: 'JSAPI',
    trade_state: order.state,
    trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[order.state],
    bank_type: order.state === 'SUCCESS' ? 'OTHERS' : undefined,
    success_time: order.successTime ?? undefined,
    payer: { openid: order.openid },
    amount: { total: order.amount, payer_total: order.state === 'NOTPAY' ? 0 : order.amount, currency: 'CNY', payer_currency: 'CNY' },
  };
}

let stranger: string | null = null;
/** A key WeChat never had: what a forger would sign with. */
function strangerKey(): string {
  stranger ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return stranger;
}
