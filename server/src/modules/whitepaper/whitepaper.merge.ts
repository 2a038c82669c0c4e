import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';

/** Downloads follow the person; one under a request id the survivor already used stays with the merged record. */
export const whitepaperMerge: PersonMergeContributor = {
  module: 'whitepaper',
  async move(step: MergeStep): Promise<void> {
    await step.reassign({ table: 'whitepaper_downloads', column: 'person_id', keyColumns: ['id'], uniqueWith: ['request_id'], kind: 'downloads' });
  },
};
