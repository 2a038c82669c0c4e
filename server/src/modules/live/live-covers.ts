import { Inject, Injectable } from '@nestjs/common';
import { type ConsoleLiveEvent, LIVE_COVER_MAX_BYTES } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { imageTypeOf } from '../../core/image-type';
import type { UploadedParts } from '../../core/route';
import { FILE_STORAGE, type FileStorage, newFileKey, readSmallFile } from '../storage/file-storage';
import type { ServedFile } from '../storage/served-file';
import { LiveEventEntity } from './live.entity';
import { LiveService } from './live.service';

/**
 * A live event's cover, uploaded like a whitepaper's: checked by its bytes (PNG/JPEG ≤ 2 MB),
 * kept in FileStorage under a new key, the event's version bumped (posters and the cover URL key
 * on it), and the previous file removed once the row points at the new one.
 */
@Injectable()
export class LiveCovers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveService,
    private readonly clock: Clock,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async upload(id: string, parts: UploadedParts): Promise<ConsoleLiveEvent> {
    const part = parts.cover?.[0];
    if (!part) throw new AppError('VALIDATION_FAILED', 'Attach the image as the multipart field "cover"', { fields: [{ path: 'cover', message: 'required' }] });
    if (part.size > LIVE_COVER_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `The cover is larger than ${LIVE_COVER_MAX_BYTES} bytes`, { field: 'cover', maxBytes: LIVE_COVER_MAX_BYTES });
    const type = imageTypeOf(part.buffer);
    if (!type) throw new AppError('IMAGE_TYPE_UNSUPPORTED', 'The cover must be a PNG or JPEG image', { field: 'cover', accepted: ['image/png', 'image/jpeg'] });
    const event = await this.live.mustFind(id);
    const key = newFileKey('live-covers');
    await this.storage.put(key, part.buffer);
    const result = await this.dataSource.manager.update(
      LiveEventEntity,
      { id, version: event.version },
      { coverKey: key, coverType: type, version: event.version + 1, updatedAt: this.clock.now() },
    );
    if (!result.affected) {
      await this.storage.delete(key);
      throw new AppError('CONFLICT', 'Someone else changed this event; reload and try again');
    }
    if (event.coverKey) await this.storage.delete(event.coverKey);
    return this.live.consoleEvent(id);
  }

  async open(id: string): Promise<ServedFile> {
    const event = await this.live.mustFind(id);
    const stat = event.coverKey ? await this.storage.stat(event.coverKey) : null;
    const stream = stat && event.coverKey ? await this.storage.get(event.coverKey) : null;
    if (!event.coverType || !stat || !stream) throw new AppError('NOT_FOUND', 'This event has no cover');
    return { stream, type: event.coverType, size: stat.size, cacheControl: 'public, max-age=86400' };
  }

  /** The uploaded cover's bytes for a poster, or null. */
  bytes(event: LiveEventEntity): Promise<Buffer | null> {
    return event.coverKey ? readSmallFile(this.storage, event.coverKey) : Promise.resolve(null);
  }
}
