import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PersonDataContributor } from '../privacy/person-data';
import { EventEntity } from './activity.entity';

/**
 * The activity stream's part of 我的: how many events are held (the export's `activity`); on
 * erasure the events stay in the counts but point at no one, nor at the install (which could
 * re-join them).
 */
@Injectable()
export class ActivityPersonData implements PersonDataContributor {
  readonly section = 'activity';
  readonly placement = 'document';

  constructor(private readonly dataSource: DataSource) {}

  async export(personId: string): Promise<unknown> {
    return { activity: { events: await this.dataSource.manager.countBy(EventEntity, { personId }) } };
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.update(EventEntity, { personId }, { personId: null, anonymousId: null });
  }
}
