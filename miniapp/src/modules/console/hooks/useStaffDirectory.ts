import { useApiResource } from '@/core/api/useApiResource';
import { useKeysetList } from '@/core/api/useKeysetList';
import { listActiveStaff, listHandovers, listStaff } from '../services/staff-admin.service';

/** The team for the console's member table (admins only, hence `enabled`), a page at a time. */
export function useStaffDirectory(enabled: boolean) {
  return useKeysetList(listStaff, (member) => member.id, enabled);
}

/** Every active member, for choosing who takes over a leaver's work (not only the rows the table has loaded). */
export function useActiveStaff() {
  return useApiResource(listActiveStaff);
}

/** The hand-over log (admins only), newest first, a page at a time. */
export function useHandoverLog(enabled: boolean) {
  return useKeysetList(listHandovers, (handover) => handover.id, enabled);
}
