import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';

/** A stored file on its way to the client. */
export interface ServedFile {
  stream: Readable;
  type: string;
  size: number;
  cacheControl: string;
  /** Offered as a download under this name (RFC 5987 encoded); shown inline when absent. */
  downloadName?: string;
}

export function streamFile(res: Response, file: ServedFile): StreamableFile {
  res.setHeader('Cache-Control', file.cacheControl);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(file.stream, { type: file.type, length: file.size, disposition: file.downloadName ? attachment(file.downloadName) : undefined });
}

/** `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266 / RFC 5987). */
export function attachment(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
