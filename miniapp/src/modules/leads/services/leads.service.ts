import type { ApiQuery, LeadListQuery, LeadSourceContentType } from '@leadloop/shared';
import { api } from '@/core/api/client';
import type { SessionScope } from '@/core/session/session-store';

/** The list's filters as the pages hold them (everything optional; the sort defaults to score). */
export type LeadFilters = Omit<ApiQuery<'leads'>, 'cursor' | 'limit'>;

export function fetchLeads(scope: SessionScope, filters: LeadFilters, cursor?: string, limit = 20) {
  return api('leads', undefined, { scope, query: { ...filters, cursor, limit } });
}

export function fetchLead(scope: SessionScope, id: string) {
  return api('lead', undefined, { scope, params: { id } });
}

export function fetchTimeline(scope: SessionScope, id: string, cursor?: string) {
  return api('leadTimeline', undefined, { scope, params: { id }, query: { cursor, limit: 50 } });
}

/** The full number, once: the server logs every reveal. */
export function revealPhone(scope: SessionScope, id: string) {
  return api('revealLeadPhone', undefined, { scope, params: { id } });
}

/** The filters a console link carries (`?contentType=…&contentId=…&action=…&minutes=…&owner=…`), checked like the API checks them. */
export function filtersFromParams(params: Record<string, string | undefined>): LeadFilters {
  const keys = ['stage', 'grade', 'owner', 'channel', 'contentType', 'contentId', 'action', 'minutes', 'account', 'tag', 'province', 'city', 'industry', 'sort'] as const;
  const picked: Record<string, string> = {};
  for (const key of keys) if (params[key]) picked[key] = decodeURIComponent(params[key] as string);
  return picked as LeadFilters;
}

export type { LeadListQuery };

/** The grade, the intent now and every rule behind them. */
export function fetchScore(scope: SessionScope, id: string) {
  return api('leadScore', undefined, { scope, params: { id } });
}

/** Stage changes, newest first. */
export function fetchStages(scope: SessionScope, id: string, cursor?: string) {
  return api('leadStages', undefined, { scope, params: { id }, query: { cursor, limit: 20 } });
}

/** Adds or removes one tag on the selected leads (≤ 100 at a time); answers how many changed. */
export function tagLeads(scope: SessionScope, personIds: string[], change: { add: string[] } | { remove: string[] }) {
  return api('bulkTagLeads', { personIds, ...change }, { scope });
}

/** How many leads stand behind each of a content's numbers (what its links open). */
export function fetchSourceCounts(scope: SessionScope, contentType: LeadSourceContentType, contentId: string) {
  return api('leadSourceCounts', undefined, { scope, query: { contentType, contentId } });
}
