import { createHash } from 'node:crypto';
import { type ImageType, imageTypeOf, startsWith } from '../../core/image-type';
import type { UploadedPart } from '../../core/route';
import { coverInvalid, fileNameRejected, notPdf, tooLarge } from './whitepaper.errors';

export const COVER_MAX_BYTES = 2 * 1024 * 1024;

const PDF_TYPES = ['application/pdf', 'application/x-pdf'];
const PDF_MAGIC = Buffer.from('%PDF-');
// markup, script URLs, control and bidi-override characters, path separators
const UNSAFE_NAME = /[<>\\/\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|javascript:|vbscript:/i;
const NAME_MAX = 120;

export interface CheckedDocument {
  buffer: Buffer;
  /** The uploaded name, cleaned, for display and Content-Disposition only. */
  displayName: string;
  size: number;
  sha256: string;
}

/** The document must be a PDF by its bytes and by its declared type, within the size limit. */
export function checkDocument(part: UploadedPart, maxBytes: number): CheckedDocument {
  const displayName = displayNameOf(part.originalname);
  if (part.size > maxBytes) throw tooLarge('file', maxBytes);
  if (!PDF_TYPES.includes(part.mimetype.toLowerCase()) || !startsWith(part.buffer, PDF_MAGIC)) throw notPdf();
  return { buffer: part.buffer, displayName, size: part.size, sha256: createHash('sha256').update(part.buffer).digest('hex') };
}

export interface CheckedCover {
  buffer: Buffer;
  type: ImageType;
}

/** A PNG or JPEG by its bytes, declared as what it is, at most 2 MB. */
export function checkCover(part: UploadedPart): CheckedCover {
  if (part.size > COVER_MAX_BYTES) throw tooLarge('cover', COVER_MAX_BYTES);
  const type = imageTypeOf(part.buffer);
  const declared = part.mimetype.toLowerCase() === 'image/jpg' ? 'image/jpeg' : part.mimetype.toLowerCase();
  if (!type || type !== declared) throw coverInvalid();
  return { buffer: part.buffer, type };
}

/** Refuses names carrying markup or paths; keeps the rest, trimmed, with a .pdf extension. */
export function displayNameOf(original: string): string {
  if (UNSAFE_NAME.test(original)) throw fileNameRejected();
  const cleaned = original.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const base = cleaned.replace(/\.pdf$/i, '').trim() || 'whitepaper';
  return `${[...base].slice(0, NAME_MAX - 4).join('')}.pdf`;
}
