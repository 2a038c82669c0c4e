import { useCallback, useEffect, useRef } from 'react';
import type { LeadListItem } from '@leadloop/shared';
import { useKeysetList } from '@/core/api/useKeysetList';
import type { SessionScope } from '@/core/session/session-store';
import { fetchLeads, type LeadFilters } from '../services/leads.service';

/** The leads the caller may see under these filters, a page at a time; a change of filters starts again from the first page. */
export function useLeadList(scope: SessionScope, filters: LeadFilters, enabled = true, pageSize = 20) {
  const key = JSON.stringify(filters);
  const load = useCallback((cursor?: string) => fetchLeads(scope, JSON.parse(key) as LeadFilters, cursor, pageSize), [scope, key, pageSize]);
  const list = useKeysetList<LeadListItem>(load, (lead) => lead.id, enabled);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (enabled) list.reload();
    // reload only when the filters change (the first page is loaded by useKeysetList itself)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return list;
}
