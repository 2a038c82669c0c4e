import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';
import { PersonAttributionEntity, ShareSpreaderEntity } from './share-chain.entity';

/**
 * The share chain's part of a merge. Attribution: one first touch and one owner remain — the
 * earlier first touch of the two, and the survivor's owner unless it has none (the merged row is
 * kept in the journal). Conversions, their credits, ownership decisions and the merged record's
 * shares follow the person; spreader counters for the same content are added up; a share node
 * both records visited keeps the survivor's visit (the merged one stays, so nothing is counted twice).
 */
export const shareChainMerge: PersonMergeContributor = {
  module: 'share-chain',
  async move(step: MergeStep): Promise<void> {
    await step.reassign({ table: 'conversions', column: 'person_id', keyColumns: ['id'], kind: 'attribution' });
    await step.reassign({ table: 'conversion_credits', column: 'person_id', keyColumns: ['conversion_id', 'model', 'position'] });
    await step.reassign({ table: 'ownership_decisions', column: 'person_id', keyColumns: ['id'] });
    await step.reassign({ table: 'share_nodes', column: 'sharer_person_id', keyColumns: ['id'], kind: 'shares' });
    await step.reassign({ table: 'share_node_visits', column: 'visitor_key', keyColumns: ['node_id'], uniqueWith: ['node_id'] });
    await moveSpreaders(step);
    await moveAttribution(step);
  },
};

async function moveSpreaders(step: MergeStep): Promise<void> {
  const { kept } = await step.reassign({ table: 'share_spreaders', column: 'person_id', keyColumns: ['content_type', 'content_id'], uniqueWith: ['content_type', 'content_id'] });
  for (const [contentType, contentId] of kept) {
    const key = { contentType: String(contentType) as ShareSpreaderEntity['contentType'], contentId: String(contentId) };
    const [from, to] = await Promise.all([
      step.em.findOneByOrFail(ShareSpreaderEntity, { ...key, personId: step.fromId }),
      step.em.findOneByOrFail(ShareSpreaderEntity, { ...key, personId: step.toId }),
    ]);
    await step.update(ShareSpreaderEntity, { ...key, personId: step.toId }, {
      staffId: to.staffId ?? from.staffId,
      shares: to.shares + from.shares,
      visitors: to.visitors + from.visitors,
      conversions: to.conversions + from.conversions,
    });
    await step.remove(ShareSpreaderEntity, { ...key, personId: step.fromId });
  }
}

async function moveAttribution(step: MergeStep): Promise<void> {
  const [from, to] = await Promise.all([
    step.em.findOneBy(PersonAttributionEntity, { personId: step.fromId }),
    step.em.findOneBy(PersonAttributionEntity, { personId: step.toId }),
  ]);
  if (!from) return;
  if (!to) {
    await step.reassign({ table: 'person_attribution', column: 'person_id', keyColumns: [], kind: 'attribution' });
    await step.guard(PersonAttributionEntity, { personId: step.toId });
    return;
  }
  const earlier = from.firstAt !== null && (to.firstAt === null || from.firstAt < to.firstAt);
  const owner = to.ownerStaffId ? to : from;
  await step.update(PersonAttributionEntity, { personId: step.toId }, {
    ...(earlier ? { firstEventId: from.firstEventId, firstNodeId: from.firstNodeId, firstChannelId: from.firstChannelId, firstAt: from.firstAt } : {}),
    ownerStaffId: owner.ownerStaffId,
    ownerNodeId: owner.ownerNodeId,
    ownedAt: owner.ownedAt,
  });
  await step.remove(PersonAttributionEntity, { personId: step.fromId });
  step.count('attribution', 1);
}
