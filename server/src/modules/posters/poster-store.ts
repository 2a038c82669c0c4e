import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { PosterKeySchema } from '@leadloop/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';

export function isPosterKey(key: string): boolean {
  return PosterKeySchema.safeParse(key).success;
}

/**
 * Rendered posters on local disk, one file per key under `POSTER_DIR/<first two hex>/<key>.png`
 * (256 subdirectories keep each directory small at millions of posters). A file appears whole
 * or not at all: it is written to a temporary name, synced, then renamed into place, so a
 * reader or a crash never leaves a half-written image that would be served as immutable.
 * Keys are sha256 hex made by the server; anything else is refused before touching the disk.
 */
@Injectable()
export class PosterStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.posters.dir);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async put(key: string, png: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(png);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    await rename(temp, target);
  }

  /**
   * The poster's bytes, or null when there is no such poster (or the key is not one). Read in
   * one call: posters are ~200–300 KiB, and one read beats a 64 KiB-chunked stream here.
   */
  async read(key: string): Promise<Buffer | null> {
    if (!isPosterKey(key)) return null;
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private pathOf(key: string): string {
    if (!isPosterKey(key)) throw new Error('Not a poster key');
    return join(this.root, key.slice(0, 2), `${key}.png`);
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
