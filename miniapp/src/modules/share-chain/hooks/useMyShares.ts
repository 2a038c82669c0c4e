import { useApiResource } from '@/core/api/useApiResource';
import { fetchMyShares } from '../services/share.service';


/** The signed-in staff member's shares, per content (staff only, hence `enabled`). */
export function useMyShares(enabled: boolean) {
  const { data, error, reload } = useApiResource(fetchMyShares, enabled);
  return { items: data, error, reload };
}
