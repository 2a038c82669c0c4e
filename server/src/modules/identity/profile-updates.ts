import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { Activity, type ActivityRecord } from '../activity/activity';
import type { PersonEntity } from './identity.entity';
import { type ProfileColumn, PersonRepository } from './person.repository';

export type ProfileChanges = Partial<Pick<PersonEntity, Exclude<ProfileColumn, 'nickname' | 'phoneEnc' | 'phoneMasked'>>>;

/** Where a profile change came from: the page of the form, 我的 or the console (who made a staff edit is in `profile_changes`). */
export interface ProfileOrigin {
  page: string;
}

/**
 * The one way a person's profile changes (gates, 我的 corrections, staff edits, imports): the
 * columns are written and a `profile_update` activity is recorded in the caller's transaction,
 * so what reacts to a profile — the account join, fit scoring — hears of every change once.
 */
@Injectable()
export class ProfileUpdates {
  constructor(
    private readonly persons: PersonRepository,
    private readonly activity: Activity,
    private readonly clock: Clock,
  ) {}

  write(em: EntityManager, personId: string, changes: ProfileChanges, origin: ProfileOrigin): Promise<void> {
    return this.writeMany(em, [{ personId, changes }], origin);
  }

  /** Many people's changes (a batch of sign-ups): their activities go out in one statement. */
  async writeMany(em: EntityManager, entries: { personId: string; changes: ProfileChanges }[], origin: ProfileOrigin): Promise<void> {
    const changed = entries.filter((e) => Object.keys(e.changes).length > 0);
    for (const e of changed) await this.persons.updateProfile(e.personId, e.changes, em);
    await this.announce(
      em,
      changed.map((e) => e.personId),
      origin,
    );
  }

  /** Records that these people's profiles changed where the change is not a column here (their tags). */
  async announce(em: EntityManager, personIds: string[], origin: ProfileOrigin): Promise<void> {
    if (personIds.length === 0) return;
    const at = this.clock.now();
    await this.activity.recordMany(
      em,
      personIds.map(
        (personId): ActivityRecord => ({
          kind: 'profile_update',
          personId,
          refId: newId(at.getTime()),
          page: origin.page,
          contentType: 'page',
          contentId: 'profile',
          source: { nodeId: null, channelId: null },
          at,
        }),
      ),
    );
  }
}
