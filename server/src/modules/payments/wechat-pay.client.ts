import { createDecipheriv } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import Pay from 'wechatpay-node-v3';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { ServerUrl } from '../../core/server-url';
import { PAY_CREDENTIALS, type PayCredentials } from './wechat-pay.credentials';
import { WechatPayHttp } from './wechat-pay.http';

/** `wechatpay-node-v3` keeps verified platform keys in a static map; this is the way in (its issue #73). */
class TrustingPay extends Pay {
  static trust(serial: string, publicKeyPem: string): void {
    Pay.certificates[serial] = publicKeyPem;
  }

  static knows(serial: string): boolean {
    return serial in Pay.certificates;
  }
}

export interface WechatTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  success_time?: string;
  amount?: { total: number; payer_total?: number; currency?: string };
  payer?: { openid: string };
}

export interface NotificationHeaders {
  timestamp: string;
  nonce: string;
  signature: string;
  serial: string;
}

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
}

/** A notification older than this is refused even with a good signature (replay window). */
const MAX_SKEW_S = 300;
/** An unknown certificate serial triggers at most one certificate download per this period. */
const CERT_REFRESH_MS = 60_000;

/**
 * WeChat Pay v3 through `wechatpay-node-v3`: JSAPI orders, query, close, refund, and the
 * checks on notifications. Platform public-key mode is trusted up front; certificate mode
 * downloads (and decrypts) the platform certificates when a serial is first seen.
 */
@Injectable()
export class WechatPayClient {
  private readonly logger = new Logger(WechatPayClient.name);
  /** null when WeChat Pay is not configured (paid events are refused then). */
  private readonly client: TrustingPay | null = null;
  private base: string | null;
  private lastCertFetch = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PAY_CREDENTIALS) private readonly credentials: PayCredentials,
    private readonly serverUrl: ServerUrl,
    private readonly clock: Clock,
  ) {
    this.base = config.pay.apiBase;
    if (!credentials.enabled) return;
    this.client = new TrustingPay({
      appid: credentials.appId,
      mchid: credentials.mchId,
      serial_no: credentials.serialNo,
      publicKey: Buffer.from(credentials.merchantPublicKeyPem),
      privateKey: Buffer.from(credentials.privateKeyPem),
      key: credentials.apiV3Key,
    });
    this.client.createHttp(new WechatPayHttp(() => this.baseUrl, config.wechat.timeoutMs));
    if (credentials.platformPublicKey) TrustingPay.trust(credentials.platformPublicKey.id, credentials.platformPublicKey.pem);
  }

  get enabled(): boolean {
    return this.credentials.enabled;
  }

  get mchId(): string {
    return this.credentials.mchId;
  }

  get appId(): string {
    return this.credentials.appId;
  }

  /** The configured base URL, or this server's own sandbox (read from the listening server when first needed). */
  private get baseUrl(): string {
    this.base ??= `${this.serverUrl.value}/sandbox/pay`;
    return this.base;
  }

  /** Places a JSAPI order and answers the parameters `wx.requestPayment` needs, signed with the merchant key. */
  async jsapiOrder(order: { outTradeNo: string; description: string; amountFen: number; openid: string; notifyUrl: string; expiresAt: Date }) {
    const result = await this.pay.transactions_jsapi({
      description: order.description.slice(0, 127),
      out_trade_no: order.outTradeNo,
      time_expire: rfc3339(order.expiresAt),
      notify_url: order.notifyUrl,
      amount: { total: order.amountFen, currency: 'CNY' },
      payer: { openid: order.openid },
    });
    if (result.status !== 200 || !result.data?.package) throw this.failure('JSAPI order', result);
    const { timeStamp, nonceStr, package: pkg, paySign } = result.data as Record<string, string>;
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA' as const, paySign };
  }

  async query(outTradeNo: string): Promise<WechatTransaction | null> {
    const result = await this.pay.query({ out_trade_no: outTradeNo });
    if (result.status === 404) return null;
    if (result.status !== 200) throw this.failure('order query', result);
    return result.data as WechatTransaction;
  }

  /** Closes an unpaid order; answers false when WeChat says it was paid meanwhile. */
  async close(outTradeNo: string): Promise<boolean> {
    const result = await this.pay.close(outTradeNo);
    if (result.status === 204 || result.status === 200) return true;
    if (result.status === 400 && errorCode(result) === 'ORDERPAID') return false;
    throw this.failure('order close', result);
  }

  async refund(input: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string }): Promise<{ status: string; refundId: string }> {
    const result = await this.pay.refunds({
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      reason: input.reason.slice(0, 80),
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    });
    if (result.status !== 200) throw this.failure('refund', result);
    const data = result.data as { status: string; refund_id: string };
    return { status: data.status, refundId: data.refund_id };
  }

  /**
   * Verifies a notification's signature over its raw body. Unknown `PUB_KEY_ID_…` serials are
   * refused outright; an unknown certificate serial fetches the platform certificates once.
   */
  async verifyNotification(headers: NotificationHeaders, rawBody: string, nowMs = this.clock.nowMs()): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (!this.client) return { ok: false, reason: 'WeChat Pay is not configured' };
    if (!headers.timestamp || !headers.nonce || !headers.signature || !headers.serial) return { ok: false, reason: 'missing signature headers' };
    const age = Math.abs(nowMs / 1000 - Number(headers.timestamp));
    if (!Number.isFinite(age) || age > MAX_SKEW_S) return { ok: false, reason: 'timestamp outside the replay window' };
    if (!TrustingPay.knows(headers.serial)) {
      if (headers.serial.startsWith('PUB_KEY_ID_')) return { ok: false, reason: 'unknown platform public key id' };
      if (nowMs - this.lastCertFetch < CERT_REFRESH_MS) return { ok: false, reason: 'unknown platform certificate serial' };
      this.lastCertFetch = nowMs;
    }
    try {
      const valid = await this.pay.verifySign({ timestamp: headers.timestamp, nonce: headers.nonce, body: rawBody, serial: headers.serial, signature: headers.signature, apiSecret: this.credentials.apiV3Key });
      return valid ? { ok: true } : { ok: false, reason: 'bad signature' };
    } catch (error) {
      return { ok: false, reason: `unverifiable: ${(error as Error).message}` };
    }
  }

  /**
   * AEAD_AES_256_GCM with the APIv3 key. Done here rather than with the library's `decipher_gcm`,
   * which never calls `final()` and so never checks the authentication tag.
   */
  decrypt(resource: EncryptedResource): unknown {
    if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${resource.algorithm}`);
    const data = Buffer.from(resource.ciphertext, 'base64');
    if (data.length <= 16) throw new Error('ciphertext too short');
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(this.credentials.apiV3Key), Buffer.from(resource.nonce));
    decipher.setAuthTag(data.subarray(data.length - 16));
    decipher.setAAD(Buffer.from(resource.associated_data ?? ''));
    const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  }

  private get pay(): TrustingPay {
    if (!this.client) throw new AppError('PAYMENT_UNAVAILABLE', 'WeChat Pay is not configured on this server');
    return this.client;
  }

  private failure(what: string, result: { status: number; error?: unknown }): AppError {
    this.logger.warn(`WeChat Pay ${what} failed: HTTP ${result.status} ${String(result.error ?? '').slice(0, 200)}`);
    return new AppError('PAYMENT_UNAVAILABLE', 'WeChat Pay is unavailable, please try again', { status: result.status });
  }
}

function errorCode(result: { data?: unknown }): string | undefined {
  return (result.data as { code?: string } | undefined)?.code;
}

/** WeChat wants `yyyy-MM-DDTHH:mm:ss+08:00`. */
function rfc3339(date: Date): string {
  const beijing = new Date(date.getTime() + 8 * 3_600_000);
  return `${beijing.toISOString().slice(0, 19)}+08:00`;
}
