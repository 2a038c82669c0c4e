import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { useKeysetList } from '@/core/api/useKeysetList';
import { type AccountFilters, getAccount, listAccounts } from '../services/accounts.service';

/** The accounts table: filters, and the list a page at a time (read again from the first page when the filters change). */
export function useAccountList() {
  const [filters, setFilters] = useState<AccountFilters>({});
  const load = useCallback((cursor?: string) => listAccounts(filters, cursor), [filters]);
  const list = useKeysetList(load, (account) => account.id);
  const first = useRef(true);
  const { reload } = list;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [filters, reload]);
  return { list, filters, setFilters };
}

/** One account page, by id. */
export function useAccount(id: string | undefined) {
  const load = useCallback(() => getAccount(id ?? ''), [id]);
  return useApiResource(load, !!id);
}
