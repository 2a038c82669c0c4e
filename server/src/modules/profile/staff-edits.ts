import { Injectable } from '@nestjs/common';
import type { ProfileChangeField } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import type { PersonEntity } from '../identity/identity.entity';
import { type ProfileChanges, ProfileUpdates } from '../identity/profile-updates';
import { ProfileChangeEntity } from './profile.entity';

/** Where staff edits come from, in `profile_changes.source`. */
export const STAFF_EDIT_SOURCE = 'console/lead-profile';

/** What one person's tags gained and lost. */
export interface TagDiff {
  personId: string;
  added: string[];
  removed: string[];
}

type EditableColumn = Exclude<keyof ProfileChanges, 'seniorityEdited'>;

/**
 * A staff member changes a person's profile: each changed field becomes a `profile_changes` row
 * naming that staff member (the lead's timeline shows who made it), and the profile is written
 * through `ProfileUpdates` (so the `profile_update` activity is recorded), all in the caller's
 * transaction. Unchanged values write nothing.
 */
@Injectable()
export class StaffProfileEdits {
  constructor(
    private readonly profileUpdates: ProfileUpdates,
    private readonly clock: Clock,
  ) {}

  /** Answers how many fields changed. */
  async apply(em: EntityManager, person: PersonEntity, changes: ProfileChanges, staffId: string, source = STAFF_EDIT_SOURCE): Promise<number> {
    const at = this.clock.now();
    const rows: ProfileChangeEntity[] = [];
    for (const [column, next] of Object.entries(changes) as [keyof ProfileChanges, unknown][]) {
      if (column === 'seniorityEdited' || next === undefined || next === person[column]) continue;
      rows.push(changeRow(person.id, column, person[column] as string | null, next as string | null, staffId, source, at));
    }
    if (rows.length === 0 && changes.seniorityEdited === undefined) return 0;
    await this.profileUpdates.write(em, person.id, changes, { page: source });
    if (rows.length > 0) await em.insert(ProfileChangeEntity, rows);
    return rows.length;
  }

  /** Tag changes are profile changes too: one row per tag added (to) or removed (from), and the people's `profile_update`. */
  async recordTags(em: EntityManager, diffs: TagDiff[], staffId: string): Promise<void> {
    const at = this.clock.now();
    const changed = diffs.filter((d) => d.added.length + d.removed.length > 0);
    const rows = changed.flatMap(({ personId, added, removed }) => [
      ...added.map((tag) => changeRow(personId, 'tags', null, tag, staffId, STAFF_EDIT_SOURCE, at)),
      ...removed.map((tag) => changeRow(personId, 'tags', tag, null, staffId, STAFF_EDIT_SOURCE, at)),
    ]);
    for (let i = 0; i < rows.length; i += 500) await em.insert(ProfileChangeEntity, rows.slice(i, i + 500));
    await this.profileUpdates.announce(
      em,
      changed.map((d) => d.personId),
      { page: STAFF_EDIT_SOURCE },
    );
  }
}

function changeRow(personId: string, field: EditableColumn | 'tags', from: string | null, to: string | null, staffId: string, source: string, at: Date): ProfileChangeEntity {
  return { id: newId(at.getTime()), personId, field: field as ProfileChangeField, oldValue: from, newValue: to, source, byStaffId: staffId, createdAt: at };
}
