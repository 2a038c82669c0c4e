import { Injectable, Logger } from '@nestjs/common';
import { type CardFeaturedView, type CardImageKind, CardImageKinds, type CardView, type MyCard, type UpdateCardRequest } from '@leadloop/shared';
import { z } from 'zod';
import { Clock } from '../../core/clock';
import type { AuthContext, StaffIdentity, UploadedPart } from '../../core/route';
import { validate } from '../../core/validate';
import { ShareChainService } from '../share-chain/share-chain.service';
import type { ServedFile } from '../storage/served-file';
import { type CardEntity, featuredOf } from './card.entity';
import { blankCard } from './card.handover';
import { type CardChanges, CardRepository, type ShownCard } from './card.repository';
import { CardImages } from './card-images';
import { IntroModeration } from './intro-moderation';

/** The owner's side of a card: edit it, upload its images, see the moderation status. */
@Injectable()
export class CardService {
  private readonly logger = new Logger(CardService.name);

  constructor(
    private readonly cards: CardRepository,
    private readonly moderation: IntroModeration,
    private readonly shares: ShareChainService,
    private readonly images: CardImages,
    private readonly clock: Clock,
  ) {}

  async mine(auth: AuthContext): Promise<MyCard> {
    return this.ownerView(await this.ensure(auth.staff!));
  }

  async update(auth: AuthContext, input: UpdateCardRequest): Promise<MyCard> {
    const card = await this.ensure(auth.staff!);
    const featured = await this.withShareTokens(auth, input.featured);
    const introChanged = input.introduction !== card.introDraft;
    const changes: CardChanges = {
      name: input.name,
      title: input.title,
      company: input.company,
      phone: input.phone,
      email: input.email,
      featured: JSON.stringify(featured),
      updatedAt: this.clock.now(),
      ...(introChanged ? newDraft(input.introduction, card.introPublished, this.clock.now()) : {}),
    };
    await this.cards.update(card.id, changes, introChanged);
    // the first check runs now, so the owner usually sees the verdict in this response;
    // if WeChat cannot answer, the draft stays pending and IntroModerationJob retries it
    if (introChanged) await this.moderation.check(card.id).catch((error: unknown) => this.logger.warn(`Introduction check of card ${card.id} deferred: ${(error as Error).message}`));
    return this.ownerView((await this.cards.findById(card.id))!);
  }

  async uploadImage(auth: AuthContext, kindParam: string, part: UploadedPart | undefined): Promise<MyCard> {
    const kind = validate(z.enum(CardImageKinds), kindParam, 'Image kind');
    const card = await this.ensure(auth.staff!);
    const id = await this.images.store(card.staffId, kind, part?.buffer);
    const column = IMAGE_COLUMN[kind];
    await this.cards.update(card.id, { [column]: id, updatedAt: this.clock.now() }, false);
    const previous = card[column];
    if (previous) await this.images.remove(previous);
    return this.ownerView((await this.cards.findById(card.id))!);
  }

  image(id: string): Promise<ServedFile> {
    return this.images.open(id);
  }

  /** The staff member's card, created (from their staff name) on first use. */
  private async ensure(staff: StaffIdentity): Promise<CardEntity> {
    const existing = await this.cards.findByStaff(staff.id);
    if (existing) return existing;
    await this.cards.insertIfMissing(blankCard(staff.id, staff.name, this.clock.now()));
    return (await this.cards.findByStaff(staff.id))!;
  }

  /**
   * Featured content opens with the owner's own share token for it (minted once, returned again
   * after), so whoever opens it from the card arrives through the owner's chain, and what they
   * share from there grows it.
   */
  private async withShareTokens(auth: AuthContext, items: UpdateCardRequest['featured']): Promise<CardFeaturedView[]> {
    const featured: CardFeaturedView[] = [];
    for (const item of items) {
      const { token } = await this.shares.mint(auth, { contentType: item.contentType, contentId: item.contentId });
      featured.push({ ...item, shareToken: token });
    }
    return featured;
  }

  private ownerView(card: CardEntity): MyCard {
    return {
      ...cardFields(card),
      introduction: { draft: card.introDraft, status: card.introStatus, published: card.introPublished, note: introNote(card) },
      updatedAt: card.updatedAt.toISOString(),
    };
  }
}

const IMAGE_COLUMN = { avatar: 'avatarImageId', 'contact-qr': 'contactQrImageId' } as const satisfies Record<CardImageKind, keyof CardEntity>;

/**
 * A changed introduction waits for msg_sec_check, except when there is nothing to check (empty)
 * or it is what was approved before. Others keep seeing the last approved one meanwhile.
 */
function newDraft(draft: string | null, published: string | null, now: Date): CardChanges {
  const settled = draft === null || draft === published;
  return {
    introDraft: draft,
    introStatus: settled ? 'approved' : 'pending',
    ...(settled ? { introPublished: draft } : {}),
    introLabel: null,
    introCheckAfter: settled ? null : now,
    introAttempts: 0,
  };
}

function introNote(card: CardEntity): string | null {
  if (card.introStatus === 'pending') return '简介正在进行内容安全审核，通过后对外展示。';
  if (card.introStatus === 'rejected') {
    return card.introPublished
      ? '简介未通过微信内容安全审核，请修改后重新保存。访客目前看到的是上一版已通过的简介。'
      : '简介未通过微信内容安全审核，请修改后重新保存。通过前访客看不到简介。';
  }
  return null;
}

const imageUrl = (id: string | null) => (id ? `/api/cards/images/${id}` : null);

function cardFields(card: CardEntity) {
  return {
    id: card.id,
    name: card.name,
    title: card.title,
    company: card.company,
    phone: card.phone,
    email: card.email,
    avatarUrl: imageUrl(card.avatarImageId),
    contactQrUrl: imageUrl(card.contactQrImageId),
    featured: featuredOf(card),
  };
}

/** The one looking at the card is its owner: on their staff account, or signed in as the person it is bound to. */
export function viewedByOwner(auth: AuthContext, shown: ShownCard): boolean {
  return auth.staff?.id === shown.card.staffId || shown.ownerPersonId === auth.personId;
}

/** The card as prospects see it: the last approved introduction only, never the owner's ids. */
export function publicCardView(card: CardEntity, viewerIsOwner: boolean): CardView {
  return { ...cardFields(card), introduction: card.introPublished, viewerIsOwner };
}
