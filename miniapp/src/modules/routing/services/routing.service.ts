import type { ReassignRequest, ReassignResponse, RoutingRuleList, RoutingTestRequest, RoutingTestResult, SaveRoutingRules, UnassignedLeadList } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';

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
