import { Injectable } from '@nestjs/common';
import {
  Access,
  type AccountContact,
  type AccountDetail,
  type AccountList,
  type AccountListQuery,
  type AccountOwnerChoices,
  type AccountSummary,
  type AccountTier,
  intentAt,
  type MergeAccountsRequest,
  roleAllowed,
  type SetContactRoleRequest,
  type UpdateAccountRequest,
  type PageQuery,
} from '@leadloop/shared';
import { z } from 'zod';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { IdKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { newId } from '../../database/ids';
import { lockForUpdate } from '../../database/locks';
import { PersonEntity } from '../identity/identity.entity';
import { LeadEntity, LeadSettingsEntity } from '../leads/leads.entity';
import { StaffProfileEdits } from '../profile/staff-edits';
import { StaffEntity } from '../staff/staff.entity';
import { AccountEntity, AccountMergeEntity } from './accounts.entity';
import { normalizeCompanyName } from './company-name';

const AccountCursor = new KeysetCursor('accounts', z.tuple([IdKey]));
/** An account page lists its contacts by current intent; a company with more is rare and the rest are in the lead pool. */
const MAX_CONTACTS = 200;

interface Rollup {
  contacts: number;
  intentKey: number;
}

/**
 * Accounts for ABM: the console lists, edits and merges them and sets contacts' buying roles;
 * an account's owner may open its page. Account-level intent is the sum of its contacts' decayed
 * intent, read from the leads' stored keys (one grouped statement per page, never a rescan).
 */
/** The owner picker's position: name, then id. */
const OWNER_CURSOR = new KeysetCursor('account-owners', z.tuple([z.string().max(40), IdKey]));

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly staffEdits: StaffProfileEdits,
  ) {}

  async list(query: AccountListQuery): Promise<AccountList> {
    const after = AccountCursor.decode(query.cursor)?.[0];
    const qb = this.dataSource.manager.createQueryBuilder(AccountEntity, 'a').where('a.merged_into IS NULL');
    if (query.target) qb.andWhere('a.is_target = :target', { target: query.target === 'true' ? 1 : 0 });
    if (query.tier) qb.andWhere('a.tier = :tier', { tier: query.tier });
    if (query.industry) qb.andWhere('a.industry = :industry', { industry: query.industry });
    if (query.ownerStaffId) qb.andWhere('a.owner_staff_id = :owner', { owner: query.ownerStaffId });
    if (query.q) {
      const key = normalizeCompanyName(query.q) ?? query.q.toLowerCase();
      // an explicit escape character: MySQL and SQLite have different defaults
      qb.andWhere("(a.normalized_name LIKE :prefix ESCAPE '!' OR a.name LIKE :contains ESCAPE '!')", { prefix: `${likeEscape(key)}%`, contains: `%${likeEscape(query.q)}%` });
    }
    if (after) qb.andWhere('a.id < :after', { after });
    const rows = await qb.orderBy('a.id', 'DESC').take(query.limit + 1).getMany();
    const page = AccountCursor.page(rows, query.limit, (a) => [a.id]);
    return { items: await this.summaries(this.dataSource.manager, page.items), nextCursor: page.nextCursor };
  }

  /** Active staff by name, a page at a time, for the owner picker. */
  async owners(query: PageQuery): Promise<AccountOwnerChoices> {
    const after = OWNER_CURSOR.decode(query.cursor);
    const q = this.dataSource.manager
      .createQueryBuilder(StaffEntity, 's')
      .select(['s.id', 's.name'])
      .where("s.status = 'active'")
      .orderBy('s.name', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .take(query.limit + 1);
    if (after) q.andWhere('(s.name > :name OR (s.name = :name AND s.id > :id))', { name: after[0], id: after[1] });
    const staff = await q.getMany();
    return OWNER_CURSOR.page(
      staff.map((s) => ({ id: s.id, name: s.name })),
      query.limit,
      (s) => [s.name, s.id],
    );
  }

  async detail(auth: AuthContext, id: string, em: EntityManager = this.dataSource.manager): Promise<AccountDetail> {
    const account = await this.live(em, id);
    const editable = isConsole(auth);
    if (!mayOpenAccount(auth, account)) throw new AppError('ACCOUNT_NOT_YOURS', 'Only the console and the account’s owner may open it');
    const [[summary], contacts, merged] = await Promise.all([
      this.summaries(em, [account]),
      this.contacts(em, account.id),
      em.find(AccountEntity, { select: { name: true }, where: { mergedInto: account.id }, order: { name: 'ASC' } }),
    ]);
    return { ...summary, editable, contacts, mergedNames: merged.map((m) => m.name) };
  }

  async update(auth: AuthContext, id: string, body: UpdateAccountRequest): Promise<AccountDetail> {
    await this.dataSource.transaction(async (em) => {
      const account = await this.live(em, id);
      const changes: Partial<AccountEntity> = {};
      if (body.name !== undefined && body.name !== account.name) {
        const key = normalizeCompanyName(body.name);
        if (!key) throw new AppError('VALIDATION_FAILED', 'The name does not name a company', { fields: [{ path: 'name', message: 'not a company name' }] });
        const holder = await em.findOneBy(AccountEntity, { normalizedName: key });
        if (holder && holder.id !== account.id) throw new AppError('ACCOUNT_NAME_TAKEN', 'Another account has this name: merge them instead', { accountId: holder.mergedInto ?? holder.id });
        Object.assign(changes, { name: body.name, normalizedName: key });
      }
      if (body.ownerStaffId) await requireActiveStaff(em, body.ownerStaffId);
      for (const field of ['industry', 'sizeBand', 'province', 'city', 'ownerStaffId'] as const) {
        if (body[field] !== undefined) Object.assign(changes, { [field]: body[field] });
      }
      Object.assign(changes, targetChanges(account, body.isTarget, body.tier));
      await em.update(AccountEntity, { id }, { ...changes, updatedAt: this.clock.now() });
    });
    return this.detail(auth, id);
  }

  /** A contact's part in the buying decision: a profile change of the person, recorded with who set it. */
  async setContactRole(auth: AuthContext, id: string, personId: string, body: SetContactRoleRequest): Promise<AccountDetail> {
    await this.dataSource.transaction(async (em) => {
      await this.live(em, id);
      const person = await em.findOneBy(PersonEntity, { id: personId, accountId: id, erasedAt: IsNull() });
      if (!person) throw new AppError('CONTACT_NOT_IN_ACCOUNT', 'This person is not a contact of this account');
      await this.staffEdits.apply(em, person, { buyingRole: body.buyingRole }, auth.staff!.id);
    });
    return this.detail(auth, id);
  }

  /**
   * Merges `mergedId` into the account `id`: contacts move to the survivor, the survivor keeps
   * its own values and takes the merged account's where it had none, the merged account points
   * at it (its name and domain then lead there) and the merge is recorded.
   */
  async merge(auth: AuthContext, id: string, body: MergeAccountsRequest): Promise<AccountDetail> {
    if (body.mergedId === id) throw new AppError('ACCOUNT_MERGE_INVALID', 'An account cannot be merged into itself');
    await this.dataSource.transaction(async (em) => {
      const locked = await lockForUpdate(em.createQueryBuilder(AccountEntity, 'a').where({ id: In([id, body.mergedId]) }).orderBy('a.id')).getMany();
      const survivor = locked.find((a) => a.id === id);
      const merged = locked.find((a) => a.id === body.mergedId);
      if (!survivor || !merged) throw new AppError('ACCOUNT_NOT_FOUND', 'No such account');
      if (survivor.mergedInto || merged.mergedInto) throw new AppError('ACCOUNT_MERGE_INVALID', 'One of these accounts was already merged into another');
      const at = this.clock.now();
      const moved = await em.update(PersonEntity, { accountId: merged.id }, { accountId: survivor.id });
      await em.update(AccountEntity, { mergedInto: merged.id }, { mergedInto: survivor.id, updatedAt: at });
      await em.update(AccountEntity, { id: survivor.id }, { ...gapsFilled(survivor, merged), updatedAt: at });
      await em.update(AccountEntity, { id: merged.id }, { mergedInto: survivor.id, updatedAt: at });
      await em.insert(AccountMergeEntity, { id: newId(at.getTime()), survivorId: survivor.id, mergedId: merged.id, byStaffId: auth.staff?.id ?? null, movedContacts: moved.affected ?? 0, createdAt: at });
    });
    return this.detail(auth, id);
  }

  private async live(em: EntityManager, id: string): Promise<AccountEntity> {
    const account = IdKey.safeParse(id).success ? await em.findOneBy(AccountEntity, { id }) : null;
    if (!account || account.mergedInto) throw new AppError('ACCOUNT_NOT_FOUND', 'No such account');
    return account;
  }

  private async summaries(em: EntityManager, accounts: AccountEntity[]): Promise<AccountSummary[]> {
    if (accounts.length === 0) return [];
    const ids = accounts.map((a) => a.id);
    const ownerIds = [...new Set(accounts.flatMap((a) => (a.ownerStaffId ? [a.ownerStaffId] : [])))];
    const [rollups, owners, halfLife] = await Promise.all([
      this.rollups(em, ids),
      ownerIds.length > 0 ? em.find(StaffEntity, { select: { id: true, name: true }, where: { id: In(ownerIds) } }) : [],
      this.halfLifeDays(em),
    ]);
    const names = new Map(owners.map((s) => [s.id, s.name]));
    const now = this.clock.now().getTime();
    return accounts.map((a) => {
      const rollup = rollups.get(a.id) ?? { contacts: 0, intentKey: 0 };
      return {
        id: a.id,
        name: a.name,
        industry: a.industry as AccountSummary['industry'],
        sizeBand: a.sizeBand,
        province: a.province as AccountSummary['province'],
        city: a.city,
        emailDomain: a.emailDomain,
        owner: a.ownerStaffId ? { id: a.ownerStaffId, name: names.get(a.ownerStaffId) ?? '已离开的成员' } : null,
        isTarget: a.isTarget === 1,
        tier: a.tier,
        contactCount: rollup.contacts,
        intent: Math.round(intentAt(rollup.intentKey, now, halfLife)),
        updatedAt: a.updatedAt.toISOString(),
      };
    });
  }

  /** Contacts and the sum of their intent keys, per account, in one grouped statement. */
  private async rollups(em: EntityManager, accountIds: string[]): Promise<Map<string, Rollup>> {
    const rows: { account_id: string; contacts: string | number; intent_key: string | number | null }[] = await em
      .createQueryBuilder(PersonEntity, 'p')
      .leftJoin(LeadEntity, 'l', 'l.person_id = p.id')
      .select('p.account_id', 'account_id')
      .addSelect('COUNT(*)', 'contacts')
      .addSelect('SUM(l.intent_key)', 'intent_key')
      .where('p.account_id IN (:...ids)', { ids: accountIds })
      .andWhere('p.erased_at IS NULL AND p.merged_into IS NULL')
      .groupBy('p.account_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.account_id, { contacts: Number(r.contacts), intentKey: Number(r.intent_key ?? 0) }]));
  }

  private async contacts(em: EntityManager, accountId: string): Promise<AccountContact[]> {
    const rows = await em
      .createQueryBuilder(PersonEntity, 'p')
      .leftJoin(LeadEntity, 'l', 'l.person_id = p.id')
      .select(['p.id AS id', 'p.real_name AS name', 'p.job_title AS title', 'p.seniority AS seniority', 'p.buying_role AS buying_role'])
      .addSelect(['l.stage AS stage', 'l.fit_grade AS fit_grade', 'l.intent_key AS intent_key', 'l.last_activity_at AS last_activity_at'])
      .where('p.account_id = :accountId AND p.erased_at IS NULL AND p.merged_into IS NULL', { accountId })
      .orderBy('l.intent_key', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .limit(MAX_CONTACTS)
      .getRawMany<Record<string, string | number | Date | null>>();
    const halfLife = await this.halfLifeDays(em);
    const now = this.clock.now().getTime();
    return rows.map((r) => ({
      personId: String(r.id),
      name: (r.name as string | null) ?? null,
      title: (r.title as string | null) ?? null,
      seniority: (r.seniority as AccountContact['seniority']) ?? null,
      buyingRole: (r.buying_role as AccountContact['buyingRole']) ?? null,
      stage: (r.stage as AccountContact['stage']) ?? null,
      fitGrade: (r.fit_grade as AccountContact['fitGrade']) ?? null,
      intent: r.intent_key === null || r.intent_key === undefined ? null : Math.round(intentAt(Number(r.intent_key), now, halfLife)),
      lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at as string).toISOString() : null,
    }));
  }

  private async halfLifeDays(em: EntityManager): Promise<number> {
    const settings = await em.findOneBy(LeadSettingsEntity, { id: 'default' });
    return settings?.halfLifeDays ?? 30;
  }
}

function isConsole(auth: AuthContext): boolean {
  return !!auth.staff && roleAllowed(Access.console, auth.staff.role);
}

/** Who may open an account's page: the console sees every account, another staff member the ones they own. */
export function mayOpenAccount(auth: AuthContext, account: { ownerStaffId: string | null }): boolean {
  return isConsole(auth) || (!!auth.staff && account.ownerStaffId === auth.staff.id);
}

export async function requireActiveStaff(em: EntityManager, staffId: string): Promise<void> {
  const staff = await em.findOneBy(StaffEntity, { id: staffId, status: 'active' });
  if (!staff) throw new AppError('STAFF_NOT_FOUND', 'No active staff member with this id');
}

/** Tier and target go together: a tier makes the account a target; no longer a target, no tier. */
function targetChanges(account: AccountEntity, isTarget: boolean | undefined, tier: AccountTier | null | undefined): Partial<AccountEntity> {
  if (isTarget === false) return { isTarget: 0, tier: null };
  const changes: Partial<AccountEntity> = {};
  if (isTarget === true) changes.isTarget = 1;
  if (tier !== undefined) changes.tier = tier;
  if (tier && account.isTarget !== 1) changes.isTarget = 1;
  return changes;
}

/** What the merged account knew and the survivor did not; the better target tier wins. */
function gapsFilled(survivor: AccountEntity, merged: AccountEntity): Partial<AccountEntity> {
  const gaps: Partial<AccountEntity> = {};
  for (const field of ['emailDomain', 'industry', 'sizeBand', 'province', 'city', 'ownerStaffId'] as const) {
    if (survivor[field] === null && merged[field] !== null) Object.assign(gaps, { [field]: merged[field] });
  }
  if (merged.isTarget === 1 && survivor.isTarget !== 1) gaps.isTarget = 1;
  if (merged.tier && (!survivor.tier || merged.tier < survivor.tier)) gaps.tier = merged.tier;
  return gaps;
}

function likeEscape(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}
