import { Injectable } from '@nestjs/common';
import type { ContactRequest, ContactRequestResponse } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { isUniqueViolation } from '../../database/data-source';
import { newId } from '../../database/ids';
import { Activity } from '../activity/activity';
import { type Gate, ProfileGate } from '../profile/profile-gate';
import { OwnerProtection } from '../share-chain/owner-protection';
import { Touchpoints } from '../share-chain/touchpoints';
import { CARD_PAGE, contactRequestActivity } from './card.activities';
import type { CardContactRequestEntity } from './card.entity';
import { cardNotFound, ownCardContact } from './card.errors';
import { CardRepository } from './card.repository';
import { viewedByOwner } from './card.service';
import { CardVisitsRepository } from './card-visits.repository';

/** A salesperson can only call back someone whose name and phone they have, with consent. */
const CONTACT_GATE: Gate = { purpose: 'sales_contact', required: ['name', 'phone'], sourcePage: CARD_PAGE };

/** "请联系我" on a card: a lead that asks for contact, owned by the card's owner unless protected. */
@Injectable()
export class ContactRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CardRepository,
    private readonly visits: CardVisitsRepository,
    private readonly gate: ProfileGate,
    private readonly activity: Activity,
    private readonly owners: OwnerProtection,
    private readonly touchpoints: Touchpoints,
    private readonly clock: Clock,
  ) {}

  /**
   * One transaction: the request row first (it claims the client's requestId, so a retry fails
   * fast on the unique key and answers the stored request), then the profile gate, the activity
   * (a conversion, credited along the chain the person came through; the lead follows from it) and
   * the ownership decision, which OwnerProtection logs — a person owned by another salesperson
   * inside the protection window stays theirs.
   */
  async request(auth: AuthContext, cardId: string, input: ContactRequest): Promise<ContactRequestResponse> {
    const shown = await this.cards.findShown(cardId);
    if (!shown) throw cardNotFound();
    if (viewedByOwner(auth, shown)) throw ownCardContact();
    const { card } = shown;
    const source = await this.touchpoints.source(auth.personId, input.shareToken, null);
    let stored: CardContactRequestEntity;
    try {
      stored = await this.dataSource.transaction(async (em) => {
        const now = this.clock.now();
        const shareNodeId = input.shareToken ? await this.cards.cardShareNodeId(em, input.shareToken, card.id) : null;
        const request: CardContactRequestEntity = { id: newId(now.getTime()), cardId: card.id, personId: auth.personId, requestId: input.requestId, note: input.note, shareNodeId, createdAt: now };
        await this.visits.insertContactRequest(em, request);
        await this.gate.pass(em, auth.personId, CONTACT_GATE, input.gate);
        await this.activity.record(em, contactRequestActivity(request, source));
        await this.owners.consider(em, auth.personId, card.staffId, { nodeId: shareNodeId, eventId: null, at: now, reason: 'card contact request' });
        await this.visits.markContactRequested(em, card.id, auth.personId, now);
        return request;
      });
    } catch (error) {
      const earlier = isUniqueViolation(error) ? await this.visits.findContactRequest(card.id, auth.personId, input.requestId) : null;
      if (!earlier) throw error;
      stored = earlier;
    }
    return { id: stored.id, status: 'received', createdAt: stored.createdAt.toISOString() };
  }
}
