import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { PosterKeySchema } from '@leadloop/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { writeFileAtomically } from '../storage/atomic-file';

/** How much of the recently written or served posters stays in memory: 200–300 posters. */
export const POSTER_MEMORY_BYTES = 64 * 1024 * 1024;

export function isPosterKey(key: string): boolean {
  return PosterKeySchema.safeParse(key).success;
}

/**
 * Rendered posters on local disk, one file per key under `POSTER_DIR/<first two hex>/<key>.png`
 * (256 subdirectories keep each directory small at millions of posters). A file appears whole
 * or not at all: it is written to a temporary name, synced, then renamed into place, so a
 * reader or a crash never leaves a half-written image that would be served as immutable.
 * Keys are sha256 hex made by the server; anything else is refused before touching the disk.
 *
 * The disk is the store; the most recently written or served posters are also kept in memory
 * (least recently used dropped first, `POSTER_MEMORY_BYTES` at most). Reading a ~250 KiB file into a fresh
 * buffer for every request made the garbage collector pause the server often enough to put
 * the p99 of cached GETs over 10 ms (bench/poster-cache.bench.mjs); a poster is usually asked
 * for right after it is made (the sharer's app shows and saves it), so filling the memory on
 * write makes that first GET a hit.
 */
@Injectable()
export class PosterStore {
  private readonly root: string;
  private readonly recent = new Map<string, Buffer>();
  private recentBytes = 0;
  readonly memoryBytes: number = POSTER_MEMORY_BYTES;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.posters.dir);
  }

  async exists(key: string): Promise<boolean> {
    if (this.recent.has(key)) return true;
    try {
      await access(this.pathOf(key));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async put(key: string, png: Buffer): Promise<void> {
    await writeFileAtomically(this.pathOf(key), png, 0o644);
    this.remember(key, png);
  }

  /** The poster's bytes, or null when there is no such poster (or the key is not one). */
  async read(key: string): Promise<Buffer | null> {
    if (!isPosterKey(key)) return null;
    const hit = this.recent.get(key);
    if (hit) {
      // most recently used last: Map keeps insertion order
      this.recent.delete(key);
      this.recent.set(key, hit);
      return hit;
    }
    try {
      return this.remember(key, await readFile(this.pathOf(key)));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private remember(key: string, png: Buffer): Buffer {
    if (png.length > this.memoryBytes || this.recent.has(key)) return png;
    this.recent.set(key, png);
    this.recentBytes += png.length;
    for (const [oldest, bytes] of this.recent) {
      if (this.recentBytes <= this.memoryBytes) break;
      this.recent.delete(oldest);
      this.recentBytes -= bytes.length;
    }
    return png;
  }

  private pathOf(key: string): string {
    if (!isPosterKey(key)) throw new Error('Not a poster key');
    return join(this.root, key.slice(0, 2), `${key}.png`);
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
