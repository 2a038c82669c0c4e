import { open, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { newId } from '../../database/ids';
import { writeFileAtomically } from './atomic-file';

/** Injection token of the FileStorage in use. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

/**
 * Where uploaded files live: local disk by default; an S3-compatible store implements the same
 * four calls. Keys are made by the server (`newFileKey`), never from a user's file name.
 */
export interface FileStorage {
  /** Stores the bytes under `key`, replacing nothing half-written: readers see all or nothing. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes as a stream, or null when there is no such file. */
  get(key: string): Promise<Readable | null>;
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** A small file (a cover, an avatar) read whole into memory, or null when there is no such file. */
export async function readSmallFile(storage: FileStorage, key: string): Promise<Buffer | null> {
  const stream = await storage.get(key);
  return stream ? Buffer.concat(await stream.toArray()) : null;
}

/** Local disk under STORAGE_DIR; an S3-compatible FileStorage replaces this provider. */
export const fileStorageProvider: Provider = {
  provide: FILE_STORAGE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): FileStorage => new LocalDiskStorage(config.storage.dir),
};

/** `<namespace>/<ULID>`: the only shape of key any FileStorage accepts. */
const KEY = /^[a-z][a-z0-9-]{0,31}\/[0-9A-HJKMNP-TV-Z]{26}$/;

export function newFileKey(namespace: string): string {
  return checkedKey(`${namespace}/${newId()}`);
}

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  return key;
}

/** Files under one directory; writes go to a temporary file that is renamed into place. */
export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, data: Buffer): Promise<void> {
    await writeFileAtomically(this.pathOf(key), data, 0o600);
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      return { size: (await stat(this.pathOf(key))).size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** The key's shape already rules out `..` and separators; the prefix check is a second lock. */
  private pathOf(key: string): string {
    const path = join(this.root, checkedKey(key));
    if (!path.startsWith(this.root + sep)) throw new Error('Storage key escapes the storage directory');
    return path;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
