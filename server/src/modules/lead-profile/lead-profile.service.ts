import { Injectable } from '@nestjs/common';
import { type BulkTagRequest, type BulkTagResponse, type LeadProfile, type LeadProfileEdit, MAX_TAGS_PER_PERSON, seniorityOfTitle } from '@leadloop/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { insertNew } from '../../database/sql';
import { AccountEntity } from '../accounts/accounts.entity';
import type { PersonEntity } from '../identity/identity.entity';
import { PersonRepository } from '../identity/person.repository';
import type { ProfileChanges } from '../identity/profile-updates';
import { LeadAccess } from '../leads/lead-access';
import { LeadEntity, PersonTagEntity } from '../leads/leads.entity';
import { StaffEntity } from '../staff/staff.entity';
import { ProfileChangeEntity } from '../profile/profile.entity';
import { StaffProfileEdits, type TagDiff } from '../profile/staff-edits';
import { viewOf } from '../profile/profile-gate';

const RECENT_CHANGES = 20;

/**
 * The staff side of a lead's profile: read it with its tags, account and last changes; edit it
 * (each field recorded with who changed it); tag one lead or many. Access is the lead's
 * (`LeadAccess`): the pool for marketers and admins, own leads for everyone else.
 */
@Injectable()
export class LeadProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly persons: PersonRepository,
    private readonly edits: StaffProfileEdits,
    private readonly clock: Clock,
  ) {}

  async view(auth: AuthContext, personId: string): Promise<LeadProfile> {
    await this.access.readable(auth, personId);
    return this.read(this.dataSource.manager, personId);
  }

  async edit(auth: AuthContext, personId: string, body: LeadProfileEdit): Promise<LeadProfile> {
    await this.dataSource.transaction(async (em) => {
      await this.access.readable(auth, personId, em);
      const person = await this.person(em, personId);
      await this.edits.apply(em, person, changesOf(person, body), auth.staff!.id);
    });
    return this.read(this.dataSource.manager, personId);
  }

  /** Replaces one lead's tags. */
  async setTags(auth: AuthContext, personId: string, tags: string[]): Promise<LeadProfile> {
    await this.dataSource.transaction(async (em) => {
      await this.access.readable(auth, personId, em);
      const current = (await em.find(PersonTagEntity, { where: { personId } })).map((t) => t.tag);
      const diff = { personId, added: tags.filter((t) => !current.includes(t)), removed: current.filter((t) => !tags.includes(t)) };
      await this.writeTags(em, [diff], auth.staff!.id);
    });
    return this.read(this.dataSource.manager, personId);
  }

  /** Adds and removes tags on up to 100 leads, all of which the caller must be allowed to see (else nothing changes). */
  async bulkTags(auth: AuthContext, body: BulkTagRequest): Promise<BulkTagResponse> {
    return this.dataSource.transaction(async (em) => {
      await this.requireAllReadable(em, auth, body.personIds);
      const existing = await em.find(PersonTagEntity, { where: { personId: In(body.personIds) } });
      const diffs = body.personIds.map((personId): TagDiff => {
        const current = existing.filter((t) => t.personId === personId).map((t) => t.tag);
        return {
          personId,
          added: body.add.filter((t) => !current.includes(t) && !body.remove.includes(t)),
          removed: body.remove.filter((t) => current.includes(t)),
        };
      });
      await this.writeTags(em, diffs, auth.staff!.id);
      return { updated: diffs.filter((d) => d.added.length + d.removed.length > 0).length };
    });
  }

  private async writeTags(em: EntityManager, diffs: TagDiff[], staffId: string): Promise<void> {
    const at = this.clock.now();
    for (const d of diffs) {
      if (d.removed.length > 0) await em.delete(PersonTagEntity, { personId: d.personId, tag: In(d.removed) });
    }
    const rows = diffs.flatMap((d) => d.added.map((tag) => ({ person_id: d.personId, tag, by_staff_id: staffId, created_at: at })));
    if (rows.length > 0) await insertNew(em, 'person_tags', rows);
    // counted after the writes, inside the transaction: a refused change keeps nothing
    const counts = await this.tagCounts(em, diffs.map((d) => d.personId));
    const over = [...counts].filter(([, n]) => n > MAX_TAGS_PER_PERSON).map(([id]) => id);
    if (over.length > 0) throw tagLimit(over);
    await this.edits.recordTags(em, diffs, staffId);
  }

  /** LEAD_NOT_FOUND for a person who is no lead, LEAD_NOT_YOURS for another salesperson's (with the ids). */
  private async requireAllReadable(em: EntityManager, auth: AuthContext, personIds: string[]): Promise<void> {
    const scope = this.access.scopeOf(auth);
    const leads = await em.find(LeadEntity, { select: { personId: true, ownerStaffId: true }, where: { personId: In(personIds) } });
    const found = new Set(leads.map((l) => l.personId));
    const missing = personIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw new AppError('LEAD_NOT_FOUND', 'Some of these are not leads', { personIds: missing });
    if (scope.all) return;
    const foreign = leads.filter((l) => l.ownerStaffId !== scope.ownerStaffId).map((l) => l.personId);
    if (foreign.length > 0) throw new AppError('LEAD_NOT_YOURS', 'Some of these leads belong to another salesperson', { personIds: foreign });
  }

  private async tagCounts(em: EntityManager, personIds: string[]): Promise<Map<string, number>> {
    const rows: { person_id: string; n: string | number }[] = await em
      .createQueryBuilder(PersonTagEntity, 't')
      .select('t.person_id', 'person_id')
      .addSelect('COUNT(*)', 'n')
      .where('t.person_id IN (:...ids)', { ids: personIds })
      .groupBy('t.person_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
  }

  private async person(em: EntityManager, personId: string): Promise<PersonEntity> {
    const person = await this.persons.findById(personId, em);
    if (!person) throw new AppError('LEAD_NOT_FOUND', 'No such lead');
    return person;
  }

  private async read(em: EntityManager, personId: string): Promise<LeadProfile> {
    const person = await this.person(em, personId);
    const [tags, account, changes] = await Promise.all([
      em.find(PersonTagEntity, { where: { personId }, order: { createdAt: 'ASC', tag: 'ASC' } }),
      person.accountId ? em.findOneBy(AccountEntity, { id: person.accountId }) : null,
      em.find(ProfileChangeEntity, { where: { personId }, order: { createdAt: 'DESC', id: 'DESC' }, take: RECENT_CHANGES }),
    ]);
    const staffIds = [...new Set(changes.flatMap((c) => (c.byStaffId ? [c.byStaffId] : [])))];
    const staff = staffIds.length > 0 ? await em.find(StaffEntity, { select: { id: true, name: true }, where: { id: In(staffIds) } }) : [];
    const names = new Map(staff.map((s) => [s.id, s.name]));
    const { phoneMasked: _, ...view } = viewOf(person);
    return {
      personId,
      ...view,
      seniority: person.seniority,
      seniorityEdited: person.seniorityEdited === 1,
      buyingRole: person.buyingRole,
      account: account ? { id: account.id, name: account.name } : null,
      tags: tags.map((t) => t.tag),
      changes: changes.map((c) => ({
        field: c.field,
        from: c.oldValue,
        to: c.newValue,
        at: c.createdAt.toISOString(),
        by: c.byStaffId ? (names.get(c.byStaffId) ?? '已离开的成员') : null,
      })),
    };
  }
}

/** The columns an edit writes: a set seniority sticks (`seniority_edited`); a cleared one follows the title again. */
function changesOf(person: PersonEntity, body: LeadProfileEdit): ProfileChanges {
  const { seniority, ...fields } = body;
  const changes: ProfileChanges = { ...fields };
  if (seniority === null) {
    changes.seniority = seniorityOfTitle(body.title !== undefined ? body.title : person.title);
    changes.seniorityEdited = 0;
  } else if (seniority !== undefined) {
    changes.seniority = seniority;
    changes.seniorityEdited = 1;
  }
  return changes;
}

function tagLimit(personIds: string[]): AppError {
  return new AppError('TAG_LIMIT_REACHED', `A lead has at most ${MAX_TAGS_PER_PERSON} tags`, { personIds });
}
