import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PersonDataContributor } from '../privacy/person-data';
import { EventEntity, PersonAttributionEntity } from './share-chain.entity';

/**
 * The share chain's part of 我的: how many touchpoints are held (the `activity` of the export);
 * on erasure the touchpoints stay in the counts but point at no one, nor at the install (which
 * could re-join them), and the ownership / first-touch record, being about the person, goes.
 */
@Injectable()
export class ShareChainPersonData implements PersonDataContributor {
  readonly section = 'activity';
  readonly placement = 'document';

  constructor(private readonly dataSource: DataSource) {}

  async export(personId: string): Promise<unknown> {
    return { activity: { events: await this.dataSource.manager.countBy(EventEntity, { personId }) } };
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.update(EventEntity, { personId }, { personId: null, anonymousId: null });
    await em.delete(PersonAttributionEntity, { personId });
  }
}
