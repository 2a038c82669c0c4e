import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person erased their data: the record a CRM webhook propagates the deletion from. */
@Entity('person_erasures')
export class PersonErasureEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ name: 'erased_at', type: 'datetime', precision: 3 }) erasedAt!: Date;
  @Column({ name: 'propagated_at', type: 'datetime', precision: 3, nullable: true }) propagatedAt!: Date | null;
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
