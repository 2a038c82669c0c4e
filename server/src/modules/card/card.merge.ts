import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';
import { CardVisitorEntity } from './card.entity';

/**
 * Card visits follow the person. A card both records visited keeps one visitor row for the
 * survivor: views added, first visit the earliest, last the latest (the merged row is kept in
 * the journal). A contact request under a request id the survivor already used stays put.
 */
export const cardMerge: PersonMergeContributor = {
  module: 'card',
  async move(step: MergeStep): Promise<void> {
    await step.reassign({ table: 'card_views', column: 'person_id', keyColumns: ['id'], kind: 'cardVisits' });
    await step.reassign({ table: 'card_signals', column: 'person_id', keyColumns: ['id'] });
    await step.reassign({ table: 'card_contact_requests', column: 'person_id', keyColumns: ['id'], uniqueWith: ['card_id', 'request_id'], kind: 'contactRequests' });
    const { kept } = await step.reassign({ table: 'card_visitors', column: 'person_id', keyColumns: ['card_id'], uniqueWith: ['card_id'] });
    for (const [cardId] of kept) {
      const [from, to] = await Promise.all([
        step.em.findOneByOrFail(CardVisitorEntity, { cardId: String(cardId), personId: step.fromId }),
        step.em.findOneByOrFail(CardVisitorEntity, { cardId: String(cardId), personId: step.toId }),
      ]);
      const requested = [from.contactRequestedAt, to.contactRequestedAt].filter((d): d is Date => d !== null);
      await step.update(CardVisitorEntity, { cardId: to.cardId, personId: step.toId }, {
        views: from.views + to.views,
        firstViewAt: from.firstViewAt < to.firstViewAt ? from.firstViewAt : to.firstViewAt,
        lastViewAt: from.lastViewAt > to.lastViewAt ? from.lastViewAt : to.lastViewAt,
        contactRequestedAt: requested.length > 0 ? new Date(Math.min(...requested.map((d) => d.getTime()))) : null,
      });
      await step.remove(CardVisitorEntity, { cardId: from.cardId, personId: step.fromId });
    }
  },
};
