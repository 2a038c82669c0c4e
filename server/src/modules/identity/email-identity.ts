import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEntity } from '../activity/activity.entity';
import type { StreamConsumer } from '../activity/pipeline';
import { PersonEntity } from './identity.entity';
import { type Binding, PersonMerges } from './person-merges.service';
import type { IdentifierKey } from './person.repository';
import { PiiVault } from './pii-vault';

/** Gated actions whose forms may have set the person's email. */
const FORM_ACTIVITIES: ReadonlySet<string> = new Set(['signup', 'download', 'contact_request']);

/**
 * The email as an identifier: normalised (trimmed, lower-case) and stored as a keyed hash like
 * the phone, so no identifier row holds a readable address. A person whose email another record
 * already holds is the same human, and the two merge (matched on `email`).
 *
 * Emails typed into gated forms (sign-up, download, 请联系我) are bound by this stream consumer,
 * after the action committed and off the request path, so a sign-up batch never waits on a
 * merge; a correction in 我的 binds at once (`bind`).
 */
@Injectable()
export class EmailIdentity implements StreamConsumer {
  readonly name = 'identity.email';
  readonly startAt = 'now';

  constructor(
    private readonly vault: PiiVault,
    private readonly merges: PersonMerges,
  ) {}

  key(email: string): IdentifierKey {
    return { kind: 'email', appId: '', value: this.vault.lookupHash(normaliseEmail(email)) };
  }

  bind(em: EntityManager, personId: string, email: string, onStaff: 'refuse' | 'skip'): Promise<Binding> {
    return this.merges.bind(em, personId, this.key(email), 'email', onStaff);
  }

  /** Binds the current email of each person behind a form activity (a bound one is a no-op, so a replay changes nothing). */
  async handle(em: EntityManager, events: EventEntity[]): Promise<void> {
    const ids = [...new Set(events.filter((e) => e.origin === 'server' && e.personId && FORM_ACTIVITIES.has(e.type)).map((e) => e.personId as string))];
    for (const id of ids) {
      const person = await em.findOneBy(PersonEntity, { id });
      // a record merged meanwhile has its email on the survivor already; an erased one has none
      if (!person?.email || person.mergedInto || person.erasedAt) continue;
      await this.bind(em, id, person.email, 'skip');
    }
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
