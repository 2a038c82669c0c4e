import { Injectable } from '@nestjs/common';
import type { PageQuery, WhitepaperStatus } from '@leadloop/shared';
import { z } from 'zod';
import { DataSource, type EntityManager, In, LessThan } from 'typeorm';
import { IdKey, KeysetCursor } from '../../core/pagination';
import { WhitepaperDownloadEntity, WhitepaperEntity } from './whitepaper.entity';

/** Whitepapers and downloads are listed newest first by id (ids sort by creation): a cursor holds the last id shown. */
export const WhitepaperCursor = new KeysetCursor('whitepapers', z.tuple([IdKey]));
export const DownloadCursor = new KeysetCursor('downloads', z.tuple([IdKey]));

/** Rows after `after` (an id), `limit` of them. */
export interface Page {
  after?: string;
  limit: number;
}

/** The repository's page request from the client's query (the cursor decoded, one row more for the next-page check). */
export function pageAfter(cursor: typeof WhitepaperCursor, query: PageQuery): Page {
  return { after: cursor.decode(query.cursor)?.[0], limit: query.limit + 1 };
}

export type DownloadWithTitle = WhitepaperDownloadEntity & { title: string };

export type ContentChanges = Partial<
  Pick<WhitepaperEntity, 'title' | 'summary' | 'tags' | 'requiredFields' | 'fileKey' | 'fileName' | 'fileSize' | 'fileSha256' | 'coverKey' | 'coverType'>
>;

@Injectable()
export class WhitepaperRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(paper: WhitepaperEntity): Promise<void> {
    await this.dataSource.manager.insert(WhitepaperEntity, paper);
  }

  findById(id: string): Promise<WhitepaperEntity | null> {
    return this.dataSource.manager.findOneBy(WhitepaperEntity, { id });
  }

  findPublished(id: string): Promise<WhitepaperEntity | null> {
    return this.dataSource.manager.findOneBy(WhitepaperEntity, { id, status: 'published' });
  }

  /** Newest first. */
  listNewest(status: WhitepaperStatus | undefined, page: Page): Promise<WhitepaperEntity[]> {
    return this.dataSource.manager.find(WhitepaperEntity, {
      where: { ...(status ? { status } : {}), ...(page.after ? { id: LessThan(page.after) } : {}) },
      order: { id: 'DESC' },
      take: page.limit,
    });
  }

  /** Changes content and bumps the version in one statement; false when there is no such whitepaper. */
  async changeContent(id: string, changes: ContentChanges, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(WhitepaperEntity)
      .set({ ...changes, updatedAt: now, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async setStatus(id: string, status: WhitepaperStatus, publishedAt: Date | null, now: Date): Promise<void> {
    await this.dataSource.manager.update(WhitepaperEntity, { id }, { status, publishedAt, updatedAt: now });
  }

  async countDownloads(whitepaperIds: string[]): Promise<Map<string, number>> {
    if (whitepaperIds.length === 0) return new Map();
    const rows: { id: string; n: string | number }[] = await this.dataSource.manager
      .createQueryBuilder(WhitepaperDownloadEntity, 'd')
      .select('d.whitepaper_id', 'id')
      .addSelect('COUNT(*)', 'n')
      .where('d.whitepaper_id IN (:...ids)', { ids: whitepaperIds })
      .groupBy('d.whitepaper_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  async titlesOf(whitepaperIds: string[]): Promise<Map<string, string>> {
    if (whitepaperIds.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(WhitepaperEntity, { select: { id: true, title: true }, where: { id: In(whitepaperIds) } });
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  // --- downloads

  async insertDownload(em: EntityManager, download: WhitepaperDownloadEntity): Promise<void> {
    await em.insert(WhitepaperDownloadEntity, download);
  }

  findDownload(personId: string, requestId: string): Promise<WhitepaperDownloadEntity | null> {
    return this.dataSource.manager.findOneBy(WhitepaperDownloadEntity, { personId, requestId });
  }

  findDownloadById(id: string): Promise<WhitepaperDownloadEntity | null> {
    return this.dataSource.manager.findOneBy(WhitepaperDownloadEntity, { id });
  }

  /** A person's downloads with their whitepaper's title, newest first: a keyset page, or all. */
  async downloadsOf(personId: string, page?: Page): Promise<DownloadWithTitle[]> {
    const downloads = await this.dataSource.manager.find(WhitepaperDownloadEntity, {
      where: { personId, ...(page?.after ? { id: LessThan(page.after) } : {}) },
      order: { id: 'DESC' },
      ...(page ? { take: page.limit } : {}),
    });
    const titles = await this.titlesOf([...new Set(downloads.map((d) => d.whitepaperId))]);
    return downloads.map((d) => Object.assign(d, { title: titles.get(d.whitepaperId) ?? '' }));
  }

  /** The downloads still count for the whitepaper, but belong to no one. */
  async detachDownloadsFrom(em: EntityManager, personId: string): Promise<void> {
    await em.update(WhitepaperDownloadEntity, { personId }, { personId: null });
  }
}
