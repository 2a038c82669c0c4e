import type { CreateInviteRequest, InviteResponse, StaffListResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';

export function listStaff(): Promise<StaffListResponse> {
  return api('listStaff', undefined, { scope: platform.consoleScope });
}

export function createStaffInvite(input: Pick<CreateInviteRequest, 'name' | 'role'>): Promise<InviteResponse> {
  return api('createInvite', input, { scope: platform.consoleScope });
}
