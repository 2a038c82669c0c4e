import { useCallback, useEffect, useRef, useState } from 'react';

export interface KeysetPage<T> {
  items: T[];
  /** Where the next page starts; null on the last page. */
  next: string | null;
}

/**
 * A keyset-paged list: the first page on mount and on `reload`, the next ones on `loadMore`.
 * A page that arrives after a newer reload (or after unmounting) is dropped, and rows already
 * shown are not repeated when the list changed between pages.
 */
export function useKeysetList<T>(load: (after?: string) => Promise<KeysetPage<T>>, keyOf: (item: T) => string) {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
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
        setNext(page.next);
      })
      .catch((failure: unknown) => mine === generation.current && setError(failure));
  }, []);

  useEffect(() => {
    reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  const loadMore = useCallback(async () => {
    if (!next || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await latest.current.load(next);
      if (mine !== generation.current) return;
      const key = latest.current.keyOf;
      setItems((prev) => {
        const seen = new Set((prev ?? []).map(key));
        return [...(prev ?? []), ...page.items.filter((item) => !seen.has(key(item)))];
      });
      setNext(page.next);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoadingMore(false);
    }
  }, [next, loadingMore]);

  return { items, error, hasMore: next !== null, loadingMore, loadMore, reload };
}
