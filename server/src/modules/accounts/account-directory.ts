import { Injectable } from '@nestjs/common';
import { corporateDomainOf } from '@leadloop/shared';
import { type EntityManager, IsNull } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { insertNew } from '../../database/sql';
import { AccountEntity } from './accounts.entity';
import { normalizeCompanyName } from './company-name';

/** Merges point at their survivor; a chain is never longer than this (merges re-point what pointed at the merged account). */
const MAX_MERGE_HOPS = 8;

/**
 * Which account a company name or an email belongs to. One account per normalised name; a
 * corporate email domain joins people to the account that holds it (recorded on the account the
 * first time one of its people uses it). Free-mail domains never identify a company. A merged
 * account's name and domain lead to the account it was merged into.
 */
@Injectable()
export class AccountDirectory {
  constructor(private readonly clock: Clock) {}

  /** The account for this company and email (created from the name if missing), or null when neither names a company. */
  async resolve(em: EntityManager, company: string | null, email: string | null): Promise<string | null> {
    const domain = corporateDomainOf(email);
    if (domain) {
      const byDomain = await this.byDomain(em, domain);
      if (byDomain) return byDomain.id;
    }
    const key = normalizeCompanyName(company);
    if (!key || !company) return null;
    const account = (await this.byKey(em, key)) ?? (await this.create(em, company, key));
    if (domain && !account.emailDomain) await em.update(AccountEntity, { id: account.id, emailDomain: IsNull() }, { emailDomain: domain, updatedAt: this.clock.now() });
    return account.id;
  }

  /** The live account holding this domain. */
  byDomain(em: EntityManager, domain: string): Promise<AccountEntity | null> {
    return em.findOne(AccountEntity, { where: { emailDomain: domain, mergedInto: IsNull() }, order: { id: 'ASC' } });
  }

  /** The live account behind a normalised name (following merges). */
  async byKey(em: EntityManager, key: string): Promise<AccountEntity | null> {
    return this.survivor(em, await em.findOneBy(AccountEntity, { normalizedName: key }));
  }

  async survivor(em: EntityManager, account: AccountEntity | null): Promise<AccountEntity | null> {
    for (let hop = 0; account?.mergedInto && hop < MAX_MERGE_HOPS; hop++) account = await em.findOneBy(AccountEntity, { id: account.mergedInto });
    return account;
  }

  /** A new account named as first written; a concurrent creation of the same key wins and is read back. */
  async create(em: EntityManager, name: string, key: string, fields: Partial<AccountEntity> = {}): Promise<AccountEntity> {
    const at = this.clock.now();
    const row = {
      id: newId(at.getTime()),
      name: name.trim().slice(0, 80),
      normalized_name: key,
      email_domain: fields.emailDomain ?? null,
      industry: fields.industry ?? null,
      size_band: fields.sizeBand ?? null,
      province: fields.province ?? null,
      city: fields.city ?? null,
      owner_staff_id: fields.ownerStaffId ?? null,
      is_target: fields.isTarget ?? 0,
      tier: fields.tier ?? null,
      merged_into: null,
      created_at: at,
      updated_at: at,
    };
    await insertNew(em, 'accounts', [row]);
    const account = await this.byKey(em, key);
    if (!account) throw new Error(`account ${key} vanished after its insert`);
    return account;
  }
}
