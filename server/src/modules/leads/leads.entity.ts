import { Column, Entity, PrimaryColumn } from 'typeorm';

export type LeadStatus = 'new' | 'contact_requested';

/** One lead per person: what first and last brought them forward. The owner is the person's owner (person_attribution). */
@Entity('leads')
export class LeadEntity {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'varchar', length: 24 }) status!: LeadStatus;
  @Column({ name: 'first_kind', type: 'varchar', length: 24 }) firstKind!: string;
  @Column({ name: 'first_ref', type: 'varchar', length: 64 }) firstRef!: string;
  @Column({ name: 'last_kind', type: 'varchar', length: 24 }) lastKind!: string;
  @Column({ name: 'last_ref', type: 'varchar', length: 64 }) lastRef!: string;
  @Column({ name: 'activity_count', type: 'int' }) activityCount!: number;
  @Column({ name: 'contact_requested_at', type: 'datetime', precision: 3, nullable: true }) contactRequestedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'last_activity_at', type: 'datetime', precision: 3 }) lastActivityAt!: Date;
}
