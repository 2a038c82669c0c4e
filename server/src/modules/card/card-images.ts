import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CardImageKind } from '@leadloop/shared';
import { FILE_STORAGE, type FileStorage, newFileKey } from '../whitepaper/storage';
import type { ServedFile } from '../whitepaper/served-file';
import { cardImageNotFound, imageMissing, imageTypeUnsupported } from './card.errors';
import { CardRepository } from './card.repository';

const NAMESPACE = 'card-images';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The type the bytes say they are (magic numbers), whatever the upload declared. */
export function sniffImage(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}

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
  ) {}

  /** Stores a PNG or JPEG (checked by its bytes) and answers its id. */
  async store(staffId: string, kind: CardImageKind, bytes: Buffer | undefined): Promise<string> {
    if (!bytes || bytes.length === 0) throw imageMissing();
    const mime = sniffImage(bytes);
    if (!mime) throw imageTypeUnsupported();
    const key = newFileKey(NAMESPACE);
    const id = key.slice(NAMESPACE.length + 1);
    await this.storage.put(key, bytes);
    await this.cards.insertImage({ id, staffId, kind, mime, size: bytes.length, createdAt: new Date() });
    return id;
  }

  async open(id: string): Promise<ServedFile> {
    const image = await this.cards.findImage(id);
    const stream = image ? await this.storage.get(`${NAMESPACE}/${image.id}`) : null;
    if (!image || !stream) throw cardImageNotFound();
    return { stream, type: image.mime, size: image.size, cacheControl: 'public, max-age=31536000, immutable' };
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
