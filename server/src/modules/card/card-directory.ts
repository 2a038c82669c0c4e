import { Injectable } from '@nestjs/common';
import type { HomeCardItem } from '@leadloop/shared';
import { CardRepository } from './card.repository';

/** Cards as other features list them (the home page's 推荐顾问): shown cards only, public fields only. */
@Injectable()
export class CardDirectory {
  constructor(private readonly cards: CardRepository) {}

  /** These cards (those still shown), or every shown card. */
  async summaries(ids?: readonly string[]): Promise<HomeCardItem[]> {
    const rows = await this.cards.listShown(ids);
    return rows.map((c) => ({ id: c.id, name: c.name, title: c.title, avatarUrl: c.avatarImageId ? `/api/cards/images/${c.avatarImageId}` : null }));
  }
}
