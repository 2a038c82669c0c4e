import { Injectable } from '@nestjs/common';
import {
  type MemberAvailability,
  MemberRoles,
  type PageQuery,
  type SalesGroupInput,
  type SalesGroupList,
  type SalesGroupView,
  type SalesMemberInput,
  type UpdateSalesGroup,
} from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { Clock } from '../../core/clock';
import { IdKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { newId } from '../../database/ids';
import type { StaffEntity } from '../staff/staff.entity';
import { unavailableBecause } from './availability';
import { SalesGroupEntity, SalesMemberEntity } from './sales-org.entity';
import { managerInvalid, memberInvalid, memberNotFound } from './sales-org.errors';
import { SalesOrgRepository } from './sales-org.repository';
import { staffOf, TeamAccess } from './team-access';

/** Groups in name order (then id), a page at a time. */
const GroupsCursor = new KeysetCursor('sales-groups', z.tuple([z.string().max(40), IdKey]));

/** Sales groups and their members as admins manage them and managers read and pause them. */
@Injectable()
export class SalesOrgService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: TeamAccess,
    private readonly repo: SalesOrgRepository,
  ) {}

  /** Every group for admins and marketers; the groups a manager manages for anyone else (possibly none). */
  async list(auth: AuthContext, query: PageQuery): Promise<SalesGroupList> {
    const em = this.dataSource.manager;
    const qb = em.createQueryBuilder(SalesGroupEntity, 'g').orderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC').limit(query.limit + 1);
    if (!this.access.readsAll(auth)) qb.where('g.manager_staff_id = :manager', { manager: staffOf(auth).id });
    const after = GroupsCursor.decode(query.cursor);
    if (after) qb.andWhere('(g.name > :name OR (g.name = :name AND g.id > :id))', { name: after[0], id: after[1] });
    const page = GroupsCursor.page(await qb.getMany(), query.limit, (g) => [g.name, g.id]);
    return { items: await this.views(em, auth, page.items), nextCursor: page.nextCursor };
  }

  create(auth: AuthContext, input: SalesGroupInput): Promise<SalesGroupView> {
    return this.dataSource.transaction(async (em) => {
      if (input.managerStaffId) await this.activeStaff(em, input.managerStaffId, managerInvalid);
      const now = this.clock.now();
      const group: SalesGroupEntity = { id: newId(now.getTime()), name: input.name, managerStaffId: input.managerStaffId, partnerLeads: input.partnerLeads, lastSeat: null, assigned: 0, createdAt: now, updatedAt: now };
      await em.insert(SalesGroupEntity, group);
      return this.view(em, auth, group);
    });
  }

  update(auth: AuthContext, groupId: string, patch: UpdateSalesGroup): Promise<SalesGroupView> {
    return this.dataSource.transaction(async (em) => {
      const group = await this.access.managed(em, auth, groupId);
      if (patch.managerStaffId) await this.activeStaff(em, patch.managerStaffId, managerInvalid);
      const changed = { ...patch, updatedAt: this.clock.now() };
      await em.update(SalesGroupEntity, { id: group.id }, changed);
      return this.view(em, auth, { ...group, ...changed });
    });
  }

  /** Adds the member (a member of another group moves here and takes the last seat), or updates them in place. */
  putMember(auth: AuthContext, groupId: string, staffId: string, input: SalesMemberInput): Promise<SalesGroupView> {
    return this.dataSource.transaction(async (em) => {
      const group = await this.access.managed(em, auth, groupId);
      const staff = await this.activeStaff(em, staffId, memberInvalid);
      if (!(MemberRoles as readonly string[]).includes(staff.role)) throw memberInvalid('role_cannot_receive_leads');
      const now = this.clock.now();
      const existing = await this.repo.memberOf(em, staffId);
      const member: SalesMemberEntity = {
        staffId,
        groupId,
        seat: existing?.groupId === groupId ? existing.seat : newId(now.getTime()),
        regions: input.regions,
        industries: input.industries,
        tiers: input.tiers,
        capacity: input.capacity,
        paused: input.paused ? 1 : 0,
        awayUntil: input.awayUntil,
        updatedBy: staffOf(auth).id,
        updatedAt: now,
      };
      await (existing ? em.update(SalesMemberEntity, { staffId }, member) : em.insert(SalesMemberEntity, member));
      return this.view(em, auth, group);
    });
  }

  removeMember(auth: AuthContext, groupId: string, staffId: string): Promise<{ staffId: string; removed: true }> {
    return this.dataSource.transaction(async (em) => {
      await this.access.managed(em, auth, groupId);
      const result = await em.delete(SalesMemberEntity, { staffId, groupId });
      if (!result.affected) throw memberNotFound();
      return { staffId, removed: true as const };
    });
  }

  /** Pause, resume or set leave: the admin or the group's manager. */
  setAvailability(auth: AuthContext, groupId: string, staffId: string, input: MemberAvailability): Promise<SalesGroupView> {
    return this.dataSource.transaction(async (em) => {
      const group = await this.access.managed(em, auth, groupId);
      const result = await em.update(SalesMemberEntity, { staffId, groupId }, { paused: input.paused ? 1 : 0, awayUntil: input.awayUntil, updatedBy: staffOf(auth).id, updatedAt: this.clock.now() });
      if (!result.affected) throw memberNotFound();
      return this.view(em, auth, group);
    });
  }

  private async activeStaff<E extends Error>(em: EntityManager, staffId: string, refuse: (reason: 'staff_unknown' | 'staff_disabled') => E): Promise<StaffEntity> {
    const staff = (await this.repo.staff(em, [staffId])).get(staffId);
    if (!staff) throw refuse('staff_unknown');
    if (staff.status !== 'active') throw refuse('staff_disabled');
    return staff;
  }

  private async view(em: EntityManager, auth: AuthContext, group: SalesGroupEntity): Promise<SalesGroupView> {
    return (await this.views(em, auth, [group]))[0];
  }

  private async views(em: EntityManager, auth: AuthContext, groups: SalesGroupEntity[]): Promise<SalesGroupView[]> {
    const members = await this.repo.membersOf(em, groups.map((g) => g.id));
    const staff = await this.repo.staff(em, [...members.map((m) => m.staffId), ...groups.flatMap((g) => (g.managerStaffId ? [g.managerStaffId] : []))]);
    const open = await this.repo.openLeadCounts(em, members.map((m) => m.staffId));
    const now = this.clock.now();
    const ref = (id: string) => ({ id, name: staff.get(id)?.name ?? '已删除成员' });
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      manager: g.managerStaffId ? ref(g.managerStaffId) : null,
      partnerLeads: g.partnerLeads,
      editable: this.access.isAdmin(auth),
      updatedAt: g.updatedAt.toISOString(),
      members: members
        .filter((m) => m.groupId === g.id)
        .map((m) => {
          const person = staff.get(m.staffId);
          const openLeads = open.get(m.staffId) ?? 0;
          return {
            staff: { ...ref(m.staffId), role: person?.role ?? 'sales' },
            regions: m.regions,
            industries: m.industries,
            tiers: m.tiers,
            capacity: m.capacity,
            paused: m.paused === 1,
            awayUntil: m.awayUntil,
            openLeads,
            available: person?.status === 'active' && unavailableBecause(m, openLeads, now) === null,
          };
        }),
    }));
  }
}
