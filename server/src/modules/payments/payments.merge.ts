import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';

/** Orders follow the person (their sign-ups move with the live module). */
export const paymentsMerge: PersonMergeContributor = {
  module: 'payments',
  async move(step: MergeStep): Promise<void> {
    await step.reassign({ table: 'payment_orders', column: 'person_id', keyColumns: ['id'], kind: 'orders' });
  },
};
