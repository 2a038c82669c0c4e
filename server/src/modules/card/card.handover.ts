import { Injectable } from '@nestjs/common';
import type { HandoverCounts } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { newId } from '../../database/ids';
import type { HandoverContributor } from '../staff/handover';
import { StaffEntity } from '../staff/staff.entity';
import { CardContactRequestEntity, CardEntity, CardSignalEntity, CardViewEntity, CardVisitorEntity } from './card.entity';
import { CardRepository } from './card.repository';

/**
 * A leaver's card visitors, views, signals and 请联系我 requests move to the receiver's card
 * (created if they have none), so the receiver sees who was interested and can follow up. A
 * person who visited both cards keeps one visitor row: visits added, first and last kept.
 */
@Injectable()
export class CardHandover implements HandoverContributor {
  readonly name = 'card';

  constructor(private readonly cards: CardRepository) {}

  async handOver(em: EntityManager, fromStaffId: string, toStaffId: string, at: Date): Promise<Partial<HandoverCounts>> {
    const from = await em.findOneBy(CardEntity, { staffId: fromStaffId });
    if (!from) return {};
    const to = await this.receiverCard(em, toStaffId, at);
    const visitors = await em.findBy(CardVisitorEntity, { cardId: from.id });
    const theirs = new Map(
      (await em.createQueryBuilder(CardVisitorEntity, 'v').where('v.card_id = :to', { to: to.id }).andWhere('v.person_id IN (SELECT person_id FROM card_visitors WHERE card_id = :from)', { from: from.id }).getMany()).map((v) => [v.personId, v]),
    );
    for (const mine of visitors) {
      const existing = theirs.get(mine.personId);
      if (!existing) continue;
      await em.update(CardVisitorEntity, { cardId: to.id, personId: mine.personId }, {
        views: existing.views + mine.views,
        firstViewAt: earliest(existing.firstViewAt, mine.firstViewAt),
        lastViewAt: latest(existing.lastViewAt, mine.lastViewAt),
        contactRequestedAt: existing.contactRequestedAt && mine.contactRequestedAt ? latest(existing.contactRequestedAt, mine.contactRequestedAt) : (existing.contactRequestedAt ?? mine.contactRequestedAt),
      });
      await em.delete(CardVisitorEntity, { cardId: from.id, personId: mine.personId });
    }
    await em.update(CardVisitorEntity, { cardId: from.id }, { cardId: to.id });
    await em.update(CardViewEntity, { cardId: from.id }, { cardId: to.id });
    await em.update(CardSignalEntity, { cardId: from.id }, { cardId: to.id });
    const requests = await em.update(CardContactRequestEntity, { cardId: from.id }, { cardId: to.id });
    return { cardVisitors: visitors.length, contactRequests: requests.affected ?? 0 };
  }

  private async receiverCard(em: EntityManager, staffId: string, at: Date): Promise<CardEntity> {
    const existing = await em.findOneBy(CardEntity, { staffId });
    if (existing) return existing;
    const staff = await em.findOneByOrFail(StaffEntity, { id: staffId });
    await this.cards.insertIfMissing(blankCard(staffId, staff.name, at), em);
    return em.findOneByOrFail(CardEntity, { staffId });
  }
}

/** A staff member's card before they edit it: their staff name, nothing else. */
export function blankCard(staffId: string, name: string, at: Date): CardEntity {
  return {
    id: newId(at.getTime()),
    staffId,
    name,
    title: null,
    company: null,
    phone: null,
    email: null,
    avatarImageId: null,
    contactQrImageId: null,
    introDraft: null,
    introPublished: null,
    introStatus: 'approved',
    introVersion: 0,
    introLabel: null,
    introCheckAfter: null,
    introAttempts: 0,
    featured: '[]',
    signalsReadThrough: null,
    createdAt: at,
    updatedAt: at,
  };
}

const earliest = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
const latest = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
