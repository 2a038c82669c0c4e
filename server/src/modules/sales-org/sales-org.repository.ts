import { Injectable } from '@nestjs/common';
import { OpenLeadStages } from '@leadloop/shared';
import { type EntityManager, In } from 'typeorm';
import { LeadEntity } from '../leads/leads.entity';
import { StaffEntity } from '../staff/staff.entity';
import { SalesGroupEntity, SalesMemberEntity } from './sales-org.entity';

/** Groups, their members, and the counts their views and round-robin need. */
@Injectable()
export class SalesOrgRepository {
  membersOf(em: EntityManager, groupIds: string[]): Promise<SalesMemberEntity[]> {
    if (groupIds.length === 0) return Promise.resolve([]);
    return em.find(SalesMemberEntity, { where: { groupId: In(groupIds) }, order: { groupId: 'ASC', seat: 'ASC' } });
  }

  memberOf(em: EntityManager, staffId: string): Promise<SalesMemberEntity | null> {
    return em.findOneBy(SalesMemberEntity, { staffId });
  }

  groups(em: EntityManager, ids: string[]): Promise<SalesGroupEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : em.findBy(SalesGroupEntity, { id: In(ids) });
  }

  staff(em: EntityManager, ids: string[]): Promise<Map<string, StaffEntity>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve(new Map());
    return em.findBy(StaffEntity, { id: In(unique) }).then((rows) => new Map(rows.map((s) => [s.id, s])));
  }

  /** Leads each of these staff members holds that are still open (MQL, accepted, opportunity): what capacity counts. */
  async openLeadCounts(em: EntityManager, staffIds: string[]): Promise<Map<string, number>> {
    if (staffIds.length === 0) return new Map();
    const rows: { owner: string; open: string }[] = await em
      .createQueryBuilder(LeadEntity, 'l')
      .select('l.owner_staff_id', 'owner')
      .addSelect('COUNT(*)', 'open')
      .where('l.owner_staff_id IN (:...staffIds)', { staffIds })
      .andWhere('l.stage IN (:...stages)', { stages: OpenLeadStages })
      .groupBy('l.owner_staff_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.owner, Number(r.open)]));
  }
}
