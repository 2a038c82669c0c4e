import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CardFeaturedView, CardImageKind, IntroStatus } from '@leadloop/shared';

const id = () => PrimaryColumn({ type: 'varchar', length: 26 });
const ref = (name: string, nullable = false) => Column({ name, type: 'varchar', length: 26, nullable });
const text = (name: string, length: number, nullable = false) => Column({ name, type: 'varchar', length, nullable });
const time = (name: string, nullable = false) => Column({ name, type: 'datetime', precision: 3, nullable });

@Entity('cards')
export class CardEntity {
  @id() id!: string;
  @ref('staff_id') staffId!: string;
  @text('name', 40) name!: string;
  @text('title', 40, true) title!: string | null;
  @text('company', 80, true) company!: string | null;
  @text('phone', 20, true) phone!: string | null;
  @text('email', 120, true) email!: string | null;
  @ref('avatar_image_id', true) avatarImageId!: string | null;
  @ref('contact_qr_image_id', true) contactQrImageId!: string | null;
  @text('intro_draft', 500, true) introDraft!: string | null;
  @text('intro_published', 500, true) introPublished!: string | null;
  @text('intro_status', 16) introStatus!: IntroStatus;
  @Column({ name: 'intro_version', type: 'int', default: 0 }) introVersion!: number;
  @Column({ name: 'intro_label', type: 'int', nullable: true }) introLabel!: number | null;
  @time('intro_check_after', true) introCheckAfter!: Date | null;
  @Column({ name: 'intro_attempts', type: 'int', default: 0 }) introAttempts!: number;
  /** JSON: CardFeaturedView[] (each with the owner's share token for it). */
  @Column({ type: 'text' }) featured!: string;
  @ref('signals_read_through', true) signalsReadThrough!: string | null;
  @time('created_at') createdAt!: Date;
  @time('updated_at') updatedAt!: Date;
}

export function featuredOf(card: CardEntity): CardFeaturedView[] {
  return JSON.parse(card.featured) as CardFeaturedView[];
}

@Entity('card_images')
export class CardImageEntity {
  @id() id!: string;
  @ref('staff_id') staffId!: string;
  @text('kind', 16) kind!: CardImageKind;
  @text('mime', 16) mime!: 'image/png' | 'image/jpeg';
  @Column({ type: 'int' }) size!: number;
  @time('created_at') createdAt!: Date;
}

@Entity('card_views')
export class CardViewEntity {
  @id() id!: string;
  @ref('card_id') cardId!: string;
  @ref('person_id') personId!: string;
  @text('share_token', 64, true) shareToken!: string | null;
  @text('channel_code', 64, true) channelCode!: string | null;
  @time('viewed_at') viewedAt!: Date;
}

@Entity('card_visitors')
export class CardVisitorEntity {
  @PrimaryColumn({ name: 'card_id', type: 'varchar', length: 26 }) cardId!: string;
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'int', default: 0 }) views!: number;
  @time('first_view_at') firstViewAt!: Date;
  @time('last_view_at') lastViewAt!: Date;
  @time('contact_requested_at', true) contactRequestedAt!: Date | null;
}

export type CardSignalKind = 'returning_visitor';

@Entity('card_signals')
export class CardSignalEntity {
  @id() id!: string;
  @ref('card_id') cardId!: string;
  @text('kind', 24) kind!: CardSignalKind;
  @ref('person_id') personId!: string;
  @Column({ type: 'int' }) visits!: number;
  @time('created_at') createdAt!: Date;
}

@Entity('card_contact_requests')
export class CardContactRequestEntity {
  @id() id!: string;
  @ref('card_id') cardId!: string;
  @ref('person_id') personId!: string;
  @text('request_id', 64) requestId!: string;
  @text('note', 200, true) note!: string | null;
  @ref('share_node_id', true) shareNodeId!: string | null;
  @time('created_at') createdAt!: Date;
}

export const cardEntities = [CardEntity, CardImageEntity, CardViewEntity, CardVisitorEntity, CardSignalEntity, CardContactRequestEntity];
