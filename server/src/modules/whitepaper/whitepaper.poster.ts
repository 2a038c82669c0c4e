import { Inject, Injectable } from '@nestjs/common';
import type { PosterContent } from '../posters/poster-sources';
import { FILE_STORAGE, type FileStorage, readSmallFile } from '../storage/file-storage';
import { WHITEPAPER_PAGE } from './whitepaper.activities';
import type { WhitepaperEntity } from './whitepaper.entity';
import { WhitepaperRepository } from './whitepaper.repository';

/** What a whitepaper's poster shows: its cover, title and tags. Drafts have no poster. */
@Injectable()
export class WhitepaperPoster {
  constructor(
    private readonly whitepapers: WhitepaperRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async content(id: string): Promise<PosterContent | null> {
    const paper = await this.whitepapers.findPublished(id);
    if (!paper) return null;
    return {
      title: paper.title,
      subtitle: subtitleOf(paper),
      kindLabel: '白皮书',
      cover: async () => (paper.coverKey ? readSmallFile(this.storage, paper.coverKey) : null),
      // every edit and file replacement bumps it; publishing does not change what is drawn
      version: String(paper.version),
      page: WHITEPAPER_PAGE,
    };
  }
}

function subtitleOf(paper: WhitepaperEntity): string {
  return paper.tags.length > 0 ? paper.tags.slice(0, 3).join(' · ') : '白皮书 · 免费下载';
}
