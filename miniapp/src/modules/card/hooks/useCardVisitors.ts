import type { CardSignal, CardVisitor } from '@leadloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeCardError } from '../services/card-errors';
import { fetchSignals, fetchVisitors, markSignalsRead } from '../services/card.service';

/**
 * Who viewed my card (most recent first, a page at a time) and the returning-visitor signals not
 * read yet. Opening the list reads the signals: they stay highlighted until the next visit here.
 */
export function useCardVisitors() {
  const [visitors, setVisitors] = useState<CardVisitor[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [signals, setSignals] = useState<CardSignal[]>([]);
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
    Promise.all([fetchVisitors(), fetchSignals()])
      .then(async ([page, signalList]) => {
        if (!active.current) return;
        setVisitors(page.items);
        setCursor(page.nextCursor);
        const unread = signalList.items.filter((s) => !s.read).reverse();
        setSignals(unread);
        if (signalList.unreadSignals > 0 && signalList.last) await markSignalsRead(signalList.last).catch(() => undefined);
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
  return { visitors, signals, hasMore: cursor !== null, loadingMore, error, loadMore, reload };
}
