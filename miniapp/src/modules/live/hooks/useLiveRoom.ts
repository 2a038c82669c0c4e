import type { LiveEventView } from '@leadloop/shared';
import { useEffect, useState } from 'react';
import { fetchLiveEvent, fetchRoom, type LiveRoom } from '../services/live.service';

/** The room (where to watch, heartbeat rate) and the event it belongs to. */
export function useLiveRoom(id: string) {
  const [room, setRoom] = useState<LiveRoom | null>(null);
  const [event, setEvent] = useState<LiveEventView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!id) return;
    let active = true;
    setError(null);
    Promise.all([fetchRoom(id), fetchLiveEvent(id)])
      .then(([r, e]) => {
        if (!active) return;
        setRoom(r);
        setEvent(e);
      })
      .catch((failure: unknown) => active && setError(failure));
    return () => {
      active = false;
    };
  }, [id, generation]);

  return { room, event, error, reload: () => setGeneration((n) => n + 1) };
}
