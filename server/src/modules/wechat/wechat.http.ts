import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { type WechatApi, WechatApiError, WechatErrcode, WechatUnavailableError } from './wechat.errors';
import { WechatEndpoint } from './wechat.endpoint';

const BUSY_RETRIES = 3;
const BUSY_BACKOFF_MS = 150;

export interface WechatReply {
  contentType: string;
  body: Buffer;
}

/**
 * HTTP to WeChat: timeouts, errcode → typed error, and backoff on -1 (system busy).
 * URLs may carry access_token, so they are never logged; only the API name is.
 */
@Injectable()
export class WechatHttp {
  private readonly logger = new Logger('WechatHttp');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly endpoint: WechatEndpoint,
  ) {}

  async getJson<T>(api: WechatApi, pathAndQuery: string): Promise<T> {
    return this.json<T>(api, () => this.send(api, pathAndQuery, { method: 'GET' }));
  }

  async postJson<T>(api: WechatApi, pathAndQuery: string, payload: unknown): Promise<T> {
    return this.json<T>(api, () => this.send(api, pathAndQuery, jsonInit(payload)));
  }

  /** For APIs that answer either binary content or a JSON error (getwxacodeunlimit). */
  async postForBinary(api: WechatApi, pathAndQuery: string, payload: unknown): Promise<WechatReply> {
    return this.withBusyRetry(api, async () => {
      const reply = await this.send(api, pathAndQuery, jsonInit(payload));
      if (reply.contentType.includes('json') || reply.contentType.startsWith('text/')) {
        this.raiseIfError(api, parse(api, reply.body));
        throw new WechatUnavailableError(api, 'expected binary content, got JSON without errcode');
      }
      return reply;
    });
  }

  private async json<T>(api: WechatApi, call: () => Promise<WechatReply>): Promise<T> {
    return this.withBusyRetry(api, async () => {
      const body = parse(api, (await call()).body);
      this.raiseIfError(api, body);
      return body as T;
    });
  }

  private raiseIfError(api: WechatApi, body: Record<string, unknown>): void {
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
    if (errcode !== 0) throw new WechatApiError(api, errcode, typeof body.errmsg === 'string' ? body.errmsg : '');
  }

  private async withBusyRetry<T>(api: WechatApi, attempt: () => Promise<T>): Promise<T> {
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        const busy = error instanceof WechatApiError && error.errcode === WechatErrcode.BUSY;
        if (!busy || n >= BUSY_RETRIES) throw error;
        this.logger.warn(`${api}: WeChat busy, retry ${n + 1}/${BUSY_RETRIES}`);
        await new Promise((r) => setTimeout(r, BUSY_BACKOFF_MS * 2 ** n));
      }
    }
  }

  private async send(api: WechatApi, pathAndQuery: string, init: RequestInit): Promise<WechatReply> {
    let res: Response;
    try {
      res = await fetch(`${this.endpoint.baseUrl}${pathAndQuery}`, {
        ...init,
        signal: AbortSignal.timeout(this.config.wechat.timeoutMs),
      });
    } catch (error) {
      this.logger.warn(`${api}: request failed: ${(error as Error).name}`);
      throw new WechatUnavailableError(api, (error as Error).name);
    }
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok) {
      this.logger.warn(`${api}: HTTP ${res.status}`);
      throw new WechatUnavailableError(api, `HTTP ${res.status}`);
    }
    return { contentType: res.headers.get('content-type') ?? '', body };
  }
}

function jsonInit(payload: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
}

function parse(api: WechatApi, body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new WechatUnavailableError(api, 'answer is not JSON');
}
