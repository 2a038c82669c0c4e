import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonDataContributor } from '../privacy/person-data';
import { CardVisitsRepository } from './card-visits.repository';

/** A prospect's card visits and contact requests in their data export; erasure removes them (and the owner's signals about them). */
@Injectable()
export class CardPersonData implements PersonDataContributor {
  readonly section = 'cardVisits';

  constructor(private readonly visits: CardVisitsRepository) {}

  async export(personId: string): Promise<unknown> {
    const { visitors, requests } = await this.visits.dataOf(personId);
    return {
      cards: visitors.map((v) => ({ cardId: v.cardId, views: v.views, firstViewAt: v.firstViewAt.toISOString(), lastViewAt: v.lastViewAt.toISOString() })),
      contactRequests: requests.map((r) => ({ cardId: r.cardId, note: r.note, at: r.createdAt.toISOString() })),
    };
  }

  erase(em: EntityManager, personId: string): Promise<void> {
    return this.visits.eraseOf(em, personId);
  }
}
