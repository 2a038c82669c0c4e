import { Injectable, Logger } from '@nestjs/common';
import { Pages, type ContentType, type PagePath } from '@leadloop/shared';
import { BrandService } from '../brand/brand.service';

/** What a poster shows of a piece of content, as the module that owns the content describes it. */
export interface PosterContent {
  title: string;
  /** A second line under the title, e.g. the event's start time. */
  subtitle?: string;
  /** Shown large on the placeholder cover when there is no cover image, e.g. '直播', '白皮书'. */
  kindLabel: string;
  /** Loads the cover (PNG or JPEG bytes; null draws the placeholder), only when a poster is drawn. */
  cover(): Promise<Buffer | null>;
  /**
   * Changes whenever anything drawn from the content changes (title, subtitle, cover): a new
   * version gives a new poster, an unchanged one reuses the cached image.
   */
  version: string;
  /** Mini-program page the poster's code opens (its `scene` is the share token). */
  page: PagePath;
}

/** The content's poster view, or null when there is no such content (or it is not shareable, e.g. a draft). */
export type PosterContentResolver = (contentId: string) => Promise<PosterContent | null>;

/** The sharer's avatar (PNG or JPEG), or null to draw their initial. */
export type SharerAvatarResolver = (personId: string) => Promise<Buffer | null>;

/** The mini-program's home page, in the company's name once brand settings give one. */
export function homePoster(companyName: string): PosterContent {
  return {
    title: companyName ? `${companyName} · 精选内容` : '精选内容推荐',
    kindLabel: '精选内容',
    cover: async () => null,
    version: `2:${companyName}`,
    page: Pages.home,
  };
}

/**
 * Where posters learn about content without the posters module depending on live streams,
 * whitepapers or cards: each content module registers a resolver for its content type in its
 * `onModuleInit` (`posterSources.register('live', (id) => …)`), and the card module may register
 * where a sharer's avatar comes from.
 */
@Injectable()
export class PosterSources {
  private readonly logger = new Logger(PosterSources.name);
  private readonly resolvers = new Map<ContentType, PosterContentResolver>();
  private avatars: { key: string; resolve: SharerAvatarResolver } | null = null;

  constructor(private readonly brand: BrandService) {
    this.register('page', async (id) => (id === 'home' ? homePoster(this.brand.current.companyName) : null));
  }

  /** One resolver per content type; a second registration is a wiring mistake and throws. */
  register(contentType: ContentType, resolve: PosterContentResolver): void {
    if (this.resolvers.has(contentType)) throw new Error(`A poster source for ${contentType} is already registered`);
    this.resolvers.set(contentType, resolve);
  }

  /** One avatar source; a second is a wiring mistake and throws, naming both. */
  registerAvatarOf(key: string, resolve: SharerAvatarResolver): void {
    if (this.avatars) throw new Error(`Sharer avatar source ${key} cannot register: ${this.avatars.key} is already registered`);
    this.avatars = { key, resolve };
  }

  /** null: no resolver for the type, or the resolver knows no such content. */
  async content(contentType: ContentType, contentId: string): Promise<PosterContent | null> {
    const resolve = this.resolvers.get(contentType);
    return resolve ? resolve(contentId) : null;
  }

  /** The sharer's avatar; a failing source draws the initial instead of failing the poster. */
  async avatarOf(personId: string): Promise<Buffer | null> {
    if (!this.avatars) return null;
    try {
      return await this.avatars.resolve(personId);
    } catch (error) {
      this.logger.warn(`Avatar source failed for person ${personId}: ${(error as Error).message}`);
      return null;
    }
  }
}
