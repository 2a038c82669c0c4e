import { Inject, Injectable } from '@nestjs/common';
import type { HomeBlock, HomeCardChoices, HomeEditorView, HomeImageUploaded, HomeLinkRequest, HomeLinkResponse, HomeLinkType, PageQuery, PublishedHome, SaveHomeDraftRequest } from '@leadloop/shared';
import { Readable } from 'node:stream';
import { Clock } from '../../core/clock';
import { imageTypeOf } from '../../core/image-type';
import type { AuthContext } from '../../core/route';
import { isUniqueViolation } from '../../database/data-source';
import { CardDirectory } from '../card/card-directory';
import { PosterSources } from '../posters/poster-sources';
import { ShareChainService } from '../share-chain/share-chain.service';
import { FILE_STORAGE, type FileStorage, newFileKey, readSmallFile } from '../storage/file-storage';
import type { ServedFile } from '../storage/served-file';
import { DEFAULT_HOME_BLOCKS } from './home-page.defaults';
import { blockContentUnknown, blockImageUnknown, imageMissing, imageNotFound, imageTypeUnsupported } from './home-page.errors';
import { HomePageRepository } from './home-page.repository';

const IMAGE_NAMESPACE = 'home-images';
const RECORD_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Content a block links to, with the path of the field that names it (for error details). */
interface LinkedItem {
  path: string;
  contentType: HomeLinkType;
  contentId: string;
}

/**
 * The prospect home page (微页面): marketers save a draft and publish it as a numbered version;
 * prospects see the last published one (the default page until the first publish). Content named
 * by blocks is checked through PosterSources, which already knows what each content module shows
 * to the public, so this module imports none of them.
 */
@Injectable()
export class HomePageService {
  constructor(
    private readonly repository: HomePageRepository,
    private readonly content: PosterSources,
    private readonly cards: CardDirectory,
    private readonly shares: ShareChainService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async editor(): Promise<HomeEditorView> {
    const [draft, published] = await Promise.all([this.repository.findDraft(), this.repository.latestVersion()]);
    const blocks = draft?.blocks ?? published?.blocks ?? DEFAULT_HOME_BLOCKS;
    return {
      blocks,
      draftUpdatedAt: draft?.updatedAt.toISOString() ?? null,
      unpublishedChanges: JSON.stringify(blocks) !== JSON.stringify(published?.blocks ?? DEFAULT_HOME_BLOCKS),
      published: published ? { version: published.version, publishedAt: published.publishedAt.toISOString(), publishedBy: published.publishedBy } : null,
    };
  }

  /** Every image and every piece of content the blocks name must exist (and be public) before the draft is kept. */
  async saveDraft(auth: AuthContext, input: SaveHomeDraftRequest): Promise<HomeEditorView> {
    await this.check(input.blocks);
    await this.repository.saveDraft(input.blocks, auth.staff?.id ?? null, this.clock.now());
    return this.editor();
  }

  /** The draft becomes the next version; content is checked again (an event may have been withdrawn since). */
  async publish(auth: AuthContext): Promise<HomeEditorView> {
    const draft = await this.repository.findDraft();
    const blocks = draft?.blocks ?? DEFAULT_HOME_BLOCKS;
    await this.check(blocks);
    for (let attempt = 0; ; attempt++) {
      const latest = await this.repository.latestVersion();
      try {
        await this.repository.insertVersion({ version: (latest?.version ?? 0) + 1, blocks, publishedBy: auth.staff?.id ?? null, publishedAt: this.clock.now() });
        break;
      } catch (error) {
        // another publish took the number: take the next one
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
    return this.editor();
  }

  /** What prospects see: the last published version (the default page before the first publish) and the cards it names. */
  async published(): Promise<PublishedHome> {
    const latest = await this.repository.latestVersion();
    const blocks = latest?.blocks ?? DEFAULT_HOME_BLOCKS;
    const cardIds = blocks.flatMap((b) => (b.type === 'cards' ? b.cardIds : []));
    return { version: latest?.version ?? 0, blocks, cards: await this.cards.summaries([...new Set(cardIds)]) };
  }

  /**
   * Someone opened a piece of content from a home page that was shared with them: the sharer's own
   * token for that content (minted once, like a card's featured items), so the chain continues
   * through whoever shared the home page. Null without a home-page token or for content that is not public.
   */
  async link(input: HomeLinkRequest): Promise<HomeLinkResponse> {
    const sharer = await this.repository.sharerOf(input.shareToken);
    if (!sharer || sharer.contentType !== 'page' || sharer.contentId !== 'home') return { token: null };
    if (!(await this.content.content(input.contentType, input.contentId))) return { token: null };
    // the same call the sharer's own share of it makes; only the person and staff ids are read
    const auth: AuthContext = { personId: sharer.personId, staff: sharer.staffId ? { id: sharer.staffId, name: '', role: 'sales' } : null };
    const { token } = await this.shares.mint(auth, { contentType: input.contentType, contentId: input.contentId });
    return { token };
  }

  cardChoices(query: PageQuery): Promise<HomeCardChoices> {
    return this.cards.page(query);
  }

  async uploadImage(bytes: Buffer | undefined): Promise<HomeImageUploaded> {
    if (!bytes || bytes.length === 0) throw imageMissing();
    if (!imageTypeOf(bytes)) throw imageTypeUnsupported();
    const key = newFileKey(IMAGE_NAMESPACE);
    const imageId = key.slice(IMAGE_NAMESPACE.length + 1);
    await this.storage.put(key, bytes);
    return { imageId, url: imageUrl(imageId) };
  }

  async image(id: string): Promise<ServedFile> {
    const bytes = RECORD_ID.test(id) ? await readSmallFile(this.storage, `${IMAGE_NAMESPACE}/${id}`) : null;
    const type = bytes ? imageTypeOf(bytes) : null;
    if (!bytes || !type) throw imageNotFound();
    return { stream: Readable.from([bytes]), type, size: bytes.length, cacheControl: 'public, max-age=31536000, immutable' };
  }

  private async check(blocks: HomeBlock[]): Promise<void> {
    for (const [i, block] of blocks.entries()) {
      if (block.type !== 'banner') continue;
      if (!(await this.storage.stat(`${IMAGE_NAMESPACE}/${block.imageId}`))) throw blockImageUnknown(`blocks.${i}.imageId`);
    }
    for (const item of linkedItems(blocks)) {
      if (!(await this.content.content(item.contentType, item.contentId))) throw blockContentUnknown(item.path, item.contentType, item.contentId);
    }
  }
}

export const imageUrl = (id: string) => `/api/home/images/${id}`;

function linkedItems(blocks: HomeBlock[]): LinkedItem[] {
  return blocks.flatMap((block, i): LinkedItem[] => {
    switch (block.type) {
      case 'banner':
        return block.link ? [{ path: `blocks.${i}.link`, ...block.link }] : [];
      case 'live':
        return block.eventIds.map((contentId, j) => ({ path: `blocks.${i}.eventIds.${j}`, contentType: 'live', contentId }));
      case 'whitepapers':
        return block.whitepaperIds.map((contentId, j) => ({ path: `blocks.${i}.whitepaperIds.${j}`, contentType: 'whitepaper', contentId }));
      case 'cards':
        return block.cardIds.map((contentId, j) => ({ path: `blocks.${i}.cardIds.${j}`, contentType: 'card', contentId }));
      default:
        return [];
    }
  });
}
