import { type AccountTier, type CompanySizeBand, industryFrom, provinceFrom, type RoutingFacts } from '@leadloop/shared';
import { type EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { lockForUpdate } from '../../database/locks';
import { AccountEntity } from '../accounts/accounts.entity';
import { PersonEntity } from '../identity/identity.entity';
import { LeadEntity } from '../leads/leads.entity';
import { SalesGroupEntity, SalesMemberEntity } from '../sales-org/sales-org.entity';
import { PersonAttributionEntity } from '../share-chain/share-chain.entity';
import { StaffEntity } from '../staff/staff.entity';
import { LeadAssignmentEntity, RoutingDecisionEntity, RoutingRuleEntity } from './routing.entity';

/** An owner told about a person (a signal sent, or the lead given to them) this recently is not told again. */
export const OWNER_SIGNAL_DEDUPE_MS = 24 * 3_600_000;

/**
 * Everything routing reads to decide a batch, loaded in one statement per table: the leads
 * (locked, in person order, so a manual reassignment waits for the batch or the batch for it),
 * the persons and their accounts, the share chain's owners, current assignments, the staff and
 * members involved, the rules, and who was told about whom lately. Decisions made while the
 * batch is decided update it, so two triggers of one person in a batch see each other.
 */
export class RoutingContext {
  private constructor(
    readonly leads: Map<string, LeadEntity>,
    private readonly persons: Map<string, PersonEntity>,
    private readonly accounts: Map<string, AccountEntity>,
    private readonly chainOwners: Map<string, string>,
    readonly assignments: Map<string, string | null>,
    readonly staff: Map<string, StaffEntity>,
    readonly members: Map<string, SalesMemberEntity>,
    readonly groups: Map<string, SalesGroupEntity>,
    readonly rules: RoutingRuleEntity[],
    private readonly told: Set<string>,
  ) {}

  static async load(em: EntityManager, personIds: string[], now: Date): Promise<RoutingContext> {
    const ids = [...new Set(personIds)].sort();
    const leads = await lockForUpdate(em.createQueryBuilder(LeadEntity, 'l').where('l.person_id IN (:...ids)', { ids }).orderBy('l.person_id')).getMany();
    const persons = await em.find(PersonEntity, { select: { id: true, province: true, industry: true, sizeBand: true, accountId: true, erasedAt: true }, where: { id: In(ids) } });
    const accountIds = [...new Set(persons.flatMap((p) => (p.accountId ? [p.accountId] : [])))];
    const accounts = accountIds.length ? await em.findBy(AccountEntity, { id: In(accountIds) }) : [];
    const chain = await em.find(PersonAttributionEntity, { select: { personId: true, ownerStaffId: true }, where: { personId: In(ids) } });
    const assigned = await em.findBy(LeadAssignmentEntity, { personId: In(ids) });
    const recent = await em.find(RoutingDecisionEntity, { select: { personId: true, staffId: true, outcome: true, signalled: true }, where: { personId: In(ids), createdAt: MoreThanOrEqual(new Date(now.getTime() - OWNER_SIGNAL_DEDUPE_MS)) } });
    const staffIds = [...chain.map((c) => c.ownerStaffId), ...assigned.map((a) => a.staffId), ...accounts.map((a) => a.ownerStaffId)].filter((id): id is string => !!id);
    const staff = staffIds.length ? await em.findBy(StaffEntity, { id: In([...new Set(staffIds)]) }) : [];
    const members = staff.length ? await em.findBy(SalesMemberEntity, { staffId: In(staff.map((s) => s.id)) }) : [];
    const groupIds = [...new Set(members.map((m) => m.groupId))];
    const groups = groupIds.length ? await em.findBy(SalesGroupEntity, { id: In(groupIds) }) : [];
    const managers = groups.flatMap((g) => (g.managerStaffId && !staff.some((s) => s.id === g.managerStaffId) ? [g.managerStaffId] : []));
    if (managers.length) staff.push(...(await em.findBy(StaffEntity, { id: In(managers) })));
    const rules = await em.find(RoutingRuleEntity, { order: { position: 'ASC' } });
    return new RoutingContext(
      new Map(leads.map((l) => [l.personId, l])),
      new Map(persons.map((p) => [p.id, p])),
      new Map(accounts.map((a) => [a.id, a])),
      new Map(chain.flatMap((c) => (c.ownerStaffId ? [[c.personId, c.ownerStaffId] as const] : []))),
      new Map(assigned.map((a) => [a.personId, a.staffId])),
      new Map(staff.map((s) => [s.id, s])),
      new Map(members.map((m) => [m.staffId, m])),
      new Map(groups.map((g) => [g.id, g])),
      rules,
      new Set(recent.filter((d) => d.staffId && (d.signalled === 1 || d.outcome === 'assigned' || d.outcome === 'reassigned')).map((d) => `${d.personId}:${d.staffId}`)),
    );
  }

  /** The lead, unless there is none or the person erased their data. */
  lead(personId: string): LeadEntity | null {
    const person = this.persons.get(personId);
    return person && !person.erasedAt ? (this.leads.get(personId) ?? null) : null;
  }

  account(personId: string): AccountEntity | null {
    const id = this.persons.get(personId)?.accountId;
    return id ? (this.accounts.get(id) ?? null) : null;
  }

  /** The salesperson or partner the share chain gave the person to (first touch, or the card they asked on). */
  chainOwner(personId: string): string | null {
    return this.chainOwners.get(personId) ?? null;
  }

  activeStaff(staffId: string | null | undefined): StaffEntity | null {
    const staff = staffId ? this.staff.get(staffId) : undefined;
    return staff?.status === 'active' ? staff : null;
  }

  /** The person's region, industry and size, the account's where the person's are unknown, and the account's tier. */
  facts(personId: string): RoutingFacts {
    const person = this.persons.get(personId);
    const account = this.account(personId);
    return factsOf(person ?? null, account);
  }

  wasToldRecently(personId: string, staffId: string): boolean {
    return this.told.has(`${personId}:${staffId}`);
  }

  markTold(personId: string, staffId: string): void {
    this.told.add(`${personId}:${staffId}`);
  }
}

export function factsOf(person: Pick<PersonEntity, 'province' | 'industry' | 'sizeBand'> | null, account: Pick<AccountEntity, 'province' | 'industry' | 'sizeBand' | 'tier'> | null): RoutingFacts {
  const region = person?.province ?? account?.province ?? null;
  const industry = person?.industry ?? account?.industry ?? null;
  return {
    region: region ? provinceFrom(region) : null,
    industry: industry ? industryFrom(industry) : null,
    sizeBand: (person?.sizeBand ?? account?.sizeBand ?? null) as CompanySizeBand | null,
    tier: (account?.tier ?? null) as AccountTier | null,
  };
}
