import type { CreateInviteRequest, InviteResponse, PendingInviteList, StaffListResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';

export function listStaff(): Promise<StaffListResponse> {
  return api('listStaff', undefined, { scope: platform.consoleScope });
}

export function createStaffInvite(input: Pick<CreateInviteRequest, 'name' | 'role'>): Promise<InviteResponse> {
  return api('createInvite', input, { scope: platform.consoleScope });
}

/** Invites not accepted yet and still valid (never their secret links). */
export function listPendingInvites(): Promise<PendingInviteList> {
  return api('listInvites', undefined, { scope: platform.consoleScope });
}

/** Withdraws an invite: its link stops working at once. */
export async function revokeStaffInvite(id: string): Promise<void> {
  await api('revokeInvite', undefined, { scope: platform.consoleScope, params: { id } });
}
