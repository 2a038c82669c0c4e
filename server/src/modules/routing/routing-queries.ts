import { Injectable } from '@nestjs/common';
import { type LeadStage, OpenLeadStages, type Page, type RoutingStep, type PageQuery, type RoutingDecisionView, type TeamLeadList, type TeamLeadsQuery, type UnassignedLeadList } from '@leadloop/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { z } from 'zod';
import { IdKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { AccountEntity } from '../accounts/accounts.entity';
import { PersonEntity } from '../identity/identity.entity';
import { LeadAccess } from '../leads/lead-access';
import { displayNameOf } from '../leads/lead-views';
import { memberNotFound } from '../sales-org/sales-org.errors';
import { SalesOrgRepository } from '../sales-org/sales-org.repository';
import { TeamAccess } from '../sales-org/team-access';
import { factsOf } from './routing-context';
import { RoutingDecisionEntity } from './routing.entity';

const QueueCursor = new KeysetCursor('routing.unassigned', z.tuple([IdKey]));
const HistoryCursor = new KeysetCursor('routing.history', z.tuple([IdKey]));
const TeamCursor = new KeysetCursor('routing.team', z.tuple([IdKey]));

/** What staff read of routing: the unassigned queue, a lead's decisions, a manager's team leads. */
@Injectable()
export class RoutingQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly leadAccess: LeadAccess,
    private readonly teamAccess: TeamAccess,
    private readonly repo: SalesOrgRepository,
  ) {}

  /** Oldest first: the leads routing could not place, with the step that left them there. */
  async unassigned(query: PageQuery): Promise<UnassignedLeadList> {
    const em = this.dataSource.manager;
    const after = QueueCursor.decode(query.cursor)?.[0];
    const rows: { person_id: string; decision_id: string; step: string; created_at: Date }[] = await em
      .createQueryBuilder()
      .select(['a.person_id AS person_id', 'a.decision_id AS decision_id', 'd.step AS step', 'd.created_at AS created_at'])
      .from('lead_assignments', 'a')
      .innerJoin('routing_decisions', 'd', 'd.id = a.decision_id')
      .where('a.staff_id IS NULL')
      .andWhere(after ? 'a.decision_id > :after' : '1 = 1', { after })
      .orderBy('a.decision_id', 'ASC')
      .limit(query.limit + 1)
      .getRawMany();
    const page = QueueCursor.page(rows, query.limit, (r) => [r.decision_id]);
    const persons = await personsOf(em, page.items.map((r) => r.person_id));
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => {
        const p = persons.get(r.person_id);
        return { personId: r.person_id, displayName: p ? displayNameOf(p.person) : '未留名', company: p?.person.company ?? null, facts: factsOf(p?.person ?? null, p?.account ?? null), step: r.step as RoutingStep, queuedAt: new Date(r.created_at).toISOString() };
      }),
    };
  }

  /** Newest first, for anyone who may read the lead. */
  async history(auth: AuthContext, personId: string, query: PageQuery): Promise<Page<RoutingDecisionView>> {
    await this.leadAccess.readable(auth, personId);
    const em = this.dataSource.manager;
    const before = HistoryCursor.decode(query.cursor)?.[0];
    const qb = em.createQueryBuilder(RoutingDecisionEntity, 'd').where('d.person_id = :personId', { personId });
    if (before) qb.andWhere('d.id < :before', { before });
    const { items, nextCursor } = HistoryCursor.page(await qb.orderBy('d.id', 'DESC').limit(query.limit + 1).getMany(), query.limit, (d) => [d.id]);
    const staff = await this.repo.staff(em, items.flatMap((d) => [d.staffId, d.previousStaffId, d.byStaffId].filter((id): id is string => !!id)));
    const groups = new Map((await this.repo.groups(em, [...new Set(items.flatMap((d) => (d.groupId ? [d.groupId] : [])))])).map((g) => [g.id, g.name]));
    const ref = (id: string | null) => (id ? { id, name: staff.get(id)?.name ?? '已删除成员' } : null);
    return {
      nextCursor,
      items: items.map((d) => ({
        id: d.id,
        trigger: d.trigger,
        outcome: d.outcome,
        step: d.step,
        reason: d.reason,
        staff: ref(d.staffId),
        previous: ref(d.previousStaffId),
        group: d.groupId ? { id: d.groupId, name: groups.get(d.groupId) ?? '已删除的组' } : null,
        by: ref(d.byStaffId),
        signalled: d.signalled === 1,
        at: d.createdAt.toISOString(),
      })),
    };
  }

  /** The team's open leads, newest assignment first: the admin or the group's manager. */
  async teamLeads(auth: AuthContext, groupId: string, query: TeamLeadsQuery): Promise<TeamLeadList> {
    const em = this.dataSource.manager;
    const group = await this.teamAccess.managed(em, auth, groupId);
    const members = (await this.repo.membersOf(em, [group.id])).map((m) => m.staffId);
    if (query.staffId && !members.includes(query.staffId)) throw memberNotFound();
    const owners = query.staffId ? [query.staffId] : members;
    if (owners.length === 0) return { items: [], nextCursor: null };
    const before = TeamCursor.decode(query.cursor)?.[0];
    const rows: { person_id: string; staff_id: string; decision_id: string; assigned_at: Date; stage: string }[] = await em
      .createQueryBuilder()
      .select(['a.person_id AS person_id', 'a.staff_id AS staff_id', 'a.decision_id AS decision_id', 'a.assigned_at AS assigned_at', 'l.stage AS stage'])
      .from('lead_assignments', 'a')
      .innerJoin('leads', 'l', 'l.person_id = a.person_id')
      .where('a.staff_id IN (:...owners)', { owners })
      .andWhere('l.stage IN (:...stages)', { stages: OpenLeadStages })
      .andWhere(before ? 'a.decision_id < :before' : '1 = 1', { before })
      .orderBy('a.decision_id', 'DESC')
      .limit(query.limit + 1)
      .getRawMany();
    const page = TeamCursor.page(rows, query.limit, (r) => [r.decision_id]);
    const persons = await personsOf(em, page.items.map((r) => r.person_id));
    const staff = await this.repo.staff(em, owners);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => {
        const p = persons.get(r.person_id)?.person;
        return { personId: r.person_id, displayName: p ? displayNameOf(p) : '未留名', company: p?.company ?? null, stage: r.stage as LeadStage, owner: { id: r.staff_id, name: staff.get(r.staff_id)?.name ?? '已删除成员' }, assignedAt: new Date(r.assigned_at).toISOString() };
      }),
    };
  }
}

async function personsOf(em: EntityManager, ids: string[]): Promise<Map<string, { person: PersonEntity; account: AccountEntity | null }>> {
  if (ids.length === 0) return new Map();
  const persons = await em.findBy(PersonEntity, { id: In(ids) });
  const accountIds = [...new Set(persons.flatMap((p) => (p.accountId ? [p.accountId] : [])))];
  const accounts = new Map(accountIds.length ? (await em.findBy(AccountEntity, { id: In(accountIds) })).map((a) => [a.id, a]) : []);
  return new Map(persons.map((p) => [p.id, { person: p, account: p.accountId ? (accounts.get(p.accountId) ?? null) : null }]));
}
