import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonMergeContributor } from '../person-merge/person-merge';
import type { PersonDataContributor } from '../privacy/person-data';
import { SalesSignalEntity } from './signals.entity';

/**
 * Signals are what staff were told about a person: erasure removes those about them (nothing
 * of theirs to export beyond the activities the stream already exports); a merge moves them.
 */
@Injectable()
export class SignalsPersonData implements PersonDataContributor {
  readonly section = 'salesSignals';

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(SalesSignalEntity, { personId });
  }
}

export const signalsMerge: PersonMergeContributor = {
  module: 'signals',
  async move(step) {
    await step.reassign({ table: 'sales_signals', column: 'person_id', keyColumns: ['id'] });
  },
};
