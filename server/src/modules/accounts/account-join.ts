import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { EventEntity } from '../activity/activity.entity';
import type { StreamConsumer } from '../activity/pipeline';
import { PersonEntity } from '../identity/identity.entity';
import { AccountDirectory } from './account-directory';

/**
 * Joins people to their company's account whenever their profile changes (`profile_update`
 * activities): by corporate email domain first, else by normalised company name. A consumer of
 * the activity stream, so every way a profile changes (forms, 我的, staff edits) joins the same
 * way; running a batch again changes nothing (at-least-once delivery is harmless).
 */
@Injectable()
export class AccountJoin implements StreamConsumer {
  readonly name = 'accounts';
  readonly startAt = 'beginning';

  constructor(private readonly directory: AccountDirectory) {}

  async handle(em: EntityManager, events: EventEntity[]): Promise<void> {
    const ids = [...new Set(events.flatMap((e) => (e.origin === 'server' && e.type === 'profile_update' && e.personId ? [e.personId] : [])))];
    if (ids.length === 0) return;
    const persons = await em.find(PersonEntity, { select: { id: true, company: true, email: true, accountId: true, erasedAt: true, mergedInto: true }, where: { id: In(ids) } });
    for (const person of persons) {
      if (person.erasedAt || person.mergedInto) continue;
      const accountId = await this.directory.resolve(em, person.company, person.email);
      if (accountId && accountId !== person.accountId) await em.update(PersonEntity, { id: person.id }, { accountId });
    }
  }
}
