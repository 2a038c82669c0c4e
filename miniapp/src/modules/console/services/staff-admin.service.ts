import type { CreateInviteRequest, InviteResponse, PendingInviteList, StaffHandover, StaffHandoverList, StaffListItem, StaffListResponse, StaffRole } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { readAllPages } from '@/core/api/useKeysetList';
import { platform } from '@/core/platform';

/** The team, oldest member first, a page at a time. */
export function listStaff(cursor?: string): Promise<StaffListResponse> {
  return api('listStaff', undefined, { scope: platform.consoleScope, query: { limit: 20, cursor } });
}

/** Every active member (whoever may take over a leaver's work), however many pages the team table has shown. */
export function listActiveStaff(): Promise<StaffListItem[]> {
  return readAllPages((cursor, limit) => api('listStaff', undefined, { scope: platform.consoleScope, query: { status: 'active', limit, cursor } }));
}

export function createStaffInvite(input: Pick<CreateInviteRequest, 'name' | 'role'>): Promise<InviteResponse> {
  return api('createInvite', input, { scope: platform.consoleScope });
}

/** Invites not accepted yet and still valid (never their secret links). */
export function listPendingInvites(cursor?: string): Promise<PendingInviteList> {
  return api('listInvites', undefined, { scope: platform.consoleScope, query: { limit: 20, cursor } });
}

/** Withdraws an invite: its link stops working at once. */
export async function revokeStaffInvite(id: string): Promise<void> {
  await api('revokeInvite', undefined, { scope: platform.consoleScope, params: { id } });
}

export function changeStaffRole(id: string, role: StaffRole): Promise<StaffListItem> {
  return api('updateStaff', { role }, { scope: platform.consoleScope, params: { id } });
}

/** Disables a leaver and hands everything they own to `toStaffId`, in one step. */
export function handOverStaff(id: string, toStaffId: string): Promise<StaffHandover> {
  return api('handOverStaff', { toStaffId, disable: true }, { scope: platform.consoleScope, params: { id } });
}

/** The hand-over log, newest first, a page at a time. */
export function listHandovers(cursor?: string): Promise<StaffHandoverList> {
  return api('staffHandovers', undefined, { scope: platform.consoleScope, query: { limit: 20, cursor } });
}
