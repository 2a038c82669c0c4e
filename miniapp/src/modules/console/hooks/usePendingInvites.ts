import { useCallback } from 'react';
import { useKeysetList } from '@/core/api/useKeysetList';
import { listPendingInvites, revokeStaffInvite } from '../services/staff-admin.service';

/** Invites still waiting to be accepted, for the console's 待加入 list (admins only, hence `enabled`). */
export function usePendingInvites(enabled: boolean) {
  const list = useKeysetList(listPendingInvites, (invite) => invite.id, enabled);
  const { reload } = list;
  const revoke = useCallback(
    // Reloads even when revoking fails: the invite may have been accepted or expired meanwhile.
    (id: string) => revokeStaffInvite(id).finally(reload),
    [reload],
  );
  return { ...list, revoke };
}
