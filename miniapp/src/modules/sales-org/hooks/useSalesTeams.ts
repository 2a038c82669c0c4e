import type { SalesGroupView } from '@leadloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { useKeysetList } from '@/core/api/useKeysetList';
import { listAccountOwners } from '@/modules/accounts/services/accounts.service';
import { listSalesGroups, listTeamLeads } from '../services/sales-org.service';

/** The groups the caller may see, and (for admins) the active staff who can join or lead them. */
export function useSalesTeams(isAdmin: boolean) {
  const groups = useApiResource(listSalesGroups);
  const staff = useApiResource(listAccountOwners, isAdmin);
  /** A group as the server answered after a change replaces the one shown. */
  const replace = useCallback(
    (group: SalesGroupView) => {
      const items = groups.data?.items ?? [];
      groups.setData({ items: items.some((g) => g.id === group.id) ? items.map((g) => (g.id === group.id ? group : g)) : [...items, group] });
    },
    [groups],
  );
  return { groups, staff, replace };
}

/** A team's open leads, newest assignment first, optionally one member's. */
export function useTeamLeads(groupId: string) {
  const [staffId, setStaffId] = useState<string | undefined>(undefined);
  const load = useCallback((cursor?: string) => listTeamLeads(groupId, staffId, cursor), [groupId, staffId]);
  const list = useKeysetList(load, (lead) => lead.personId);
  const first = useRef(true);
  const { reload } = list;
  // read again from the first page when the member filter changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [staffId, reload]);
  return { list, staffId, setStaffId };
}
