import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  CreateWhitepaperForm,
  PageQuery,
  PublishedWhitepaperList,
  UpdateWhitepaperRequest,
  WhitepaperAdminView,
  WhitepaperList,
  WhitepaperListQuery,
  WhitepaperView,
} from '@leadloop/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import type { AuthContext, UploadedParts } from '../../core/route';
import { newId } from '../../database/ids';
import { FILE_STORAGE, type FileStorage, newFileKey } from '../storage/file-storage';
import type { ServedFile } from '../storage/served-file';
import { type CheckedCover, type CheckedDocument, checkCover, checkDocument } from './upload-checks';
import type { WhitepaperEntity } from './whitepaper.entity';
import { documentMissing, nothingToReplace, whitepaperNotFound } from './whitepaper.errors';
import { type ContentChanges, pageAfter, WhitepaperCursor, WhitepaperRepository } from './whitepaper.repository';

/** The whitepaper catalogue: uploads and edits in the console, published ones for prospects. */
@Injectable()
export class WhitepaperService {
  private readonly logger = new Logger(WhitepaperService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly whitepapers: WhitepaperRepository,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, form: CreateWhitepaperForm, parts: UploadedParts = {}): Promise<WhitepaperAdminView> {
    const { document, cover } = this.checkFiles(parts);
    if (!document) throw documentMissing();
    const now = this.clock.now();
    const paper = await this.withNewFiles(async (files) => {
      const created: WhitepaperEntity = {
        id: newId(now.getTime()),
        ...form,
        status: 'draft',
        version: 1,
        ...(await this.putDocument(files, document)),
        ...(cover ? await this.putCover(files, cover) : { coverKey: null, coverType: null }),
        createdBy: auth.staff?.id ?? null,
        createdAt: now,
        updatedAt: now,
        publishedAt: null,
      };
      await this.whitepapers.insert(created);
      return created;
    });
    this.logger.log(`Whitepaper ${paper.id} uploaded by staff ${paper.createdBy}`);
    return adminView(paper, 0);
  }

  async list(query: WhitepaperListQuery): Promise<WhitepaperList> {
    const page = WhitepaperCursor.page(await this.whitepapers.listNewest(query.status, pageAfter(WhitepaperCursor, query)), query.limit, (p) => [p.id]);
    const downloads = await this.whitepapers.countDownloads(page.items.map((p) => p.id));
    return { items: page.items.map((p) => adminView(p, downloads.get(p.id) ?? 0)), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<WhitepaperAdminView> {
    const paper = await this.existing(id);
    const downloads = await this.whitepapers.countDownloads([id]);
    return adminView(paper, downloads.get(id) ?? 0);
  }

  async update(id: string, changes: UpdateWhitepaperRequest): Promise<WhitepaperAdminView> {
    if (!(await this.whitepapers.changeContent(id, changes, this.clock.now()))) throw whitepaperNotFound(id);
    return this.get(id);
  }

  /** New document and/or cover under new keys; the old files go once the row points at the new ones. */
  async replaceFiles(id: string, parts: UploadedParts = {}): Promise<WhitepaperAdminView> {
    const before = await this.existing(id);
    const { document, cover } = this.checkFiles(parts);
    if (!document && !cover) throw nothingToReplace();
    await this.withNewFiles(async (files) => {
      const changes: ContentChanges = {
        ...(document ? await this.putDocument(files, document) : {}),
        ...(cover ? await this.putCover(files, cover) : {}),
      };
      if (!(await this.whitepapers.changeContent(id, changes, this.clock.now()))) throw whitepaperNotFound(id);
    });
    await this.discard([document ? before.fileKey : null, cover ? before.coverKey : null]);
    return this.get(id);
  }

  async setPublished(id: string, published: boolean): Promise<WhitepaperAdminView> {
    const paper = await this.existing(id);
    const now = this.clock.now();
    await this.whitepapers.setStatus(id, published ? 'published' : 'draft', published ? (paper.publishedAt ?? now) : paper.publishedAt, now);
    return this.get(id);
  }

  /** What prospects and staff browse: published whitepapers only, newest first. */
  async listPublished(query: PageQuery): Promise<PublishedWhitepaperList> {
    const page = WhitepaperCursor.page(await this.whitepapers.listNewest('published', pageAfter(WhitepaperCursor, query)), query.limit, (p) => [p.id]);
    return { items: page.items.map(publicView), nextCursor: page.nextCursor };
  }

  async publishedView(id: string): Promise<WhitepaperView> {
    const paper = await this.whitepapers.findPublished(id);
    if (!paper) throw whitepaperNotFound(id);
    return publicView(paper);
  }

  /** Covers are not personal: served to anyone holding the (unguessable) whitepaper id. */
  async cover(id: string): Promise<ServedFile> {
    const paper = await this.whitepapers.findById(id);
    const stat = paper?.coverKey ? await this.storage.stat(paper.coverKey) : null;
    const stream = stat && paper?.coverKey ? await this.storage.get(paper.coverKey) : null;
    if (!paper?.coverType || !stat || !stream) throw whitepaperNotFound(id);
    return { stream, type: paper.coverType, size: stat.size, cacheControl: 'public, max-age=86400' };
  }

  private async existing(id: string): Promise<WhitepaperEntity> {
    const paper = await this.whitepapers.findById(id);
    if (!paper) throw whitepaperNotFound(id);
    return paper;
  }

  private checkFiles(parts: UploadedParts): { document: CheckedDocument | null; cover: CheckedCover | null } {
    return {
      document: parts.file?.[0] ? checkDocument(parts.file[0], this.config.whitepaper.maxBytes) : null,
      cover: parts.cover?.[0] ? checkCover(parts.cover[0]) : null,
    };
  }

  private async putDocument(files: NewFiles, document: CheckedDocument): Promise<DocumentColumns> {
    return { fileKey: await files.put('whitepapers', document.buffer), fileName: document.displayName, fileSize: document.size, fileSha256: document.sha256 };
  }

  private async putCover(files: NewFiles, cover: CheckedCover): Promise<CoverColumns> {
    return { coverKey: await files.put('whitepaper-covers', cover.buffer), coverType: cover.type };
  }

  /** Files written for one change are removed again if the change fails before the row points at them. */
  private async withNewFiles<T>(work: (files: NewFiles) => Promise<T>): Promise<T> {
    const written: string[] = [];
    const files: NewFiles = {
      put: async (namespace, data) => {
        const key = newFileKey(namespace);
        written.push(key);
        await this.storage.put(key, data);
        return key;
      },
    };
    try {
      return await work(files);
    } catch (error) {
      await this.discard(written);
      throw error;
    }
  }

  private async discard(keys: (string | null)[]): Promise<void> {
    for (const key of keys) {
      if (key) await this.storage.delete(key).catch((error: unknown) => this.logger.warn(`Could not remove stored file ${key}: ${(error as Error).message}`));
    }
  }
}

interface NewFiles {
  put(namespace: string, data: Buffer): Promise<string>;
}
type DocumentColumns = Pick<WhitepaperEntity, 'fileKey' | 'fileName' | 'fileSize' | 'fileSha256'>;
type CoverColumns = Pick<WhitepaperEntity, 'coverKey' | 'coverType'>;

function coverUrl(paper: WhitepaperEntity): string | null {
  return paper.coverKey ? `/api/files/whitepaper-covers/${paper.id}?v=${paper.version}` : null;
}

export function publicView(paper: WhitepaperEntity): WhitepaperView {
  return {
    id: paper.id,
    title: paper.title,
    summary: paper.summary,
    tags: paper.tags,
    requiredFields: paper.requiredFields,
    version: paper.version,
    coverUrl: coverUrl(paper),
    fileSize: paper.fileSize,
    publishedAt: paper.publishedAt?.toISOString() ?? null,
  };
}

function adminView(paper: WhitepaperEntity, downloads: number): WhitepaperAdminView {
  return {
    ...publicView(paper),
    status: paper.status,
    fileName: paper.fileName,
    downloads,
    createdAt: paper.createdAt.toISOString(),
    updatedAt: paper.updatedAt.toISOString(),
  };
}
