import { useApiResource } from '@/core/api/useApiResource';
import { listHandovers, listStaff } from '../services/staff-admin.service';

const loadStaff = () => listStaff().then((result) => result.items);

/** The team for the console's member table (admins only, hence `enabled`). */
export function useStaffDirectory(enabled: boolean) {
  const { data, error, reload } = useApiResource(loadStaff, enabled);
  return { items: data, error, reload };
}

const loadHandovers = () => listHandovers().then((result) => result.items);

/** The hand-over log (admins only). */
export function useHandoverLog(enabled: boolean) {
  const { data, error, reload } = useApiResource(loadHandovers, enabled);
  return { items: data, error, reload };
}
