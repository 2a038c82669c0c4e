import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What one step of a merge did, in order (`seq`), so unmerge can check and undo it exactly. */
export type JournalOp = 'reassign' | 'update' | 'delete' | 'guard' | 'kept';

/**
 * The merge journal: each row is one step a module took while folding one person record into
 * another — rows re-pointed (their keys), rows combined (their values before and after), rows
 * removed (their full values), rows left with the merged record because the survivor already
 * had one with the same unique key. Read back in reverse by unmerge.
 */
@Entity('person_merge_journal')
export class MergeJournalEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'merge_id', type: 'varchar', length: 26 }) mergeId!: string;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'varchar', length: 32 }) module!: string;
  @Column({ type: 'varchar', length: 16 }) op!: JournalOp;
  @Column({ name: 'table_name', type: 'varchar', length: 64 }) tableName!: string;
  /** JSON, by op (see merge-journal.ts). */
  @Column({ type: 'text' }) body!: string;
}
