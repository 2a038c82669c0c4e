import type { IdentifierConflict, Page, PersonMergeSummary, UnmergeResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';

/** A page of person merges, newest first. */
export function listMerges(cursor?: string, limit = 20): Promise<Page<PersonMergeSummary>> {
  return api('listMerges', undefined, { scope: platform.consoleScope, query: { limit, cursor } });
}

export function unmerge(id: string): Promise<UnmergeResponse> {
  return api('unmerge', undefined, { scope: platform.consoleScope, params: { id } });
}

/** A page of open conflicts: identifiers refused because they would merge a staff member. */
export function listIdentifierConflicts(cursor?: string, limit = 20): Promise<Page<IdentifierConflict>> {
  return api('listIdentifierConflicts', undefined, { scope: platform.consoleScope, query: { limit, cursor } });
}

export async function resolveIdentifierConflict(id: string): Promise<void> {
  await api('resolveIdentifierConflict', undefined, { scope: platform.consoleScope, params: { id } });
}
