import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, LessThan, MoreThan } from 'typeorm';
import { ConsoleLoginTicketEntity, type ConsoleTicketState, StaffEntity, StaffInviteEntity } from './staff.entity';

@Injectable()
export class StaffRepository {
  constructor(private readonly dataSource: DataSource) {}

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
  listPage(limit: number, after?: string): Promise<StaffEntity[]> {
    return this.dataSource.manager.find(StaffEntity, { where: after ? { id: MoreThan(after) } : {}, order: { id: 'ASC' }, take: limit });
  }

  async insertStaff(em: EntityManager, staff: StaffEntity): Promise<void> {
    await em.insert(StaffEntity, staff);
  }

  async updateStaff(id: string, changes: Partial<Pick<StaffEntity, 'role' | 'status' | 'personId'>>, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.update(StaffEntity, { id }, { ...changes, updatedAt: new Date() });
  }

  countActiveAdmins(em: EntityManager = this.dataSource.manager): Promise<number> {
    return em.countBy(StaffEntity, { role: 'admin', status: 'active' });
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
