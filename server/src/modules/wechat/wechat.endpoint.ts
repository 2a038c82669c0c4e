import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/**
 * Where WeChat's server API lives: the configured base URL, or this server's own sandbox
 * (known only once the server listens, so it is set at boot).
 */
@Injectable()
export class WechatEndpoint {
  private base: string | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.base = config.wechat.apiBase;
  }

  useLocalSandbox(serverUrl: string): void {
    this.base ??= `${serverUrl}/sandbox/wx`;
  }

  get baseUrl(): string {
    if (!this.base) throw new Error('WeChat base URL is not known yet (server not listening)');
    return this.base;
  }
}
