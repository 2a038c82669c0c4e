import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CardImageKind } from '@leadloop/shared';
import { Clock } from '../../core/clock';
import { imageTypeOf } from '../../core/image-type';
import { FILE_STORAGE, type FileStorage, newFileKey, readSmallFile } from '../storage/file-storage';
import type { ServedFile } from '../storage/served-file';
import { cardImageNotFound, imageMissing, imageTypeUnsupported } from './card.errors';
import { CardRepository } from './card.repository';

const NAMESPACE = 'card-images';

/**
 * Avatars and contact QR codes: bytes in FileStorage under `card-images/<id>`, type and size in
 * `card_images`. A new upload gets a new id, so an image never changes once served.
 */
@Injectable()
export class CardImages {
  private readonly logger = new Logger(CardImages.name);

  constructor(
    private readonly cards: CardRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  /** Stores a PNG or JPEG (checked by its bytes) and answers its id. */
  async store(staffId: string, kind: CardImageKind, bytes: Buffer | undefined): Promise<string> {
    if (!bytes || bytes.length === 0) throw imageMissing();
    const mime = imageTypeOf(bytes);
    if (!mime) throw imageTypeUnsupported();
    const key = newFileKey(NAMESPACE);
    const id = key.slice(NAMESPACE.length + 1);
    await this.storage.put(key, bytes);
    await this.cards.insertImage({ id, staffId, kind, mime, size: bytes.length, createdAt: this.clock.now() });
    return id;
  }

  async open(id: string): Promise<ServedFile> {
    const image = await this.cards.findImage(id);
    const stream = image ? await this.storage.get(`${NAMESPACE}/${image.id}`) : null;
    if (!image || !stream) throw cardImageNotFound();
    return { stream, type: image.mime, size: image.size, cacheControl: 'public, max-age=31536000, immutable' };
  }

  /** The image's bytes (for posters), or null when it is gone. */
  bytes(id: string): Promise<Buffer | null> {
    return readSmallFile(this.storage, `${NAMESPACE}/${id}`);
  }

  /** Best effort: a replaced image left behind costs disk space, nothing else. */
  async remove(id: string): Promise<void> {
    try {
      await this.cards.deleteImage(id);
      await this.storage.delete(`${NAMESPACE}/${id}`);
    } catch (error) {
      this.logger.warn(`Replaced card image ${id} not removed: ${(error as Error).message}`);
    }
  }
}
