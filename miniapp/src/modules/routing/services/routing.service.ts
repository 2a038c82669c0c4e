import type { ReassignRequest, ReassignResponse, RoutingRuleList, RoutingTestRequest, RoutingTestResult, SaveRoutingRules, UnassignedLeadList } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';
import type { SessionScope } from '@/core/session/session-store';

const scope = platform.consoleScope;

export function listRoutingRules(): Promise<RoutingRuleList> {
  return api('routingRules', undefined, { scope });
}

export function saveRoutingRules(body: SaveRoutingRules): Promise<RoutingRuleList> {
  return api('saveRoutingRules', body, { scope });
}

export function testRoutingRules(body: RoutingTestRequest): Promise<RoutingTestResult> {
  return api('testRoutingRules', body, { scope });
}

export function listUnassigned(cursor?: string): Promise<UnassignedLeadList> {
  return api('unassignedLeads', undefined, { scope, query: { cursor, limit: 20 } });
}

export function reassignLead(personId: string, body: ReassignRequest): Promise<ReassignResponse> {
  return api('reassignLead', body, { scope, params: { id: personId } });
}

/** Every routing decision on one lead, newest first (the owner's own lead, or any in the console). */
export function fetchLeadRouting(sessionScope: SessionScope, id: string, cursor?: string) {
  return api('leadRouting', undefined, { scope: sessionScope, params: { id }, query: { cursor, limit: 20 } });
}
