import type { FeedbackKind } from '@leadloop/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Bigint amounts come back from MySQL as strings: fen fit a JS number exactly (≤ 10¹²). */
const fen = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/** One piece of feedback from sales on a lead: what, why, the figures, who gave it. */
@Entity('lead_feedback')
export class LeadFeedbackEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'varchar', length: 12 }) kind!: FeedbackKind;
  /** A reject or lost reason code. */
  @Column({ type: 'varchar', length: 16, nullable: true }) reason!: string | null;
  @Column({ type: 'varchar', length: 8, nullable: true }) channel!: string | null;
  @Column({ type: 'varchar', length: 12, nullable: true }) outcome!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  @Column({ name: 'amount_fen', type: 'bigint', nullable: true, transformer: fen }) amountFen!: number | null;
  @Column({ name: 'close_on', type: 'varchar', length: 10, nullable: true }) closeOn!: string | null;
  @Column({ name: 'follow_up_on', type: 'varchar', length: 10, nullable: true }) followUpOn!: string | null;
  @Column({ name: 'by_staff_id', type: 'varchar', length: 26 }) byStaffId!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
