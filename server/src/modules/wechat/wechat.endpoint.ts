import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ServerUrl } from '../../core/server-url';

/**
 * Where WeChat's server API lives: the configured base URL, or this server's own sandbox
 * (read from the listening server the first time it is needed).
 */
@Injectable()
export class WechatEndpoint {
  private base: string | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly serverUrl: ServerUrl,
  ) {
    this.base = config.wechat.apiBase;
  }

  get baseUrl(): string {
    this.base ??= `${this.serverUrl.value}/sandbox/wx`;
    return this.base;
  }
}
