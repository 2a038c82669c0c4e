import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { useSession } from '@/modules/identity/hooks/useSession';
import { listUpcoming } from '../services/live.service';

/** Upcoming events for 首页; loaded again when the person signs in (to show what they signed up for). */
export function useUpcomingLive() {
  const personId = useSession('app')?.person.id ?? null;
  // A new loader per person (the id is only a dependency), so a login reloads the list.
  const load = useCallback(() => listUpcoming(10), [personId]);
  return useApiResource(load);
}
