import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** A keyset-paged list: the first page on mount, the next ones on demand. */
export function usePagedList<T>(load: (cursor?: string) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    let active = true;
    setError(null);
    latest.current()
      .then((page) => {
        if (!active) return;
        setItems(page.items);
        setNext(page.next);
      })
      .catch((failure: unknown) => active && setError(failure));
    return () => {
      active = false;
    };
  }, [generation]);

  const loadMore = useCallback(async () => {
    if (!next || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await latest.current(next);
      setItems((prev) => [...(prev ?? []), ...page.items]);
      setNext(page.next);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoadingMore(false);
    }
  }, [next, loadingMore]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { items, error, hasMore: next !== null, loadingMore, loadMore, reload };
}
