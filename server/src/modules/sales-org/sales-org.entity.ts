import type { AccountTier, Industry, PartnerLeadMode, Province } from '@leadloop/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonValue } from '../../database/columns';

const ref = (name: string, nullable = false) => Column({ name, type: 'varchar', length: 26, nullable });
const time = (name: string) => Column({ name, type: 'datetime', precision: 3 });

/** A sales team: its manager, where partners' leads go, and its round-robin position (durable, taken under the row's lock). */
@Entity('sales_groups')
export class SalesGroupEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @ref('manager_staff_id', true) managerStaffId!: string | null;
  @Column({ name: 'partner_leads', type: 'varchar', length: 16 }) partnerLeads!: PartnerLeadMode;
  /** The seat of the member who received the group's last lead: the rotation continues after it. */
  @ref('last_seat', true) lastSeat!: string | null;
  @Column({ type: 'int', default: 0 }) assigned!: number;
  @time('created_at') createdAt!: Date;
  @time('updated_at') updatedAt!: Date;
}

/** A member of one group: territory (empty lists take everything), capacity, availability, and their seat in the rotation. */
@Entity('sales_members')
export class SalesMemberEntity {
  @PrimaryColumn({ name: 'staff_id', type: 'varchar', length: 26 }) staffId!: string;
  @ref('group_id') groupId!: string;
  @ref('seat') seat!: string;
  @Column({ type: 'varchar', length: 400, transformer: jsonValue }) regions!: Province[];
  @Column({ type: 'varchar', length: 600, transformer: jsonValue }) industries!: Industry[];
  @Column({ type: 'varchar', length: 16, transformer: jsonValue }) tiers!: AccountTier[];
  @Column({ type: 'int', nullable: true }) capacity!: number | null;
  @Column({ type: 'int', default: 0 }) paused!: number;
  /** The last day (China time, YYYY-MM-DD) of their leave. */
  @Column({ name: 'away_until', type: 'varchar', length: 10, nullable: true }) awayUntil!: string | null;
  @ref('updated_by', true) updatedBy!: string | null;
  @time('updated_at') updatedAt!: Date;
}

export const salesOrgEntities = [SalesGroupEntity, SalesMemberEntity];
