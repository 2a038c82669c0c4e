import type { BuyingRole, CompanySizeBand, MergeMatchedKind, Seniority } from '@leadloop/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('persons')
export class PersonEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) nickname!: string | null;
  @Column({ name: 'phone_enc', type: 'varchar', length: 255, nullable: true }) phoneEnc!: string | null;
  @Column({ name: 'phone_masked', type: 'varchar', length: 20, nullable: true }) phoneMasked!: string | null;
  @Column({ name: 'real_name', type: 'varchar', length: 40, nullable: true }) name!: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true }) company!: string | null;
  @Column({ name: 'job_title', type: 'varchar', length: 40, nullable: true }) title!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) email!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) industry!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) province!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) city!: string | null;
  @Column({ name: 'size_band', type: 'varchar', length: 16, nullable: true }) sizeBand!: CompanySizeBand | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) department!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) seniority!: Seniority | null;
  /** Staff set the seniority by hand; otherwise it follows the job title. */
  @Column({ name: 'seniority_edited', type: 'int', default: 0 }) seniorityEdited!: number;
  @Column({ name: 'account_id', type: 'varchar', length: 26, nullable: true }) accountId!: string | null;
  @Column({ name: 'buying_role', type: 'varchar', length: 16, nullable: true }) buyingRole!: BuyingRole | null;
  @Column({ name: 'merged_into', type: 'varchar', length: 26, nullable: true }) mergedInto!: string | null;
  /** Set when the person erased their data (我的 → delete): the row stays, empty, and no session works for it. */
  @Column({ name: 'erased_at', type: 'datetime', precision: 3, nullable: true }) erasedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/**
 * openid (per app) and unionid as WeChat gives them; phone and email as keyed hashes (pii-vault),
 * never in clear; crm: a CRM's external id, the CRM system's name in `app_id`.
 */
export type IdentifierKind = 'openid' | 'unionid' | 'phone' | 'email' | 'crm';

@Entity('person_identifiers')
export class PersonIdentifierEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: IdentifierKind;
  @Column({ name: 'app_id', type: 'varchar', length: 32 }) appId!: string;
  @Column({ type: 'varchar', length: 128 }) value!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('person_merges')
export class PersonMergeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'survivor_id', type: 'varchar', length: 26 }) survivorId!: string;
  @Column({ name: 'merged_id', type: 'varchar', length: 26 }) mergedId!: string;
  @Column({ name: 'matched_kind', type: 'varchar', length: 16 }) matchedKind!: MergeMatchedKind;
  /** JSON list of the identifier rows that moved (the full record of every step is the merge journal). */
  @Column({ name: 'moved_identifiers', type: 'text' }) movedIdentifiers!: string;
  /** JSON: rows moved per kind (MergeMovedKind), what admins see. */
  @Column({ name: 'moved_counts', type: 'text', nullable: true }) movedCounts!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'reverted_at', type: 'datetime', precision: 3, nullable: true }) revertedAt!: Date | null;
  @Column({ name: 'reverted_by', type: 'varchar', length: 26, nullable: true }) revertedBy!: string | null;
}

/** An identifier refused because binding it would have merged a staff member's person with another (for an admin to resolve). */
@Entity('identifier_conflicts')
export class IdentifierConflictEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: MergeMatchedKind;
  @Column({ name: 'staff_person_id', type: 'varchar', length: 26 }) staffPersonId!: string;
  @Column({ name: 'other_person_id', type: 'varchar', length: 26 }) otherPersonId!: string;
  @Column({ name: 'bound_by', type: 'varchar', length: 8 }) boundBy!: 'staff' | 'other';
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'resolved_by', type: 'varchar', length: 26, nullable: true }) resolvedBy!: string | null;
}
