import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { CreatePosterRequest, PosterResponse } from '@leadloop/shared';
import type { AuthContext } from '../../core/route';
import { SingleFlight } from '../../core/single-flight';
import { BrandService } from '../brand/brand.service';
import { PersonRepository } from '../identity/person.repository';
import { ShareChainService } from '../share-chain/share-chain.service';
import { WechatClient } from '../wechat/wechat.client';
import { WechatApiError, WechatErrcode, WechatUnavailableError } from '../wechat/wechat.errors';
import { fontCoverage, POSTER_HEIGHT, POSTER_WIDTH, type PosterBrand, posterText, renderPoster } from './poster-renderer';
import { type PosterContent, PosterSources } from './poster-sources';
import { PosterStore } from './poster-store';
import { posterCodeFailed, posterContentNotFound, posterNotFound } from './posters.errors';

/**
 * Part of every poster key: bump it when poster-renderer.ts or poster-layout.ts change what a
 * poster looks like, so every poster is drawn again with the new design.
 */
export const POSTER_RENDERER_VERSION = '2';

/** Width of the mini-program code asked from WeChat: the poster draws it 300 px wide; shrinking keeps it crisp. */
const CODE_WIDTH = 430;

interface Sharer {
  name: string;
  avatar: Buffer | null;
}

/**
 * Personal share posters: the content's cover and title, the sharer's name and avatar, and a
 * mini-program code whose scene is the sharer's share token. A poster is identified by a hash of
 * everything drawn on it, so it is rendered once, served from disk ever after, and replaced by a
 * new one (new url) as soon as the content, the sharer's name or avatar, or the design changes.
 */
@Injectable()
export class PostersService {
  private readonly logger = new Logger(PostersService.name);
  /** Renders under way in this process, by key: identical concurrent requests share one. */
  private readonly renders = new SingleFlight<boolean>();

  constructor(
    private readonly sources: PosterSources,
    private readonly store: PosterStore,
    private readonly shares: ShareChainService,
    private readonly persons: PersonRepository,
    private readonly wechat: WechatClient,
    private readonly brand: BrandService,
  ) {}

  async create(auth: AuthContext, input: CreatePosterRequest): Promise<PosterResponse> {
    // resolve the content first: no share token is minted for content that does not exist
    const content = await this.sources.content(input.contentType, input.contentId);
    if (!content) throw posterContentNotFound(input.contentType, input.contentId);
    const { token } = await this.shares.mint(auth, input);
    const sharer = await this.sharerOf(auth);
    const { companyName, colour } = this.brand.current;
    const brand = { name: companyName, colour };
    const key = posterKey([
      POSTER_RENDERER_VERSION,
      input.contentType,
      input.contentId,
      auth.personId,
      token,
      content.version,
      sharer.name,
      sharer.avatar ? createHash('sha256').update(sharer.avatar).digest('hex') : '',
      brand.name,
      brand.colour,
    ]);
    const cached = await this.once(key, () => this.render(key, input, content, token, sharer, brand));
    return { url: `/api/posters/${key}.png`, token, width: POSTER_WIDTH, height: POSTER_HEIGHT, cached };
  }

  /** The stored PNG behind a poster url; POSTER_NOT_FOUND for unknown or malformed keys. */
  async image(key: string): Promise<Buffer> {
    const png = await this.store.read(key);
    if (!png) throw posterNotFound();
    return png;
  }

  /**
   * Runs `make` unless the poster exists or is being made; true when it already existed.
   * Requests arriving during a render wait for it (and see its failure, if it fails).
   */
  private once(key: string, make: () => Promise<void>): Promise<boolean> {
    return this.renders.run(key, async () => {
      if (await this.store.exists(key)) return true;
      await make();
      return false;
    });
  }


  private async render(key: string, input: CreatePosterRequest, content: PosterContent, token: string, sharer: Sharer, brand: PosterBrand): Promise<void> {
    const started = Date.now(); // a duration for the log: wall time, not the app clock
    const missing = fontCoverage(`${content.title}${content.subtitle ?? ''}`);
    if (missing.length > 0) {
      this.logger.warn(`Poster for ${input.contentType} ${input.contentId}: the font has no glyph for ${missing.length} character(s) of its title or subtitle (${missing.join(' ')}); drawn without them`);
    }
    const code = await this.codeFor(input, token, content.page);
    let png: Buffer;
    try {
      png = await renderPoster({ title: content.title, subtitle: content.subtitle, kindLabel: content.kindLabel, cover: await content.cover(), sharerName: sharer.name, sharerAvatar: sharer.avatar, code, brand });
    } catch (error) {
      // the renderer throws only when the code image cannot be decoded
      this.logger.warn(`Poster for ${input.contentType} ${input.contentId}: ${(error as Error).message}`);
      throw posterCodeFailed('unreadable');
    }
    await this.store.put(key, png);
    this.logger.debug(`Poster ${key.slice(0, 12)}… for ${input.contentType} ${input.contentId} rendered in ${Date.now() - started} ms`);
  }

  /** The mini-program code opening `page` with the token as its scene; WeChat's refusals become clear codes. */
  private async codeFor(input: CreatePosterRequest, token: string, page: string): Promise<Buffer> {
    try {
      return await this.wechat.getUnlimitedCode({ scene: token, page, width: CODE_WIDTH, checkPath: false, envVersion: 'release' });
    } catch (error) {
      const where = `${input.contentType} ${input.contentId}`;
      if (error instanceof WechatApiError) {
        this.logger.warn(`Poster for ${where}: getwxacodeunlimit answered ${error.errcode}`);
        // rate limit and busy stay as they are: the client says "try again shortly"
        if (error.code === 'WECHAT_RATE_LIMITED' || error.code === 'WECHAT_BUSY') throw error;
        if (error.errcode === WechatErrcode.INVALID_SCENE) throw posterCodeFailed('scene_rejected', error.errcode);
        if (error.errcode === WechatErrcode.INVALID_PAGE) throw posterCodeFailed('page_rejected', error.errcode);
        throw posterCodeFailed('wechat_error', error.errcode);
      }
      if (error instanceof WechatUnavailableError) {
        this.logger.warn(`Poster for ${where}: WeChat unreachable`);
        throw posterCodeFailed('unreachable');
      }
      throw error;
    }
  }

  /** Staff show their staff name; others their nickname, then their name; '我' when nothing is drawable. */
  private async sharerOf(auth: AuthContext): Promise<Sharer> {
    const person = auth.staff ? null : await this.persons.findById(auth.personId);
    const candidates = [auth.staff?.name, person?.nickname, person?.name];
    const name = candidates.find((c): c is string => typeof c === 'string' && posterText(c) !== '') ?? '我';
    return { name: name.trim(), avatar: await this.sources.avatarOf(auth.personId) };
  }
}

function posterKey(parts: string[]): string {
  // JSON keeps the parts apart: no two different lists hash the same text
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
