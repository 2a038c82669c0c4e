import { useKeysetList } from '@/core/api/useKeysetList';
import { listStaff } from '../services/staff-admin.service';

/** The team for the console's member table (admins only, hence `enabled`), a page at a time. */
export function useStaffDirectory(enabled: boolean) {
  return useKeysetList(listStaff, (member) => member.id, enabled);
}
