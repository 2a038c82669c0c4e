import type { WhitepaperView } from '@leadloop/shared';
import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { fetchWhitepaper } from '../services/whitepaper.service';

/** A published whitepaper by id (nothing is loaded while the id is still unknown). */
export function useWhitepaper(id: string | null) {
  const load = useCallback((): Promise<WhitepaperView> => fetchWhitepaper(id ?? ''), [id]);
  const { data, error, reload } = useApiResource(load, !!id);
  return { paper: data && data.id === id ? data : null, error, reload };
}
