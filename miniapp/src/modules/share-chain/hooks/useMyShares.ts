import { useApiResource } from '@/core/api/useApiResource';
import { fetchMyShares } from '../services/share.service';

const loadMyShares = () => fetchMyShares().then((result) => result.items);

/** The signed-in staff member's shares, per content (staff only, hence `enabled`). */
export function useMyShares(enabled: boolean) {
  const { data, error, reload } = useApiResource(loadMyShares, enabled);
  return { items: data, error, reload };
}
