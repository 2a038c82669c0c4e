import { Injectable, Logger } from '@nestjs/common';
import { Pages } from '@leadloop/shared';
import { SafeFetcher } from '../../core/safe-fetch';
import { isId } from '../../database/ids';
import type { PosterContent } from '../posters/poster-sources';
import { LiveCovers } from './live-covers';
import { LiveRepository } from './live.repository';

const COVER_LIMIT = 2 * 1024 * 1024;
const COVER_TIMEOUT_MS = 3000;

/** What a live event's poster shows: its cover (fetched only when a poster is drawn), title and start time. */
@Injectable()
export class LivePoster {
  private readonly logger = new Logger(LivePoster.name);

  constructor(
    private readonly live: LiveRepository,
    private readonly covers: LiveCovers,
    private readonly fetcher: SafeFetcher,
  ) {}

  async content(eventId: string): Promise<PosterContent | null> {
    const event = isId(eventId) ? await this.live.findEvent(eventId) : null;
    if (!event || event.status !== 'published') return null;
    return {
      title: event.title,
      subtitle: `${beijingTime(event.startAt)} 开播${event.priceFen === 0 ? ' · 免费报名' : ''}`,
      kindLabel: '直播',
      cover: async () => (event.coverKey ? this.covers.bytes(event) : event.coverUrl ? this.fetchCover(event.coverUrl) : null),
      version: String(event.version),
      page: Pages.liveDetail,
    };
  }

  /** The cover image, or null (placeholder) when it cannot be fetched safely, quickly and small enough. */
  private async fetchCover(url: string): Promise<Buffer | null> {
    try {
      const res = await this.fetcher.fetch(url, { timeoutMs: COVER_TIMEOUT_MS, maxBytes: COVER_LIMIT });
      const type = res.headers['content-type'] ?? '';
      return res.status === 200 && /^image\/(png|jpeg)$/.test(type) ? res.body : null;
    } catch (error) {
      this.logger.warn(`Cover ${new URL(url).host} unavailable for a poster: ${(error as Error).message}`);
      return null;
    }
  }
}

/** `11月23日 19:00`, in Beijing time whatever the server's zone. */
export function beijingTime(date: Date): string {
  const b = new Date(date.getTime() + 8 * 3_600_000);
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${String(b.getUTCHours()).padStart(2, '0')}:${String(b.getUTCMinutes()).padStart(2, '0')}`;
}
