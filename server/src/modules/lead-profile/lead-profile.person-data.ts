import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/accounts.entity';
import { PersonEntity } from '../identity/identity.entity';
import { PersonTagEntity } from '../leads/leads.entity';
import type { PersonDataContributor } from '../privacy/person-data';

/**
 * The staff side of a person's profile in 我的's export: the tags staff gave them and the company
 * account they were joined to (by name). Erasure removes the tags; the account is the company's
 * and stays (identity's erasure clears the person's link to it).
 */
@Injectable()
export class LeadProfilePersonData implements PersonDataContributor {
  readonly section = 'leadProfile';

  constructor(private readonly dataSource: DataSource) {}

  async export(personId: string): Promise<unknown> {
    const em = this.dataSource.manager;
    const [tags, person] = await Promise.all([
      em.find(PersonTagEntity, { where: { personId }, order: { createdAt: 'ASC', tag: 'ASC' } }),
      em.findOne(PersonEntity, { select: { id: true, accountId: true }, where: { id: personId } }),
    ]);
    const account = person?.accountId ? await em.findOne(AccountEntity, { select: { id: true, name: true }, where: { id: person.accountId } }) : null;
    return { tags: tags.map((t) => ({ tag: t.tag, createdAt: t.createdAt.toISOString() })), account: account?.name ?? null };
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(PersonTagEntity, { personId });
  }
}
