import { MAX_PAGE_SIZE, type Page } from '@leadloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';

/** Reads a page of a list: the first without a cursor, the next ones with the previous page's `nextCursor`. */
export type PageLoader<T> = (cursor?: string) => Promise<Page<T>>;

/**
 * A keyset-paged list (`PageQuery` / `pageOf` in shared): the first page on mount (while `enabled`)
 * and on `reload`, the next ones on `loadMore`. A page that arrives after a newer reload (or after
 * unmounting) is dropped, and rows already shown are not repeated when the list changed between pages.
 */
export function useKeysetList<T>(load: PageLoader<T>, keyOf: (item: T) => string, enabled = true) {
  const [items, setItems] = useState<T[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const latest = useRef({ load, keyOf });
  latest.current = { load, keyOf };

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setError(null);
    latest.current
      .load()
      .then((page) => {
        if (mine !== generation.current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch((failure: unknown) => mine === generation.current && setError(failure));
  }, []);

  useEffect(() => {
    if (!enabled) return;
    reload();
    return () => {
      generation.current++;
    };
  }, [reload, enabled]);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await latest.current.load(nextCursor);
      if (mine !== generation.current) return;
      const key = latest.current.keyOf;
      setItems((prev) => {
        const seen = new Set((prev ?? []).map(key));
        return [...(prev ?? []), ...page.items.filter((item) => !seen.has(key(item)))];
      });
      setNextCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor, loadingMore]);

  return { items, error, hasMore: nextCursor !== null, loadingMore, loadMore, reload };
}

/**
 * Every page of a short list whose whole is needed at once (a filter's options, totals over all
 * rows), at the largest page size; stops after `maxPages` so a runaway list cannot loop forever.
 */
export async function readAllPages<T>(load: (cursor: string | undefined, limit: number) => Promise<Page<T>>, maxPages = 20): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const page = await load(cursor, MAX_PAGE_SIZE);
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}
