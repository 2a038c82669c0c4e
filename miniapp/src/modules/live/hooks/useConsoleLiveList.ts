import type { ConsoleLiveEvent } from '@leadloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listConsoleEvents } from '../services/live-console.service';

/** The console's events, newest first, a page at a time (keyset: each page continues after the last id). */
export function useConsoleLiveList(enabled = true) {
  const [items, setItems] = useState<ConsoleLiveEvent[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setError(null);
    listConsoleEvents()
      .then((page) => {
        if (mine !== generation.current) return;
        setItems(page.items);
        setNext(page.next);
      })
      .catch((failure: unknown) => mine === generation.current && setError(failure));
  }, []);

  useEffect(() => {
    if (enabled) reload();
  }, [enabled, reload]);

  const loadMore = useCallback(async () => {
    if (!next || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await listConsoleEvents(next);
      if (mine !== generation.current) return;
      setItems((prev) => {
        const seen = new Set((prev ?? []).map((e) => e.id));
        return [...(prev ?? []), ...page.items.filter((e) => !seen.has(e.id))];
      });
      setNext(page.next);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoadingMore(false);
    }
  }, [next, loadingMore]);

  return { items, next, loadingMore, error, reload, loadMore };
}
