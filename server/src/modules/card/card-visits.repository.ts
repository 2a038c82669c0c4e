import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { sqlTime, upsertAdd } from '../../database/sql';
import { PersonEntity } from '../identity/identity.entity';
import { CardContactRequestEntity, CardSignalEntity, CardViewEntity, CardVisitorEntity } from './card.entity';

/** What the card owner may know about a visitor: a display name and the masked phone. */
export interface VisitorLabel {
  displayName: string;
  phoneMasked: string | null;
}

const ANONYMOUS = '微信用户';

@Injectable()
export class CardVisitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  // --- views and visitors

  findVisitor(cardId: string, personId: string): Promise<CardVisitorEntity | null> {
    return this.dataSource.manager.findOneBy(CardVisitorEntity, { cardId, personId });
  }

  /** A first view; a duplicate-key error means a concurrent view of the same person came first. */
  async insertVisitor(em: EntityManager, cardId: string, personId: string, at: Date): Promise<void> {
    await em.insert(CardVisitorEntity, { cardId, personId, views: 1, firstViewAt: at, lastViewAt: at, contactRequestedAt: null });
  }

  /** Counts a further view, only if no other view moved `last_view_at` since it was read. */
  async advanceVisitor(em: EntityManager, visitor: CardVisitorEntity, at: Date): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(CardVisitorEntity)
      .set({ views: () => 'views + 1', lastViewAt: at })
      .where('card_id = :cardId AND person_id = :personId AND last_view_at = :previous', {
        cardId: visitor.cardId,
        personId: visitor.personId,
        previous: sqlTime(visitor.lastViewAt),
      })
      .execute();
    return result.affected === 1;
  }

  async insertView(em: EntityManager, view: CardViewEntity): Promise<void> {
    await em.insert(CardViewEntity, view);
  }

  async insertSignal(em: EntityManager, signal: CardSignalEntity): Promise<void> {
    await em.insert(CardSignalEntity, signal);
  }

  async markContactRequested(em: EntityManager, cardId: string, personId: string, at: Date): Promise<void> {
    const row = { card_id: cardId, person_id: personId, views: 0, first_view_at: at, last_view_at: at, contact_requested_at: at };
    await upsertAdd(em, 'card_visitors', ['card_id', 'person_id'], [], [row], ['contact_requested_at']);
  }

  /** One page of visitors, most recent view first, after the (lastViewAt, personId) of the previous page. */
  visitorsPage(cardId: string, after: { at: Date; personId: string } | null, limit: number): Promise<CardVisitorEntity[]> {
    const query = this.dataSource.manager.createQueryBuilder(CardVisitorEntity, 'v').where('v.card_id = :cardId', { cardId });
    if (after) {
      query.andWhere('(v.last_view_at < :at OR (v.last_view_at = :at AND v.person_id < :personId))', { at: sqlTime(after.at), personId: after.personId });
    }
    return query.orderBy('v.last_view_at', 'DESC').addOrderBy('v.person_id', 'DESC').limit(limit).getMany();
  }

  /** Every id gets a label (a person no longer found shows as 微信用户). */
  async labels(personIds: string[]): Promise<Map<string, VisitorLabel>> {
    if (personIds.length === 0) return new Map();
    const people = await this.dataSource.manager.find(PersonEntity, {
      select: { id: true, name: true, nickname: true, phoneMasked: true },
      where: { id: In([...new Set(personIds)]) },
    });
    const found = new Map(people.map((p) => [p.id, { displayName: p.name ?? p.nickname ?? ANONYMOUS, phoneMasked: p.phoneMasked }]));
    return new Map(personIds.map((id) => [id, found.get(id) ?? { displayName: ANONYMOUS, phoneMasked: null }]));
  }

  // --- contact requests

  /** Claims the request's idempotency key: a duplicate-key error means it was stored before. */
  async insertContactRequest(em: EntityManager, request: CardContactRequestEntity): Promise<void> {
    await em.insert(CardContactRequestEntity, request);
  }

  findContactRequest(cardId: string, personId: string, requestId: string): Promise<CardContactRequestEntity | null> {
    return this.dataSource.manager.findOneBy(CardContactRequestEntity, { cardId, personId, requestId });
  }

  // --- a person's own data (export, erasure)

  async dataOf(personId: string): Promise<{ visitors: CardVisitorEntity[]; requests: CardContactRequestEntity[] }> {
    const [visitors, requests] = await Promise.all([
      this.dataSource.manager.find(CardVisitorEntity, { where: { personId }, order: { firstViewAt: 'ASC' } }),
      this.dataSource.manager.find(CardContactRequestEntity, { where: { personId }, order: { createdAt: 'ASC' } }),
    ]);
    return { visitors, requests };
  }

  async eraseOf(em: EntityManager, personId: string): Promise<void> {
    for (const entity of [CardViewEntity, CardVisitorEntity, CardSignalEntity, CardContactRequestEntity]) await em.delete(entity, { personId });
  }
}
