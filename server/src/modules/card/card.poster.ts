import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PosterContent } from '../posters/poster-sources';
import type { CardEntity } from './card.entity';
import { CardRepository } from './card.repository';
import { CardImages } from './card-images';
import { CARD_PAGE } from './card.activities';

/** A card's poster (the owner's avatar, name, title and company), and the avatar on any poster its owner shares. */
@Injectable()
export class CardPoster {
  constructor(
    private readonly cards: CardRepository,
    private readonly images: CardImages,
  ) {}

  /** Cards others may see only: none for a disabled staff member. */
  async content(cardId: string): Promise<PosterContent | null> {
    const shown = await this.cards.findShown(cardId);
    if (!shown) return null;
    const { card } = shown;
    return {
      title: `${card.name}的名片`,
      subtitle: [card.title, card.company].filter(Boolean).join(' · ') || undefined,
      kindLabel: '名片',
      cover: () => this.avatar(card),
      version: drawnVersion(card),
      page: CARD_PAGE,
    };
  }

  /** The avatar on the card of the staff member signed in as this person; null draws their initial. */
  async avatarOf(personId: string): Promise<Buffer | null> {
    const card = await this.cards.findShownByOwnerPerson(personId);
    return card ? this.avatar(card) : null;
  }

  private avatar(card: CardEntity): Promise<Buffer | null> {
    return card.avatarImageId ? this.images.bytes(card.avatarImageId) : Promise.resolve(null);
  }
}

/**
 * Changes with what the poster draws of the card, and only then: saving the phone, e-mail or
 * introduction (which also move `updatedAt`) keeps the cached poster. A new avatar is a new image id.
 */
function drawnVersion(card: CardEntity): string {
  return createHash('sha256').update(JSON.stringify([card.name, card.title, card.company, card.avatarImageId])).digest('hex').slice(0, 16);
}
