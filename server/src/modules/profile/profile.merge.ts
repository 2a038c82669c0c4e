import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';

/** The consent ledger and the history of corrections (更正权) follow the person (append-only rows, nothing to combine). */
export const profileMerge: PersonMergeContributor = {
  module: 'profile',
  async move(step: MergeStep): Promise<void> {
    await step.reassign({ table: 'consents', column: 'person_id', keyColumns: ['id'], kind: 'consents' });
    await step.reassign({ table: 'profile_changes', column: 'person_id', keyColumns: ['id'], kind: 'profileChanges' });
  },
};
