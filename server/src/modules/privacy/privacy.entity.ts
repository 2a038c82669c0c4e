import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person erased their data: the record a CRM webhook propagates the deletion from. */
@Entity('person_erasures')
export class PersonErasureEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ name: 'erased_at', type: 'datetime', precision: 3 }) erasedAt!: Date;
  @Column({ name: 'propagated_at', type: 'datetime', precision: 3, nullable: true }) propagatedAt!: Date | null;
}

