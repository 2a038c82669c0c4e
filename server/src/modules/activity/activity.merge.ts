import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';

/**
 * The timeline follows the person: the merged record's events now name the survivor, and the
 * server activities keyed by the person (`source_key = p:<id>`) are re-keyed, so a retried
 * action after the merge is still recognised as the same one. An activity whose key the
 * survivor already holds keeps its key (and is journaled as kept).
 */
export const activityMerge: PersonMergeContributor = {
  module: 'activity',
  async move(step: MergeStep): Promise<void> {
    await step.reassign({ table: 'events', column: 'person_id', keyColumns: ['id'], kind: 'timeline' });
    await step.reassign({ table: 'events', column: 'source_key', from: `p:${step.fromId}`, to: `p:${step.toId}`, keyColumns: ['id'], uniqueWith: ['client_event_id'] });
  },
};
