import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentPurpose, ProfileChangeField } from '@leadloop/shared';

export type ConsentAction = 'granted' | 'withdrawn';

/** The consent ledger: append-only; the newest row per (person, purpose) is the current state. */
@Entity('consents')
export class ConsentEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'varchar', length: 32 }) purpose!: ConsentPurpose;
  @Column({ type: 'varchar', length: 16 }) action!: ConsentAction;
  @Column({ name: 'policy_version', type: 'varchar', length: 32 }) policyVersion!: string;
  @Column({ name: 'source_page', type: 'varchar', length: 128 }) sourcePage!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** One change to a person's profile: their own correction (更正权) or a staff edit (`byStaffId`); in their export, erased with them. */
@Entity('profile_changes')
export class ProfileChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'varchar', length: 16 }) field!: ProfileChangeField;
  @Column({ name: 'old_value', type: 'varchar', length: 120, nullable: true }) oldValue!: string | null;
  @Column({ name: 'new_value', type: 'varchar', length: 120, nullable: true }) newValue!: string | null;
  @Column({ type: 'varchar', length: 32 }) source!: string;
  /** The staff member who made the change; null when the person did. */
  @Column({ name: 'by_staff_id', type: 'varchar', length: 26, nullable: true }) byStaffId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
