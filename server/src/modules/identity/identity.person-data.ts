import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AppError } from '../../core/app-error';
import { forUpdateSql } from '../../database/locks';
import type { PersonDataContributor } from '../privacy/person-data';
import { PersonEntity, PersonIdentifierEntity } from './identity.entity';
import { PiiVault } from './pii-vault';

/**
 * The person record itself in 我的's export (profile, the full phone number, which kinds of
 * identifier recognise them — never the raw WeChat values), and what erasure does to it: the
 * profile emptied (the id stays, so nothing elsewhere dangles) and the identifiers removed, so
 * the next login with the same WeChat is a new person.
 */
@Injectable()
export class IdentityPersonData implements PersonDataContributor {
  readonly section = 'person';
  readonly placement = 'document';

  constructor(
    private readonly dataSource: DataSource,
    private readonly vault: PiiVault,
  ) {}

  async export(personId: string): Promise<unknown> {
    const em = this.dataSource.manager;
    const [person, identifiers] = await Promise.all([
      em.findOneBy(PersonEntity, { id: personId }),
      em.find(PersonIdentifierEntity, { select: { kind: true, createdAt: true }, where: { personId }, order: { createdAt: 'ASC' } }),
    ]);
    if (!person) throw new AppError('SESSION_INVALID', 'This session’s person no longer exists');
    return {
      person: {
        id: person.id,
        createdAt: person.createdAt.toISOString(),
        nickname: person.nickname,
        name: person.name,
        company: person.company,
        title: person.title,
        email: person.email,
        phone: person.phoneEnc ? this.vault.decrypt(person.phoneEnc) : null,
        industry: person.industry,
        province: person.province,
        city: person.city,
        sizeBand: person.sizeBand,
        department: person.department,
        seniority: person.seniority,
        buyingRole: person.buyingRole,
      },
      identifiers: identifiers.map((i) => ({ kind: i.kind, createdAt: i.createdAt.toISOString() })),
    };
  }

  /**
   * The person and the records merged into them earlier, at any depth (a record merged into one
   * that was merged here later), which may still hold some of their data.
   */
  async records(em: EntityManager, personId: string): Promise<string[]> {
    if (!(await em.findOneBy(PersonEntity, { id: personId }))) throw new AppError('SESSION_INVALID', 'This session’s person no longer exists');
    const all = [personId];
    for (let level = [personId]; level.length > 0; ) {
      const merged = await em.find(PersonEntity, { select: { id: true }, where: { mergedInto: In(level) } });
      level = merged.map((p) => p.id).filter((id) => !all.includes(id));
      all.push(...level);
    }
    // the erasure holds these rows from here on, taken in id order as the stream's consumers take
    // them: a consumer batch either finished before (its writes are erased) or waits and sees them erased
    await em.query(`SELECT id FROM persons WHERE id IN (${all.map(() => '?').join(', ')}) ORDER BY id${forUpdateSql(em)}`, all);
    return all;
  }

  async erase(em: EntityManager, personId: string, at: Date): Promise<void> {
    await em.update(
      PersonEntity,
      { id: personId },
      {
        nickname: null,
        phoneEnc: null,
        phoneMasked: null,
        name: null,
        company: null,
        title: null,
        email: null,
        industry: null,
        province: null,
        city: null,
        sizeBand: null,
        department: null,
        seniority: null,
        seniorityEdited: 0,
        accountId: null,
        buyingRole: null,
        erasedAt: at,
        updatedAt: at,
      },
    );
    await em.delete(PersonIdentifierEntity, { personId });
  }
}
