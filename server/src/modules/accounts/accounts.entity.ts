import type { AccountTier, CompanySizeBand } from '@leadloop/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A company: one per normalised name; a corporate email domain joins people to it. Target accounts carry an ABM tier. */
@Entity('accounts')
export class AccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'varchar', length: 80 }) name!: string;
  @Column({ name: 'normalized_name', type: 'varchar', length: 80 }) normalizedName!: string;
  @Column({ name: 'email_domain', type: 'varchar', length: 120, nullable: true }) emailDomain!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) industry!: string | null;
  @Column({ name: 'size_band', type: 'varchar', length: 16, nullable: true }) sizeBand!: CompanySizeBand | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) province!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) city!: string | null;
  @Column({ name: 'owner_staff_id', type: 'varchar', length: 26, nullable: true }) ownerStaffId!: string | null;
  @Column({ name: 'is_target', type: 'int', default: 0 }) isTarget!: number;
  @Column({ type: 'varchar', length: 1, nullable: true }) tier!: AccountTier | null;
  /** Set when this account was merged into another: its contacts moved there. */
  @Column({ name: 'merged_into', type: 'varchar', length: 26, nullable: true }) mergedInto!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/** One account merged into another: who did it, when, and how many contacts moved. */
@Entity('account_merges')
export class AccountMergeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'survivor_id', type: 'varchar', length: 26 }) survivorId!: string;
  @Column({ name: 'merged_id', type: 'varchar', length: 26 }) mergedId!: string;
  @Column({ name: 'by_staff_id', type: 'varchar', length: 26, nullable: true }) byStaffId!: string | null;
  @Column({ name: 'moved_contacts', type: 'int' }) movedContacts!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const accountEntities = [AccountEntity, AccountMergeEntity];
