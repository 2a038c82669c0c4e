import type { LiveEventView } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '@/modules/identity/hooks/useSession';
import { fetchLiveEvent } from '../services/live.service';

export interface LiveEventState {
  event: LiveEventView | null;
  error: unknown;
  reload(): void;
  /** Replace the event with a fresher copy already fetched (e.g. by the payment poll). */
  setEvent(event: LiveEventView): void;
}

/** A live event as this person sees it (with their sign-up); reloaded when they sign in or out. */
export function useLiveEvent(id: string): LiveEventState {
  const session = useSession('app');
  const personId = session?.person.id ?? null;
  const [event, setEvent] = useState<LiveEventView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!id) return;
    let active = true;
    setError(null);
    fetchLiveEvent(id)
      .then((result) => active && setEvent(result))
      .catch((failure: unknown) => active && setError(failure));
    return () => {
      active = false;
    };
  }, [id, personId, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { event, error, reload, setEvent };
}
