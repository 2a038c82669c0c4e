import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { AccessTokenEntity } from './access-token.entity';
import { WechatHttp } from './wechat.http';

/** Refresh a little before WeChat's expiry so no call goes out with a token about to die. */
const EARLY_REFRESH_MS = 5 * 60 * 1000;

/**
 * The app's access token, shared by every server instance through the database.
 * Uses stable_token in normal mode (parallel fetches are harmless; never force-refreshes).
 */
@Injectable()
export class AccessTokenService {
  private readonly logger = new Logger(AccessTokenService.name);
  private cached: { token: string; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly http: WechatHttp,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.cached.expiresAt - EARLY_REFRESH_MS > this.clock.nowMs()) return this.cached.token;
    this.inflight ??= this.loadOrFetch().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** WeChat said this token is invalid: forget it here and for every other instance. */
  async invalidate(badToken: string): Promise<void> {
    if (this.cached?.token === badToken) this.cached = null;
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(AccessTokenEntity)
      .where('app_id = :appId AND access_token = :badToken', { appId: this.config.wechat.appId, badToken })
      .execute();
  }

  private async loadOrFetch(): Promise<string> {
    const stored = await this.dataSource.getRepository(AccessTokenEntity).findOneBy({ appId: this.config.wechat.appId });
    if (stored && stored.expiresAt.getTime() - EARLY_REFRESH_MS > this.clock.nowMs()) {
      this.cached = { token: stored.accessToken, expiresAt: stored.expiresAt.getTime() };
      return stored.accessToken;
    }
    const fresh = await this.http.postJson<{ access_token: string; expires_in: number }>('stable_token', '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.config.wechat.appId,
      secret: this.config.wechat.secret,
      force_refresh: false,
    });
    const expiresAt = new Date(this.clock.nowMs() + fresh.expires_in * 1000);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AccessTokenEntity)
      .values({ appId: this.config.wechat.appId, accessToken: fresh.access_token, expiresAt, updatedAt: this.clock.now() })
      .orUpdate(['access_token', 'expires_at', 'updated_at'], ['app_id'])
      .execute();
    this.cached = { token: fresh.access_token, expiresAt: expiresAt.getTime() };
    this.logger.log(`Fetched a new access token, valid ${fresh.expires_in}s`);
    return fresh.access_token;
  }
}
