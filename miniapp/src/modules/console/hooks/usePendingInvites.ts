import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { listPendingInvites, revokeStaffInvite } from '../services/staff-admin.service';

const loadInvites = () => listPendingInvites().then((result) => result.items);

/** Invites still waiting to be accepted, for the console's 待加入 list (admins only, hence `enabled`). */
export function usePendingInvites(enabled: boolean) {
  const { data, error, reload } = useApiResource(loadInvites, enabled);
  const revoke = useCallback(
    // Reloads even when revoking fails: the invite may have been accepted or expired meanwhile.
    (id: string) => revokeStaffInvite(id).finally(reload),
    [reload],
  );
  return { items: data, error, reload, revoke };
}
