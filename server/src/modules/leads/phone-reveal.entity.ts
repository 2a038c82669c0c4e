import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every time a staff member was shown a person's full phone number: who, whose, when. */
@Entity('phone_reveals')
export class PhoneRevealEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ name: 'staff_id', type: 'varchar', length: 26 }) staffId!: string;
  /** The staff member's name then: the person's export says who saw their number, in words. */
  @Column({ name: 'staff_name', type: 'varchar', length: 40 }) staffName!: string;
  @Column({ name: 'revealed_at', type: 'datetime', precision: 3 }) revealedAt!: Date;
}
