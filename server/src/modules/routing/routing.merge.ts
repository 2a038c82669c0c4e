import type { PersonMergeContributor } from '../person-merge/person-merge';
import { LeadAssignmentEntity } from './routing.entity';

/** Routing's part of a merge: the decisions follow the person; the assignment too, unless the survivor has one (it stays). */
export const routingMerge: PersonMergeContributor = {
  module: 'routing',
  async move(step) {
    await step.reassign({ table: 'routing_decisions', column: 'person_id', keyColumns: ['id'] });
    const [from, to] = await Promise.all([step.em.findOneBy(LeadAssignmentEntity, { personId: step.fromId }), step.em.findOneBy(LeadAssignmentEntity, { personId: step.toId })]);
    if (from && !to) {
      await step.reassign({ table: 'lead_assignments', column: 'person_id', keyColumns: [] });
      await step.guard(LeadAssignmentEntity, { personId: step.toId });
    }
  },
};
