import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChannelKind, ContentType } from '@leadloop/shared';

const id = () => PrimaryColumn({ type: 'varchar', length: 26 });
const ref = (name: string, nullable = false) => Column({ name, type: 'varchar', length: 26, nullable });
const time = (name: string, nullable = false) => Column({ name, type: 'datetime', precision: 3, nullable });
const int = (name: string) => Column({ name, type: 'int', default: 0 });

@Entity('channels')
export class ChannelEntity {
  @id() id!: string;
  @Column({ type: 'varchar', length: 16 }) code!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: ChannelKind;
  @ref('owner_staff_id', true) ownerStaffId!: string | null;
  @ref('created_by', true) createdBy!: string | null;
  @time('created_at') createdAt!: Date;
}

@Entity('share_nodes')
export class ShareNodeEntity {
  @id() id!: string;
  @Column({ type: 'varchar', length: 16 }) token!: string;
  @Column({ name: 'mint_key', type: 'varchar', length: 64 }) mintKey!: string;
  @ref('sharer_person_id') sharerPersonId!: string;
  @ref('sharer_staff_id', true) sharerStaffId!: string | null;
  @Column({ name: 'content_type', type: 'varchar', length: 16 }) contentType!: ContentType;
  @Column({ name: 'content_id', type: 'varchar', length: 64 }) contentId!: string;
  @ref('channel_id', true) channelId!: string | null;
  @ref('parent_id', true) parentId!: string | null;
  @ref('root_id') rootId!: string;
  @ref('root_staff_id', true) rootStaffId!: string | null;
  @Column({ type: 'int' }) depth!: number;
  @time('created_at') createdAt!: Date;
  @time('activated_at', true) activatedAt!: Date | null;
  @int('visitors') visitors!: number;
  @int('conversions') conversions!: number;
  @int('subtree_nodes') subtreeNodes!: number;
  @int('subtree_visitors') subtreeVisitors!: number;
  @int('subtree_conversions') subtreeConversions!: number;
}

@Entity('share_spreaders')
export class ShareSpreaderEntity {
  @PrimaryColumn({ name: 'content_type', type: 'varchar', length: 16 }) contentType!: ContentType;
  @PrimaryColumn({ name: 'content_id', type: 'varchar', length: 64 }) contentId!: string;
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @ref('staff_id', true) staffId!: string | null;
  @int('shares') shares!: number;
  @int('visitors') visitors!: number;
  @int('conversions') conversions!: number;
}

/** A content item that has been shared: its number of shares and the latest, kept as shares happen (the star map's picker). */
@Entity('shared_contents')
export class SharedContentEntity {
  @PrimaryColumn({ name: 'content_type', type: 'varchar', length: 16 }) contentType!: ContentType;
  @PrimaryColumn({ name: 'content_id', type: 'varchar', length: 64 }) contentId!: string;
  @int('shares') shares!: number;
  @time('last_shared_at') lastSharedAt!: Date;
}

@Entity('share_node_visits')
export class ShareNodeVisitEntity {
  @PrimaryColumn({ name: 'node_id', type: 'varchar', length: 26 }) nodeId!: string;
  @PrimaryColumn({ name: 'visitor_key', type: 'varchar', length: 80 }) visitorKey!: string;
  @time('first_at') firstAt!: Date;
}

@Entity('person_attribution')
export class PersonAttributionEntity {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @ref('first_event_id', true) firstEventId!: string | null;
  @ref('first_node_id', true) firstNodeId!: string | null;
  @ref('first_channel_id', true) firstChannelId!: string | null;
  @time('first_at', true) firstAt!: Date | null;
  @ref('owner_staff_id', true) ownerStaffId!: string | null;
  @ref('owner_node_id', true) ownerNodeId!: string | null;
  @time('owned_at', true) ownedAt!: Date | null;
  @time('updated_at') updatedAt!: Date;
}

/** `routed`: sales routing (or a manager by hand) gave the person to a salesperson, whatever the window. */
export type OwnershipDecision = 'assigned' | 'kept' | 'moved' | 'routed';

@Entity('ownership_decisions')
export class OwnershipDecisionEntity {
  @id() id!: string;
  @ref('person_id') personId!: string;
  @ref('candidate_staff_id', true) candidateStaffId!: string | null;
  @ref('previous_owner_staff_id', true) previousOwnerStaffId!: string | null;
  @Column({ type: 'varchar', length: 16 }) decision!: OwnershipDecision;
  @Column({ type: 'varchar', length: 64 }) reason!: string;
  @ref('evidence_node_id', true) evidenceNodeId!: string | null;
  @ref('evidence_event_id', true) evidenceEventId!: string | null;
  @time('created_at') createdAt!: Date;
}

@Entity('conversions')
export class ConversionEntity {
  @id() id!: string;
  @ref('person_id') personId!: string;
  @Column({ type: 'varchar', length: 24 }) kind!: string;
  @Column({ name: 'ref_id', type: 'varchar', length: 64 }) refId!: string;
  @Column({ name: 'content_type', type: 'varchar', length: 16, nullable: true }) contentType!: string | null;
  @Column({ name: 'content_id', type: 'varchar', length: 64, nullable: true }) contentId!: string | null;
  @ref('last_touch_event_id', true) lastTouchEventId!: string | null;
  @ref('last_touch_node_id', true) lastTouchNodeId!: string | null;
  @time('occurred_at') occurredAt!: Date;
}

@Entity('conversion_credits')
export class ConversionCreditEntity {
  @PrimaryColumn({ name: 'conversion_id', type: 'varchar', length: 26 }) conversionId!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) model!: string;
  @PrimaryColumn({ type: 'int' }) position!: number;
  @ref('node_id') nodeId!: string;
  @ref('person_id') personId!: string;
  @ref('staff_id', true) staffId!: string | null;
  @Column({ name: 'weight_bp', type: 'int' }) weightBp!: number;
}

export const shareChainEntities = [
  ChannelEntity,
  ShareNodeEntity,
  ShareSpreaderEntity,
  SharedContentEntity,
  ShareNodeVisitEntity,
  PersonAttributionEntity,
  OwnershipDecisionEntity,
  ConversionEntity,
  ConversionCreditEntity,
];
