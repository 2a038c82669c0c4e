import { useKeysetList } from '@/core/api/useKeysetList';
import { listIdentifierConflicts, listMerges } from '../services/merges.service';

/** Person merges, newest first, a page at a time. */
export function useMergePages() {
  return useKeysetList(listMerges, (merge) => merge.id);
}

/** Open staff identifier conflicts, newest first. */
export function useConflictPages() {
  return useKeysetList(listIdentifierConflicts, (conflict) => conflict.id);
}
