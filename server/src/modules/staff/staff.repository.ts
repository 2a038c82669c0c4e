import type { StaffStatus } from '@leadloop/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, LessThan, MoreThan } from 'typeorm';
import { Clock } from '../../core/clock';
import { forUpdateSql } from '../../database/locks';
import { ConsoleLoginTicketEntity, type ConsoleTicketState, StaffEntity, StaffHandoverEntity, StaffInviteEntity } from './staff.entity';

@Injectable()
export class StaffRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<StaffEntity | null> {
    return em.findOneBy(StaffEntity, { id });
  }

  findActiveByPerson(personId: string, em: EntityManager = this.dataSource.manager): Promise<StaffEntity | null> {
    return em.findOneBy(StaffEntity, { personId, status: 'active' });
  }

  /** Which of these persons are active staff (their visits are not prospects' visits). */
  async activeStaffByPerson(personIds: string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const rows = await em.find(StaffEntity, { select: { id: true, personId: true }, where: { personId: In(personIds), status: 'active' } });
    return new Map(rows.map((r) => [r.personId as string, r.id]));
  }

  findByPerson(personId: string, em: EntityManager): Promise<StaffEntity | null> {
    return em.findOneBy(StaffEntity, { personId });
  }

  /** Oldest first (ids sort by creation), after the id `after`. */
  /** Oldest first (ids sort by creation), after the id `after`; only members in `status` when given. */
  listPage(limit: number, after?: string, status?: StaffStatus): Promise<StaffEntity[]> {
    return this.dataSource.manager.find(StaffEntity, { where: { ...(after ? { id: MoreThan(after) } : {}), ...(status ? { status } : {}) }, order: { id: 'ASC' }, take: limit });
  }

  async insertStaff(em: EntityManager, staff: StaffEntity): Promise<void> {
    await em.insert(StaffEntity, staff);
  }

  findByIds(ids: string[]): Promise<StaffEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.dataSource.manager.findBy(StaffEntity, { id: In(ids) });
  }

  async updateStaff(id: string, changes: Partial<Pick<StaffEntity, 'role' | 'status' | 'personId'>>, em: EntityManager = this.dataSource.manager, at = this.clock.now()): Promise<void> {
    await em.update(StaffEntity, { id }, { ...changes, updatedAt: at });
  }

  countStaff(): Promise<number> {
    return this.dataSource.manager.count(StaffEntity);
  }

  countActiveAdmins(em: EntityManager = this.dataSource.manager): Promise<number> {
    return em.countBy(StaffEntity, { role: 'admin', status: 'active' });
  }

  /**
   * The active admins, their rows locked until the transaction ends (MySQL; SQLite runs one
   * writing transaction at a time), so concurrent demotions see each other; answers how many.
   */
  async lockActiveAdmins(em: EntityManager): Promise<number> {
    const rows: unknown[] = await em.query(`SELECT id FROM staff WHERE role = 'admin' AND status = 'active'${forUpdateSql(em)}`);
    return rows.length;
  }

  // --- hand-overs

  async insertHandover(em: EntityManager, entry: StaffHandoverEntity): Promise<void> {
    await em.insert(StaffHandoverEntity, entry);
  }

  /** Newest first (ids sort by creation), before the id `before`. */
  listHandovers(limit: number, before?: string): Promise<StaffHandoverEntity[]> {
    return this.dataSource.manager.find(StaffHandoverEntity, { where: before ? { id: LessThan(before) } : {}, order: { id: 'DESC' }, take: limit });
  }

  // --- invites

  async insertInvite(invite: StaffInviteEntity): Promise<void> {
    await this.dataSource.manager.insert(StaffInviteEntity, invite);
  }

  /** Newest first (ids sort by creation), before the id `before`. */
  listPendingInvites(now: Date, limit: number, before?: string): Promise<StaffInviteEntity[]> {
    return this.dataSource.manager.find(StaffInviteEntity, {
      where: { usedAt: IsNull(), expiresAt: MoreThan(now), ...(before ? { id: LessThan(before) } : {}) },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /** Ends an unused invite now; false when it was already used, expired or unknown. */
  async expireInvite(id: string, now: Date): Promise<boolean> {
    const result = await this.dataSource.manager.update(StaffInviteEntity, { id, usedAt: IsNull(), expiresAt: MoreThan(now) }, { expiresAt: now });
    return (result.affected ?? 0) === 1;
  }

  findInviteByHash(tokenHash: string, em: EntityManager = this.dataSource.manager): Promise<StaffInviteEntity | null> {
    return em.findOneBy(StaffInviteEntity, { tokenHash });
  }

  /** Claims the invite for one caller only: true when this call flipped it from unused to used. */
  async claimInvite(em: EntityManager, id: string, staffId: string, now: Date): Promise<boolean> {
    const result = await em.update(StaffInviteEntity, { id, usedAt: IsNull() }, { usedAt: now, staffId });
    return (result.affected ?? 0) === 1;
  }

  // --- console login tickets

  async insertTicket(ticket: ConsoleLoginTicketEntity): Promise<void> {
    await this.dataSource.manager.insert(ConsoleLoginTicketEntity, ticket);
  }

  findTicketByHash(ticketHash: string): Promise<ConsoleLoginTicketEntity | null> {
    return this.dataSource.manager.findOneBy(ConsoleLoginTicketEntity, { ticketHash });
  }

  /** Moves a ticket from one state to the next; false when someone else moved it first. */
  async transitionTicket(
    id: string,
    from: ConsoleTicketState[],
    to: ConsoleTicketState,
    changes: Partial<Pick<ConsoleLoginTicketEntity, 'staffId' | 'scannedAt' | 'confirmedAt' | 'consumedAt'>>,
  ): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ConsoleLoginTicketEntity)
      .set({ status: to, ...changes })
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
