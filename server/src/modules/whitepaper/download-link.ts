import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { linkExpired, linkInvalid } from './whitepaper.errors';

const EXP = /^[1-9]\d{0,11}$/;

/**
 * Signed, expiring links to a download's file: HMAC-SHA256 over the download id and the expiry,
 * with a key derived from the session secret. The link names no person, openid or phone.
 */
@Injectable()
export class DownloadLinks {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', config.session.secret, Buffer.alloc(0), 'leadloop download links', 32));
  }

  issue(downloadId: string, now = this.clock.nowMs()): { url: string; expiresAt: Date } {
    const exp = Math.floor(now / 1000) + this.config.whitepaper.downloadLinkTtlSeconds;
    return { url: this.url(downloadId, exp), expiresAt: new Date(exp * 1000) };
  }

  /** The link for `downloadId` valid until `exp` (Unix seconds). */
  url(downloadId: string, exp: number): string {
    return `/api/files/whitepapers/${encodeURIComponent(downloadId)}?exp=${exp}&sig=${this.signature(downloadId, String(exp))}`;
  }

  /** DOWNLOAD_LINK_INVALID unless we signed exactly this; then DOWNLOAD_LINK_EXPIRED once past its time. */
  verify(downloadId: string, exp: string | undefined, sig: string | undefined, now = this.clock.nowMs()): void {
    if (!exp || !sig || !EXP.test(exp)) throw linkInvalid();
    const expected = Buffer.from(this.signature(downloadId, exp));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw linkInvalid();
    if (Number(exp) * 1000 <= now) throw linkExpired();
  }

  private signature(downloadId: string, exp: string): string {
    return createHmac('sha256', this.key).update(`${downloadId}.${exp}`).digest('base64url');
  }
}
