import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';

/** 请联系我 requests from the home page follow the person (one under a request id the survivor already used stays). */
export const homePageMerge: PersonMergeContributor = {
  module: 'home-page',
  async move(step: MergeStep): Promise<void> {
    await step.reassign({ table: 'home_contact_requests', column: 'person_id', keyColumns: ['id'], uniqueWith: ['request_id'], kind: 'contactRequests' });
  },
};
