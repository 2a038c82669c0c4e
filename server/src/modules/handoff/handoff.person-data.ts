import { Injectable } from '@nestjs/common';
import { FeedbackKindLabels } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { PersonMergeContributor } from '../person-merge/person-merge';
import type { PersonDataContributor } from '../privacy/person-data';
import { feedbackDetail } from './feedback-views';
import { LeadFeedbackEntity } from './handoff.entity';

/** Sales' feedback is about the person: it is in 我的's export and goes with an erasure. */
@Injectable()
export class HandoffPersonData implements PersonDataContributor {
  readonly section = 'salesFeedback';
  readonly placement = 'section';

  constructor(private readonly dataSource: DataSource) {}

  async export(personId: string): Promise<unknown> {
    const rows = await this.dataSource.manager.find(LeadFeedbackEntity, { where: { personId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({ kind: FeedbackKindLabels[r.kind], detail: feedbackDetail(r), note: r.note, at: r.createdAt.toISOString() }));
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(LeadFeedbackEntity, { personId });
  }
}

/** A merge moves the merged record's feedback to the survivor (and unmerge back). */
export const handoffMerge: PersonMergeContributor = {
  module: 'handoff',
  async move(step): Promise<void> {
    await step.reassign({ table: 'lead_feedback', column: 'person_id', keyColumns: ['id'] });
  },
};
