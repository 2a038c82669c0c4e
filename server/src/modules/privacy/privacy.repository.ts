import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { newId } from '../../database/ids';
import { PersonEntity, PersonIdentifierEntity } from '../identity/identity.entity';
import { LeadEntity } from '../leads/leads.entity';
import { EventEntity } from '../activity/activity.entity';
import { PersonAttributionEntity } from '../share-chain/share-chain.entity';
import { PersonErasureEntity } from './privacy.entity';

/** The person-wide reads and erasures behind 我的 → privacy (per-feature data goes through contributors). */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly dataSource: DataSource) {}

  identifierKindsOf(personId: string): Promise<Pick<PersonIdentifierEntity, 'kind' | 'createdAt'>[]> {
    return this.dataSource.manager.find(PersonIdentifierEntity, { select: { kind: true, createdAt: true }, where: { personId }, order: { createdAt: 'ASC' } });
  }

  countEvents(personId: string): Promise<number> {
    return this.dataSource.manager.countBy(EventEntity, { personId });
  }

  /** The person and the records merged into them earlier (which may still hold some of their data). */
  async withMergedRecords(em: EntityManager, personId: string): Promise<string[]> {
    const merged = await em.find(PersonEntity, { select: { id: true }, where: { mergedInto: personId } });
    return [personId, ...merged.map((p) => p.id)];
  }

  /** Empties the person rows (the ids stay, so nothing elsewhere dangles) and marks them erased. */
  async clearProfiles(em: EntityManager, ids: string[], at: Date): Promise<void> {
    await em.update(
      PersonEntity,
      { id: In(ids) },
      { nickname: null, phoneEnc: null, phoneMasked: null, name: null, company: null, title: null, email: null, erasedAt: at, updatedAt: at },
    );
  }

  /** Without identifiers, the next login with the same WeChat is a new person. */
  async removeIdentifiers(em: EntityManager, ids: string[]): Promise<void> {
    await em.delete(PersonIdentifierEntity, { personId: In(ids) });
  }

  /** Touchpoints stay in the counts but point at no one, nor at the install (which could re-join them). */
  async anonymiseEvents(em: EntityManager, ids: string[]): Promise<void> {
    await em.update(EventEntity, { personId: In(ids) }, { personId: null, anonymousId: null });
  }

  /** The lead and the ownership/first-touch record are about the person: removed. */
  async removeLeadAndOwnership(em: EntityManager, ids: string[]): Promise<void> {
    await em.delete(LeadEntity, { personId: In(ids) });
    await em.delete(PersonAttributionEntity, { personId: In(ids) });
  }

  async recordErasure(em: EntityManager, personId: string, at: Date): Promise<string> {
    const id = newId(at.getTime());
    await em.insert(PersonErasureEntity, { id, personId, erasedAt: at, propagatedAt: null });
    return id;
  }
}
