import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { fetchLiveEvent, fetchRoom } from '../services/live.service';

/** The room (where to watch, heartbeat rate) and the event it belongs to. */
export function useLiveRoom(id: string) {
  const load = useCallback(() => Promise.all([fetchRoom(id), fetchLiveEvent(id)]), [id]);
  const { data, error, reload } = useApiResource(load, !!id);
  return { room: data?.[0] ?? null, event: data?.[1] ?? null, error, reload };
}
