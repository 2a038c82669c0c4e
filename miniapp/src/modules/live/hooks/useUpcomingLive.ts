import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { useSession } from '@/modules/identity/hooks/useSession';
import { fetchLiveEvent, listUpcoming } from '../services/live.service';

/**
 * Events for 首页: these (in this order; those no longer published are left out) or the upcoming
 * ones; loaded again when the person signs in (to show what they signed up for).
 */
export function useUpcomingLive(eventIds: readonly string[] = []) {
  const personId = useSession('app')?.person.id ?? null;
  const idsKey = eventIds.join(',');
  // A new loader per person (the id is only a dependency), so a login reloads the list.
  const load = useCallback(
    () => (idsKey ? Promise.all(idsKey.split(',').map((id) => fetchLiveEvent(id).catch(() => null))).then((events) => events.filter((e) => e !== null)) : listUpcoming(10)),
    [personId, idsKey],
  );
  return useApiResource(load);
}
