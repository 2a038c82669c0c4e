import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonDataContributor } from '../privacy/person-data';
import { PersonAttributionEntity } from './share-chain.entity';

/**
 * What erasure does to the share chain's record of the person: the ownership / first-touch row,
 * being about them, goes. Share nodes, conversions and credits stay, keyed by the emptied id, as
 * anonymous statistics (docs/SECURITY.md).
 */
@Injectable()
export class ShareChainPersonData implements PersonDataContributor {
  readonly section = 'shareChain';

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(PersonAttributionEntity, { personId });
  }
}
