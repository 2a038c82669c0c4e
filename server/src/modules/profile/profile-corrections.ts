import { Injectable, Logger } from '@nestjs/common';
import type { CorrectProfileRequest, MyProfile, ProfileChange } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { EmailIdentity } from '../identity/email-identity';
import { PersonMerges } from '../identity/person-merges.service';
import { PersonRepository } from '../identity/person.repository';
import { viewOf } from './profile-gate';
import type { PersonDataContributor } from '../privacy/person-data';
import { ProfileChangeEntity } from './profile.entity';

const CORRECTABLE = ['name', 'company', 'title', 'email'] as const;
const SOURCE = 'me/profile';

/**
 * 更正权 (PIPL art. 46): a person corrects the name, company, title or email they gave in forms.
 * Each changed field is a `profile_changes` row written in the same transaction as the change, so
 * the history in 我的 and in the export is exactly what happened; erasure removes it.
 */
@Injectable()
export class ProfileCorrections implements PersonDataContributor {
  readonly section = 'profileChanges';
  private readonly logger = new Logger(ProfileCorrections.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly persons: PersonRepository,
    private readonly clock: Clock,
    private readonly emails: EmailIdentity,
    private readonly merges: PersonMerges,
  ) {}

  async mine(personId: string): Promise<MyProfile> {
    const person = await this.persons.findById(personId);
    if (!person) throw new AppError('SESSION_INVALID', 'This session’s person no longer exists');
    const changes = await this.dataSource.manager.find(ProfileChangeEntity, { where: { personId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 50 });
    return { profile: viewOf(person), changes: changes.map(toChange) };
  }

  /**
   * A corrected email is bound as an identifier in the same transaction: if another record holds
   * it, this one is merged into it (and the answer is the survivor's profile); if a staff
   * member's person holds it, the whole correction is refused (IDENTIFIER_BELONGS_TO_STAFF).
   */
  async correct(personId: string, input: CorrectProfileRequest): Promise<MyProfile> {
    const { changed, survivorId } = await this.merges.recordingConflicts(() => this.dataSource.transaction(async (em) => {
      const person = await this.persons.findById(personId, em);
      if (!person) throw new AppError('SESSION_INVALID', 'This session’s person no longer exists');
      const at = this.clock.now();
      const rows: ProfileChangeEntity[] = [];
      for (const field of CORRECTABLE) {
        const next = input[field];
        if (next === undefined || next === person[field]) continue;
        rows.push({ id: newId(at.getTime()), personId, field, oldValue: person[field], newValue: next, source: SOURCE, createdAt: at });
      }
      if (rows.length === 0) return { changed: 0, survivorId: personId };
      await this.persons.updateProfile(personId, Object.fromEntries(rows.map((r) => [r.field, r.newValue])), em);
      await em.insert(ProfileChangeEntity, rows);
      const email = rows.find((r) => r.field === 'email')?.newValue;
      const bound = email ? await this.emails.bind(em, personId, email, 'refuse') : null;
      return { changed: rows.length, survivorId: bound?.personId ?? personId };
    }));
    if (changed > 0) this.logger.log(`Person ${personId} corrected ${changed} profile field(s)`);
    return this.mine(survivorId);
  }

  /** Oldest first, as the export lists history. */
  async history(personId: string): Promise<ProfileChange[]> {
    const rows = await this.dataSource.manager.find(ProfileChangeEntity, { where: { personId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toChange);
  }

  export(personId: string): Promise<unknown> {
    return this.history(personId);
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(ProfileChangeEntity, { personId });
  }
}

function toChange(r: ProfileChangeEntity): ProfileChange {
  return { field: r.field, from: r.oldValue, to: r.newValue, at: r.createdAt.toISOString() };
}
