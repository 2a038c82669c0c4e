import { z } from 'zod';
import { AppError } from './app-error';
import { IdKey, InstantKey, KeysetCursor } from './pagination';

const Visitors = new KeysetCursor('card.visitors', z.tuple([InstantKey, IdKey]));
const Channels = new KeysetCursor('channels', z.tuple([IdKey]));
const ID = '01JD0000000000000000000000';

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? { code: error.code, status: error.status, details: error.details } : error;
  }
  return 'accepted';
}

const refused = { code: 'VALIDATION_FAILED', status: 400, details: { fields: [{ path: 'cursor', message: 'must be a cursor from a previous page' }] } };
const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('keyset cursors', () => {
  it('round-trips the position of the last row shown, as an opaque url-safe string', () => {
    const cursor = Visitors.encode([1_764_000_000_000, ID]);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(cursor).not.toContain(ID);
    expect(Visitors.decode(cursor)).toEqual([1_764_000_000_000, ID]);
    expect(Visitors.decode(undefined)).toBeNull();
  });

  it('refuses a forged cursor with a stable code instead of reading it into a query', () => {
    const forged = [
      'bogus',
      b64('not json'),
      b64('{"list":"card.visitors"}'),
      b64('[]'),
      b64(JSON.stringify(['card.visitors', 1_764_000_000_000])), // a value missing
      b64(JSON.stringify(['card.visitors', '1764000000000', ID])), // a time that is not a number
      b64(JSON.stringify(['card.visitors', -1, ID])),
      b64(JSON.stringify(['card.visitors', 1e20, ID])), // beyond what the column holds
      b64(JSON.stringify(['card.visitors', 1_764_000_000_000, "' OR 1=1 --"])),
      b64(JSON.stringify(['card.visitors', 1_764_000_000_000, ID, 'extra'])),
      Channels.encode([ID]), // a real cursor, of another list
      new KeysetCursor('live.upcoming', z.tuple([InstantKey, IdKey])).encode([1_764_000_000_000, ID]), // of another list with the same keys
    ];
    for (const cursor of forged) expect([cursor, refusal(() => Visitors.decode(cursor))]).toEqual([cursor, refused]);
  });

  it('makes a page from limit + 1 rows: the extra row only says that another page exists', () => {
    const rows = [{ id: 'A' }, { id: 'B' }, { id: 'C' }];
    const ids = new KeysetCursor('letters', z.tuple([z.string()]));
    const first = ids.page(rows, 2, (r) => [r.id]);
    expect(first.items).toEqual([{ id: 'A' }, { id: 'B' }]);
    expect(ids.decode(first.nextCursor ?? undefined)).toEqual(['B']);
  });

  it('gives the last page no nextCursor, whether it is full or not, and an empty list none', () => {
    const ids = new KeysetCursor('letters', z.tuple([z.string()]));
    expect(ids.page([{ id: 'A' }, { id: 'B' }], 2, (r) => [r.id])).toEqual({ items: [{ id: 'A' }, { id: 'B' }], nextCursor: null });
    expect(ids.page([{ id: 'A' }], 2, (r) => [r.id])).toEqual({ items: [{ id: 'A' }], nextCursor: null });
    expect(ids.page([], 2, (r: { id: string }) => [r.id])).toEqual({ items: [], nextCursor: null });
  });
});
