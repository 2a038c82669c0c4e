import { Injectable } from '@nestjs/common';
import type { RoutingFacts } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import { lockForUpdate } from '../../database/locks';
import { unavailableBecause } from '../sales-org/availability';
import { SalesGroupEntity, type SalesMemberEntity } from '../sales-org/sales-org.entity';
import { SalesOrgRepository } from '../sales-org/sales-org.repository';
import type { StaffEntity } from '../staff/staff.entity';
import { inTerritory } from './rules';

export type SkipReason = 'paused' | 'on_leave' | 'at_capacity' | 'disabled' | 'out_of_territory';

export interface Choice {
  staffId: string;
  /** Members passed over before them, and why. */
  skipped: { staffId: string; why: SkipReason }[];
}

/**
 * One group's rotation inside a transaction that holds the group's row lock: members in seat
 * order (when they joined), starting after the seat that received the last lead. Paused, on-leave,
 * at-capacity, disabled and out-of-territory members are passed over without losing their turn
 * order. `save` writes the position back, so the next transaction — on any instance, after any
 * restart — continues where this one stopped.
 */
export class Rotation {
  private assignedNow = 0;

  constructor(
    readonly group: SalesGroupEntity,
    private readonly members: SalesMemberEntity[],
    private readonly staff: Map<string, StaffEntity>,
    private readonly open: Map<string, number>,
    private readonly now: Date,
  ) {}

  pick(facts: RoutingFacts): Choice | null {
    const n = this.members.length;
    const last = this.group.lastSeat;
    const start = last === null ? 0 : Math.max(0, this.members.findIndex((m) => m.seat > last));
    const skipped: Choice['skipped'] = [];
    for (let k = 0; k < n; k += 1) {
      const member = this.members[(start + k) % n];
      const why = this.skipReason(member, facts);
      if (why) {
        skipped.push({ staffId: member.staffId, why });
        continue;
      }
      this.group.lastSeat = member.seat;
      this.open.set(member.staffId, (this.open.get(member.staffId) ?? 0) + 1);
      this.assignedNow += 1;
      return { staffId: member.staffId, skipped };
    }
    return null;
  }

  staffOf(staffId: string): StaffEntity | undefined {
    return this.staff.get(staffId);
  }

  async save(em: EntityManager): Promise<void> {
    if (this.assignedNow === 0) return;
    await em.createQueryBuilder().update(SalesGroupEntity).set({ lastSeat: this.group.lastSeat, assigned: () => `assigned + ${this.assignedNow}` }).where('id = :id', { id: this.group.id }).execute();
    this.assignedNow = 0;
  }

  private skipReason(member: SalesMemberEntity, facts: RoutingFacts): SkipReason | null {
    if (this.staff.get(member.staffId)?.status !== 'active') return 'disabled';
    const why = unavailableBecause(member, this.open.get(member.staffId) ?? 0, this.now);
    if (why) return why;
    return inTerritory(member, facts) ? null : 'out_of_territory';
  }
}

@Injectable()
export class RoundRobin {
  constructor(
    private readonly repo: SalesOrgRepository,
    private readonly clock: Clock,
  ) {}

  /** Locks the group's row for this transaction and loads its rotation; null when there is no such group. */
  async begin(em: EntityManager, groupId: string): Promise<Rotation | null> {
    const group = await lockForUpdate(em.createQueryBuilder(SalesGroupEntity, 'g').where('g.id = :groupId', { groupId })).getOne();
    if (!group) return null;
    const members = await this.repo.membersOf(em, [group.id]);
    const staff = await this.repo.staff(em, members.map((m) => m.staffId));
    // open leads are counted only where a capacity makes them matter
    const open = await this.repo.openLeadCounts(em, members.filter((m) => m.capacity !== null).map((m) => m.staffId));
    return new Rotation(group, members, staff, open, this.clock.now());
  }
}
