import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';
import { intentKey } from '@leadloop/shared';
import { In } from 'typeorm';
import { LeadEntity, LeadSettingsEntity, ScoreItemEntity } from './leads.entity';

/**
 * The lead workspace's part of a merge: stage history, score items and the phone-reveal log follow the person; tags
 * too (a tag the survivor already has stays with the merged record); and one lead remains —
 * the merged record's lead moves over whole, or, when both had one, the survivor's becomes the
 * combination (earliest first touch, latest last touch, counts and intent added) and the merged
 * lead is kept in the journal, so unmerge puts both back as they were.
 */
export const leadsMerge: PersonMergeContributor = {
  module: 'leads',
  async move(step: MergeStep): Promise<void> {
    await step.reassign({ table: 'lead_stage_changes', column: 'person_id', keyColumns: ['id'] });
    // a rule that scores once per event or content and fired for both records stays the survivor's
    const scores = await step.reassign({ table: 'score_items', column: 'person_id', keyColumns: ['id'], uniqueWith: ['rule_key', 'dedupe_key'], kind: 'scores' });
    await step.reassign({ table: 'person_tags', column: 'person_id', keyColumns: ['tag'], uniqueWith: ['tag'], kind: 'tags' });
    // who saw this person's full number stays in the survivor's export (and goes back on unmerge)
    await step.reassign({ table: 'phone_reveals', column: 'person_id', keyColumns: ['id'] });
    const [from, to] = await Promise.all([step.em.findOneBy(LeadEntity, { personId: step.fromId }), step.em.findOneBy(LeadEntity, { personId: step.toId })]);
    if (!from) return;
    if (!to) {
      await step.reassign({ table: 'leads', column: 'person_id', keyColumns: [], kind: 'lead' });
      await step.guard(LeadEntity, { personId: step.toId });
      return;
    }
    const keptIntent = await intentOfItems(step, scores.kept.map(([id]) => String(id)));
    await step.update(LeadEntity, { personId: step.toId }, combinedLead(from, to, keptIntent));
    await step.remove(LeadEntity, { personId: step.fromId });
    step.count('lead', 1);
  },
};

/** The survivor's lead after taking in the merged one (stage, grade and owner stay the survivor's unless it has none). */
export function combinedLead(from: LeadEntity, to: LeadEntity, keptIntent = 0): Partial<LeadEntity> {
  const first = from.createdAt < to.createdAt ? from : to;
  const last = from.lastActivityAt > to.lastActivityAt ? from : to;
  const requested = [from.contactRequestedAt, to.contactRequestedAt].filter((d): d is Date => d !== null);
  return {
    firstKind: first.firstKind,
    firstRef: first.firstRef,
    createdAt: first.createdAt,
    lastKind: last.lastKind,
    lastRef: last.lastRef,
    lastActivityAt: last.lastActivityAt,
    activityCount: from.activityCount + to.activityCount,
    status: from.status === 'contact_requested' || to.status === 'contact_requested' ? 'contact_requested' : to.status,
    contactRequestedAt: requested.length > 0 ? new Date(Math.min(...requested.map((d) => d.getTime()))) : null,
    // the intent key is a sum over score items: the merged record's moved here, except those the survivor already had
    intentKey: from.intentKey + to.intentKey - keptIntent,
    ownerStaffId: to.ownerStaffId ?? from.ownerStaffId,
  };
}

/** The intent key the given score items (left with the merged record) contribute to its lead. */
async function intentOfItems(step: MergeStep, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const settings = await step.em.findOneByOrFail(LeadSettingsEntity, { id: 'default' });
  const items = await step.em.findBy(ScoreItemEntity, { id: In(ids), dimension: 'intent' });
  return items.reduce((sum, item) => sum + intentKey(item.points, item.occurredAt.getTime(), settings.halfLifeDays), 0);
}
