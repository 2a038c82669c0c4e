import { useApiResource } from '@/core/api/useApiResource';
import { useKeysetList } from '@/core/api/useKeysetList';
import { listHandovers, listStaff } from '../services/staff-admin.service';

/** The team for the console's member table (admins only, hence `enabled`), a page at a time. */
export function useStaffDirectory(enabled: boolean) {
  return useKeysetList(listStaff, (member) => member.id, enabled);
}

const loadHandovers = () => listHandovers().then((result) => result.items);

/** The hand-over log (admins only). */
export function useHandoverLog(enabled: boolean) {
  const { data, error, reload } = useApiResource(loadHandovers, enabled);
  return { items: data, error, reload };
}
