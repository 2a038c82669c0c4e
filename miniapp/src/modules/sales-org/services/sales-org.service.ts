import type { MemberAvailability, SalesGroupInput, SalesGroupList, SalesGroupView, SalesMemberInput, TeamLeadList, UpdateSalesGroup } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';
import { readAllPages } from '@/core/api/useKeysetList';

const scope = platform.consoleScope;

function salesGroupsPage(cursor?: string, limit = 20): Promise<SalesGroupList> {
  return api('salesGroups', undefined, { scope, query: { limit, cursor } });
}

/** Every group the caller may see (a team has a handful; the editors offer them all). */
export async function listSalesGroups(): Promise<{ items: SalesGroupView[] }> {
  return { items: await readAllPages(salesGroupsPage) };
}

export function createSalesGroup(body: SalesGroupInput): Promise<SalesGroupView> {
  return api('createSalesGroup', body, { scope });
}

export function updateSalesGroup(id: string, body: UpdateSalesGroup): Promise<SalesGroupView> {
  return api('updateSalesGroup', body, { scope, params: { id } });
}

export function putSalesMember(groupId: string, staffId: string, body: SalesMemberInput): Promise<SalesGroupView> {
  return api('putSalesMember', body, { scope, params: { id: groupId, staffId } });
}

export function removeSalesMember(groupId: string, staffId: string) {
  return api('removeSalesMember', undefined, { scope, params: { id: groupId, staffId } });
}

export function setMemberAvailability(groupId: string, staffId: string, body: MemberAvailability): Promise<SalesGroupView> {
  return api('setMemberAvailability', body, { scope, params: { id: groupId, staffId } });
}

export function listTeamLeads(groupId: string, staffId: string | undefined, cursor?: string): Promise<TeamLeadList> {
  return api('teamLeads', undefined, { scope, params: { id: groupId }, query: { staffId, cursor, limit: 20 } });
}

/** Today in China (YYYY-MM-DD): leave is set in days there. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}
