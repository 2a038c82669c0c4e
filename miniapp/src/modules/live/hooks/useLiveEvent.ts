import type { LiveEventView } from '@leadloop/shared';
import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
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
  // personId is not read, but a new person means a new view of the event (their sign-up), so a new load.
  const load = useCallback(() => fetchLiveEvent(id), [id, personId]);
  const { data, error, reload, setData } = useApiResource(load, !!id);
  return { event: data, error, reload, setEvent: setData };
}
