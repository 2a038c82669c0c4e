import { z } from 'zod';

/**
 * One pagination contract for every list: the client sends `limit` and, for the pages after the
 * first, the previous page's `nextCursor` as `cursor`; the server answers `{ items, nextCursor }`,
 * `nextCursor` being null on the last page. Cursors are opaque: the server encodes the keyset
 * position of the last row in them and refuses one it did not make (`CURSOR_INVALID`).
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** What a cursor looks like on the wire: url-safe base64, bounded. */
export const Cursor = z.string().min(1).max(256).regex(/^[\w-]+$/, 'must be a cursor from a previous page');

/** `?cursor=…&limit=…`; lists with filters extend it (`PageQuery.extend({ status })`). */
export const PageQuery = z
  .object({
    cursor: Cursor.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of `item`s and where the next one starts (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
