import type { CardVisitor } from '@leadloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeCardError } from '../services/card-errors';
import { fetchVisitors } from '../services/card.service';

/** Who viewed my card, most recent first, a page at a time (returning visitors are signals in 销售动态). */
export function useCardVisitors() {
  const [visitors, setVisitors] = useState<CardVisitor[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const active = useRef(true);
  useEffect(
    () => () => {
      active.current = false;
    },
    [],
  );

  useEffect(() => {
    setError(null);
    fetchVisitors()
      .then((page) => {
        if (!active.current) return;
        setVisitors(page.items);
        setCursor(page.nextCursor);
      })
      .catch((failure: unknown) => active.current && setError(describeCardError(failure)));
  }, [generation]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await fetchVisitors(cursor);
      setVisitors((prev) => [...(prev ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(describeCardError(failure));
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, loadingMore]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { visitors, hasMore: cursor !== null, loadingMore, error, loadMore, reload };
}
