import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentPurpose } from '@leadloop/shared';

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

/** One correction a person made to their own profile (更正权): in their export, erased with them. */
@Entity('profile_changes')
export class ProfileChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'varchar', length: 16 }) field!: 'name' | 'company' | 'title' | 'email';
  @Column({ name: 'old_value', type: 'varchar', length: 120, nullable: true }) oldValue!: string | null;
  @Column({ name: 'new_value', type: 'varchar', length: 120, nullable: true }) newValue!: string | null;
  @Column({ type: 'varchar', length: 32 }) source!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
