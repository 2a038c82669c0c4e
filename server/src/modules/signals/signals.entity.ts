import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SignalKind } from '@leadloop/shared';

const id = () => PrimaryColumn({ type: 'varchar', length: 26 });
const ref = (name: string, nullable = false) => Column({ name, type: 'varchar', length: 26, nullable });
const text = (name: string, length: number, nullable = false) => Column({ name, type: 'varchar', length, nullable });
const time = (name: string, nullable = false) => Column({ name, type: 'datetime', precision: 3, nullable });

/**
 * `waiting`: the next push of this staff member's messages takes it; `messaged`: it went out in a
 * subscribe message; `inbox`: it stays in the inbox only (no grant, or its lead was messaged
 * about within the lead window).
 */
export type SignalPushState = 'waiting' | 'messaged' | 'inbox';

/** One signal in a staff member's inbox. */
@Entity('sales_signals')
export class SalesSignalEntity {
  @id() id!: string;
  @ref('staff_id') staffId!: string;
  @text('kind', 24) kind!: SignalKind;
  @ref('person_id', true) personId!: string | null;
  @text('detail', 60, true) detail!: string | null;
  /** What the signal is about (an event id, a rule's key): the same key for the same staff member is one signal. */
  @text('dedupe_key', 80) dedupeKey!: string;
  @text('push_state', 12) pushState!: SignalPushState;
  @ref('message_id', true) messageId!: string | null;
  @time('created_at') createdAt!: Date;
  @time('read_at', true) readAt!: Date | null;
}

/** `available` until spent on one message: `sending`, then `used` or `refused` (43101). */
export type SignalGrantStatus = 'available' | 'declined' | 'sending' | 'used' | 'refused';

/** One tap of "allow" on the signal template: one subscribe message. */
@Entity('signal_grants')
export class SignalGrantEntity {
  @id() id!: string;
  @ref('staff_id') staffId!: string;
  @text('template_id', 64) templateId!: string;
  @text('status', 12) status!: SignalGrantStatus;
  @time('created_at') createdAt!: Date;
  @time('spent_at', true) spentAt!: Date | null;
}

export type SignalMessageState = 'sending' | 'pending' | 'sent' | 'refused' | 'failed';

/** A subscribe message carrying one or more signals ("王总 及 另外 3 位客户有新动态"). */
@Entity('signal_messages')
export class SignalMessageEntity {
  @id() id!: string;
  @ref('staff_id') staffId!: string;
  @ref('grant_id') grantId!: string;
  @text('state', 12) state!: SignalMessageState;
  @Column({ type: 'int' }) leads!: number;
  @Column({ type: 'int' }) signals!: number;
  @text('summary', 20) summary!: string;
  @text('detail', 20) detail!: string;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @text('error', 128, true) error!: string | null;
  @time('created_at') createdAt!: Date;
  @time('sent_at', true) sentAt!: Date | null;
}

/** Per staff member: when their next message is due (a push timer waits for it) and when the last one went. */
@Entity('signal_push')
export class SignalPushEntity {
  @PrimaryColumn({ name: 'staff_id', type: 'varchar', length: 26 }) staffId!: string;
  @time('push_at', true) pushAt!: Date | null;
  @time('last_message_at', true) lastMessageAt!: Date | null;
}

export const signalEntities = [SalesSignalEntity, SignalGrantEntity, SignalMessageEntity, SignalPushEntity];
