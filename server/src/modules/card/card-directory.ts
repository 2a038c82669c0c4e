import { Injectable } from '@nestjs/common';
import type { HomeCardItem, Page, PageQuery } from '@leadloop/shared';
import { z } from 'zod';
import { IdKey, KeysetCursor } from '../../core/pagination';
import type { CardEntity } from './card.entity';
import { CardRepository } from './card.repository';

/** Shown cards are listed by name, then id (the cursor carries both). */
const ShownCardCursor = new KeysetCursor('cards.shown', z.tuple([z.string().max(40), IdKey]));

/** Cards as other features list them (the home page's 推荐顾问): shown cards only, public fields only. */
@Injectable()
export class CardDirectory {
  constructor(private readonly cards: CardRepository) {}

  /** These cards, those still shown. */
  async summaries(ids: readonly string[]): Promise<HomeCardItem[]> {
    return (await this.cards.listShown(ids)).map(summaryOf);
  }

  /** Every shown card, a page at a time (the home editor's picker). */
  async page(query: PageQuery): Promise<Page<HomeCardItem>> {
    const rows = await this.cards.pageShown(query.limit + 1, ShownCardCursor.decode(query.cursor));
    const page = ShownCardCursor.page(rows, query.limit, (c) => [c.name, c.id]);
    return { items: page.items.map(summaryOf), nextCursor: page.nextCursor };
  }
}

function summaryOf(c: CardEntity): HomeCardItem {
  return { id: c.id, name: c.name, title: c.title, avatarUrl: c.avatarImageId ? `/api/cards/images/${c.avatarImageId}` : null };
}
