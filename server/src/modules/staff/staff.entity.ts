import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StaffRole } from '@leadloop/shared';

@Entity('staff')
export class StaffEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) role!: StaffRole;
  @Column({ type: 'varchar', length: 16 }) status!: 'active' | 'disabled';
  @Column({ name: 'person_id', type: 'varchar', length: 26, nullable: true }) personId!: string | null;
  @Column({ name: 'invited_by', type: 'varchar', length: 26, nullable: true }) invitedBy!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('staff_invites')
export class StaffInviteEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) role!: StaffRole;
  @Column({ name: 'created_by', type: 'varchar', length: 26, nullable: true }) createdBy!: string | null;
  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: true }) staffId!: string | null;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true }) usedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export type ConsoleTicketState = 'pending' | 'scanned' | 'confirmed' | 'consumed';

@Entity('console_login_tickets')
export class ConsoleLoginTicketEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'ticket_hash', type: 'varchar', length: 64 }) ticketHash!: string;
  @Column({ name: 'poll_secret_hash', type: 'varchar', length: 64 }) pollSecretHash!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ConsoleTicketState;
  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: true }) staffId!: string | null;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'scanned_at', type: 'datetime', precision: 3, nullable: true }) scannedAt!: Date | null;
  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true }) confirmedAt!: Date | null;
  @Column({ name: 'consumed_at', type: 'datetime', precision: 3, nullable: true }) consumedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** The hand-over log: who moved whose prospects, card visitors and contact requests to whom. */
@Entity('staff_handovers')
export class StaffHandoverEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'from_staff_id', type: 'varchar', length: 26 }) fromStaffId!: string;
  @Column({ name: 'to_staff_id', type: 'varchar', length: 26 }) toStaffId!: string;
  @Column({ name: 'by_staff_id', type: 'varchar', length: 26, nullable: true }) byStaffId!: string | null;
  @Column({ type: 'int' }) disabled!: number;
  @Column({ type: 'int' }) prospects!: number;
  @Column({ name: 'card_visitors', type: 'int' }) cardVisitors!: number;
  @Column({ name: 'contact_requests', type: 'int' }) contactRequests!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
