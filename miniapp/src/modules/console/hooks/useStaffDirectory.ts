import { useApiResource } from '@/core/api/useApiResource';
import { listStaff } from '../services/staff-admin.service';

const loadStaff = () => listStaff().then((result) => result.items);

/** The team for the console's member table (admins only, hence `enabled`). */
export function useStaffDirectory(enabled: boolean) {
  const { data, error, reload } = useApiResource(loadStaff, enabled);
  return { items: data, error, reload };
}
