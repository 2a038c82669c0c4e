import { z } from 'zod';
import { Api } from './api';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQuery, pageOf } from './pagination';

describe('the pagination contract', () => {
  it('reads cursor and limit from a query string, with one default and one maximum page size', () => {
    expect(PageQuery.parse({})).toEqual({ limit: DEFAULT_PAGE_SIZE });
    expect(PageQuery.parse({ limit: '7', cursor: 'WyJ4Il0' })).toEqual({ limit: 7, cursor: 'WyJ4Il0' });
    expect(PageQuery.parse({ limit: String(MAX_PAGE_SIZE) }).limit).toBe(MAX_PAGE_SIZE);
  });

  it('refuses a limit over the maximum, under one or not a whole number', () => {
    for (const limit of [String(MAX_PAGE_SIZE + 1), '0', '-3', '2.5', 'ten']) {
      expect(PageQuery.safeParse({ limit }).success).toBe(false);
    }
  });

  it('refuses a cursor that is not url-safe or too long, and parameters of the old styles', () => {
    expect(PageQuery.safeParse({ cursor: "1' OR '1'='1" }).success).toBe(false);
    expect(PageQuery.safeParse({ cursor: 'a'.repeat(257) }).success).toBe(false);
    expect(PageQuery.safeParse({ cursor: '' }).success).toBe(false);
    expect(PageQuery.safeParse({ after: 'x' }).success).toBe(false);
    expect(PageQuery.safeParse({ offset: '20' }).success).toBe(false);
  });

  it('answers a page as items and a nextCursor that is null on the last page', () => {
    const Items = pageOf(z.object({ id: z.string() }));
    expect(Items.parse({ items: [{ id: 'a' }], nextCursor: null })).toEqual({ items: [{ id: 'a' }], nextCursor: null });
    expect(Items.safeParse({ items: [], next: null }).success).toBe(false);
  });

  it('is the contract of every list route: each GET answering items takes cursor and limit and answers nextCursor', () => {
    // not lists read page by page: my consents hold one row per consent purpose, a fixed handful; a lead's score breakdown is one
    // document whose items add up to the score shown beside them; the routing rules are one ordered document (first match
    // wins, at most MAX_ROUTING_RULES), read and saved whole.
    const feeds = new Set(['myConsents', 'leadScore', 'routingRules']);
    const lists = Object.entries(Api).filter(
      ([name, route]) => !feeds.has(name) && route.method === 'GET' && route.response instanceof z.ZodObject && 'items' in route.response.shape,
    );
    const known = ['listInvites', 'listStaff', 'myShares', 'listChannels', 'myCardVisitors', 'consoleLiveEvents', 'liveEvents', 'mySignups', 'consoleWhitepapers', 'whitepapers', 'myDownloads', 'deadLetters', 'homeCardChoices', 'staffHandovers', 'sharedContents'];
    expect(lists.map(([name]) => name)).toEqual(expect.arrayContaining(known));
    for (const [name, route] of lists) {
      const query = 'query' in route ? route.query : undefined;
      expect([name, query instanceof z.ZodObject && 'cursor' in query.shape && 'limit' in query.shape]).toEqual([name, true]);
      expect([name, 'nextCursor' in (route.response as z.ZodObject).shape]).toEqual([name, true]);
    }
  });
});
