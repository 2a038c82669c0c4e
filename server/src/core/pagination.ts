import type { Page } from '@leadloop/shared';
import { z } from 'zod';
import { AppError } from './app-error';

type Key = string | number;

/** A row id (ULID): ids sort by creation, so "newest first" is "id descending". */
export const IdKey = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/);
/** An instant as epoch milliseconds, within what a DATETIME column holds. */
export const InstantKey = z.number().int().min(0).max(253_402_300_799_999);

/**
 * The opaque cursor of one keyset-paged list (`PageQuery` / `pageOf` in shared): it carries the
 * list's name and the sort values of the last row shown, as url-safe base64 of a JSON array.
 * A cursor that does not decode, was made for another list or whose values do not have the
 * list's types is refused with VALIDATION_FAILED on `cursor` (400), never read into a query.
 * Cursors are not secret: a made-up one that passes names a position in a list the caller may
 * read anyway, and the query's own conditions still decide which rows they see.
 */
export class KeysetCursor<S extends z.ZodType<readonly Key[]>, P extends z.output<S> = z.output<S>> {
  constructor(
    private readonly list: string,
    private readonly position: S,
  ) {}

  encode(position: P): string {
    return Buffer.from(JSON.stringify([this.list, ...position])).toString('base64url');
  }

  /** The position after which the page starts; null for the first page (no cursor). */
  decode(cursor: string | undefined): P | null {
    if (cursor === undefined) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw cursorInvalid();
    }
    if (!Array.isArray(parsed) || parsed[0] !== this.list) throw cursorInvalid();
    const position = this.position.safeParse(parsed.slice(1));
    if (!position.success) throw cursorInvalid();
    return position.data as P;
  }

  /**
   * A page from rows read with `limit + 1`: the extra row only says that another page exists,
   * so the last page has no `nextCursor` (and never an empty page after it).
   */
  page<R>(rows: readonly R[], limit: number, positionOf: (row: R) => P): Page<R> {
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? this.encode(positionOf(items[items.length - 1])) : null };
  }
}

export function cursorInvalid(): AppError {
  return new AppError('VALIDATION_FAILED', 'Query parameters are invalid', { fields: [{ path: 'cursor', message: 'must be a cursor from a previous page' }] });
}
