import { Inject, Injectable } from '@nestjs/common';
import type { DownloadLink, DownloadLinkQuery, DownloadRequest, GateStatus, MyDownloads, PageQuery } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { newId } from '../../database/ids';
import { retryOnConflict } from '../../database/retry';
import { Activity } from '../activity/activity';
import { type Gate, ProfileGate } from '../profile/profile-gate';
import { Touchpoints } from '../share-chain/touchpoints';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import type { ServedFile } from '../storage/served-file';
import { DownloadLinks } from './download-link';
import { downloadActivity, WHITEPAPER_PAGE } from './whitepaper.activities';
import type { WhitepaperDownloadEntity, WhitepaperEntity } from './whitepaper.entity';
import { requestIdTaken, whitepaperNotFound } from './whitepaper.errors';
import { DownloadCursor, pageAfter, WhitepaperRepository } from './whitepaper.repository';

/** The gated download: profile and consent, a recorded download and its activity, a signed link. */
@Injectable()
export class DownloadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly whitepapers: WhitepaperRepository,
    private readonly gate: ProfileGate,
    private readonly activity: Activity,
    private readonly touchpoints: Touchpoints,
    private readonly links: DownloadLinks,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async gateStatus(auth: AuthContext, id: string): Promise<GateStatus> {
    return this.gate.status(auth.personId, gateOf(await this.published(id), WHITEPAPER_PAGE));
  }

  async download(auth: AuthContext, id: string, input: DownloadRequest): Promise<DownloadLink> {
    const paper = await this.published(id);
    const download = await this.record(auth.personId, paper, input);
    const link = this.links.issue(download.id);
    return { downloadId: download.id, url: link.url, expiresAt: link.expiresAt.toISOString(), fileName: paper.fileName, fileSize: paper.fileSize };
  }

  async mine(auth: AuthContext, query: PageQuery): Promise<MyDownloads> {
    const page = DownloadCursor.page(await this.whitepapers.downloadsOf(auth.personId, pageAfter(DownloadCursor, query)), query.limit, (d) => [d.id]);
    return {
      items: page.items.map((d) => ({ downloadId: d.id, whitepaperId: d.whitepaperId, title: d.title, at: d.createdAt.toISOString() })),
      nextCursor: page.nextCursor,
    };
  }

  /** The PDF behind a signed link, while the whitepaper is published. */
  async openFile(downloadId: string, query: DownloadLinkQuery): Promise<ServedFile> {
    this.links.verify(downloadId, query.exp, query.sig);
    const download = await this.whitepapers.findDownloadById(downloadId);
    const paper = download ? await this.whitepapers.findPublished(download.whitepaperId) : null;
    if (!paper) throw whitepaperNotFound(download?.whitepaperId ?? downloadId);
    const stream = await this.storage.get(paper.fileKey);
    if (!stream) throw new Error(`Stored file of whitepaper ${paper.id} is missing`);
    return { stream, type: 'application/pdf', size: paper.fileSize, cacheControl: 'private, no-store', downloadName: paper.fileName };
  }

  /**
   * Gate, download row and its activity (a conversion, through the share that brought it) in one
   * transaction. A retried request (same person and requestId) is the same download; of two
   * racing ones, the loser hits the unique key (or a deadlock), rolls back, and on its next
   * attempt reads the winner's.
   */
  private record(personId: string, paper: WhitepaperEntity, input: DownloadRequest): Promise<WhitepaperDownloadEntity> {
    return retryOnConflict(async () => {
      const earlier = await this.whitepapers.findDownload(personId, input.requestId);
      if (earlier) return sameWhitepaper(earlier, paper);
      const page = input.page ?? WHITEPAPER_PAGE;
      const source = await this.touchpoints.source(personId, input.shareToken, input.channelCode);
      return this.dataSource.transaction(async (em) => {
        await this.gate.pass(em, personId, gateOf(paper, page), input.gate);
        const now = this.clock.now();
        const download: WhitepaperDownloadEntity & { personId: string } = {
          id: newId(now.getTime()),
          whitepaperId: paper.id,
          personId,
          requestId: input.requestId,
          shareToken: input.shareToken ?? null,
          channelCode: input.channelCode ?? null,
          page,
          createdAt: now,
        };
        await this.whitepapers.insertDownload(em, download);
        await this.activity.record(em, downloadActivity(download, source));
        return download;
      });
    });
  }

  private async published(id: string): Promise<WhitepaperEntity> {
    const paper = await this.whitepapers.findPublished(id);
    if (!paper) throw whitepaperNotFound(id);
    return paper;
  }
}

function gateOf(paper: WhitepaperEntity, sourcePage: string): Gate {
  return { purpose: 'whitepaper_download', required: paper.requiredFields, sourcePage };
}

function sameWhitepaper(download: WhitepaperDownloadEntity, paper: WhitepaperEntity): WhitepaperDownloadEntity {
  if (download.whitepaperId !== paper.id) throw requestIdTaken();
  return download;
}
