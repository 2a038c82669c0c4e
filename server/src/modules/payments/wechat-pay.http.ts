import { Logger } from '@nestjs/common';
import type { IPayRequest } from 'wechatpay-node-v3/dist/lib/pay-request.interface';
import type { Output } from 'wechatpay-node-v3/dist/lib/interface-v2';

const WECHATPAY = 'https://api.mch.weixin.qq.com';

/**
 * The HTTP service handed to `wechatpay-node-v3` through `createHttp`: its URLs are hard-coded
 * to api.mch.weixin.qq.com, so requests are re-based onto the configured base (the real one, or
 * the sandbox). The body sent is exactly the JSON the library signed.
 */
export class WechatPayHttp implements IPayRequest {
  private readonly logger = new Logger(WechatPayHttp.name);

  constructor(
    private readonly base: () => string,
    private readonly timeoutMs: number,
  ) {}

  post(url: string, params: Record<string, unknown>, headers: Record<string, string>): Promise<Output> {
    return this.send('POST', url, headers, JSON.stringify(params));
  }

  get(url: string, headers: Record<string, string>): Promise<Output> {
    return this.send('GET', url, headers);
  }

  upload(): Promise<Output> {
    return Promise.reject(new Error('Uploads are not used'));
  }

  private async send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<Output> {
    const target = url.startsWith(WECHATPAY) ? `${this.base()}${url.slice(WECHATPAY.length)}` : url;
    const { 'Accept-Encoding': _encoding, ...rest } = headers;
    try {
      const res = await fetch(target, { method, headers: rest, body, signal: AbortSignal.timeout(this.timeoutMs) });
      const text = await res.text();
      const data: unknown = text ? safeJson(text) : {};
      if (res.ok) return { status: res.status, data };
      return { status: res.status, error: text, data };
    } catch (error) {
      this.logger.warn(`${method} ${new URL(target).pathname} failed: ${(error as Error).message}`);
      return { status: 0, error: (error as Error).message };
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
