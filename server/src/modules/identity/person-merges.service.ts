import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type IdentifierConflictList,
  type MergeMatchedKind,
  type MergeMovedKind,
  type MergePersonView,
  type PageQuery,
  type PersonMergeDetail,
  type PersonMergeList,
  type PersonMergeSummary,
  type UnmergeBlocker,
  type UnmergeResponse,
} from '@leadloop/shared';
import { DataSource, type EntityManager, In, IsNull, LessThan, MoreThan, Not } from 'typeorm';
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { IdKey, KeysetCursor } from '../../core/pagination';
import { newId } from '../../database/ids';
import { lockForUpdate } from '../../database/locks';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { IdentifierConflictEntity, PersonEntity, PersonIdentifierEntity, PersonMergeEntity } from './identity.entity';
import { type IdentifierKey, PersonRepository } from './person.repository';
import { STAFF_DIRECTORY, type StaffDirectory } from './staff-directory';

const MergeCursor = new KeysetCursor('persons.merges', z.tuple([IdKey]));
const ConflictCursor = new KeysetCursor('persons.identifier-conflicts', z.tuple([IdKey]));

/** What binding an identifier did: the person it now belongs to, and the merge if there was one. */
export interface Binding {
  personId: string;
  mergeId: string | null;
  /** The identifier belongs to a staff member's person (or the binder is staff): not bound, listed for admins. */
  refusedForStaff: boolean;
}

/**
 * An identifier would have merged a staff member's person: thrown out of the binding's
 * transaction (so nothing of it is kept) and recorded afterwards by `recordingConflicts`.
 */
class StaffIdentifierRefused extends AppError {
  constructor(readonly conflict: Omit<IdentifierConflictEntity, 'id' | 'createdAt' | 'resolvedAt' | 'resolvedBy'>) {
    super('IDENTIFIER_BELONGS_TO_STAFF', 'This identifier belongs to a staff member; an admin must resolve it');
  }
}

/**
 * Person merges: two records found to be one human through a phone, an email or a CRM id are
 * folded into the one already holding it. Every module moves its rows through the
 * `PersonMergeRegistry` and the merge journal records each step, so an admin can undo a merge
 * exactly — or is told precisely which rows stop it. Staff persons are never merged
 * automatically: the identifier is refused and listed for an admin.
 */
@Injectable()
export class PersonMerges {
  private readonly logger = new Logger(PersonMerges.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly persons: PersonRepository,
    private readonly registry: PersonMergeRegistry,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
    private readonly clock: Clock,
  ) {}

  /**
   * Binds the identifier to the person, inside the caller's transaction. When another record
   * holds it, the person is merged into that record (matched on `kind`). With `onStaff:
   * 'refuse'` a staff conflict throws IDENTIFIER_BELONGS_TO_STAFF (run the transaction through
   * `recordingConflicts`); with 'skip' it is recorded here and the identifier left unbound.
   */
  async bind(em: EntityManager, personId: string, key: IdentifierKey, kind: MergeMatchedKind, onStaff: 'refuse' | 'skip'): Promise<Binding> {
    const owner = await this.persons.findPersonIdBy(key, em);
    if (owner === personId) return { personId, mergeId: null, refusedForStaff: false };
    if (owner === null) {
      await this.persons.addIdentifiers(em, personId, [key]);
      return { personId, mergeId: null, refusedForStaff: false };
    }
    const conflict = await this.staffConflict(em, kind, owner, personId);
    if (conflict) {
      if (onStaff === 'refuse') throw new StaffIdentifierRefused(conflict);
      await this.recordConflict(em, conflict);
      return { personId, mergeId: null, refusedForStaff: true };
    }
    // an admin undid a merge of these two: the same evidence does not merge them again
    if (await this.keptApart(em, owner, personId)) return { personId, mergeId: null, refusedForStaff: false };
    const mergeId = await this.merge(em, owner, personId, kind);
    return { personId: owner, mergeId, refusedForStaff: false };
  }

  /** Runs a binding transaction; a staff refusal thrown out of it is recorded (after its rollback) and rethrown. */
  async recordingConflicts<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StaffIdentifierRefused) await this.recordConflict(this.dataSource.manager, error.conflict);
      throw error;
    }
  }

  /**
   * Folds `mergedId` into `survivorId` in the caller's transaction: every module moves its rows
   * (journaled), the merge is recorded with its evidence and counts. Merging a record already
   * merged into this survivor answers that merge (a replayed bind merges once).
   */
  async merge(em: EntityManager, survivorId: string, mergedId: string, kind: MergeMatchedKind): Promise<string> {
    const [survivor, merged] = await this.lockPersons(em, survivorId, mergedId);
    if (!survivor || !merged || survivor.erasedAt || merged.erasedAt) throw new AppError('PERSON_NOT_FOUND', 'No such person');
    if (merged.mergedInto === survivorId) {
      // a locking read: a double tap that waited for the first one's lock sees its merge
      const existing = await lockForUpdate(
        em.createQueryBuilder(PersonMergeEntity, 'm').where('m.survivor_id = :survivorId AND m.merged_id = :mergedId AND m.reverted_at IS NULL', { survivorId, mergedId }),
      ).getOne();
      if (existing) return existing.id;
    }
    if (survivorId === mergedId || survivor.mergedInto || merged.mergedInto) throw new AppError('CONFLICT', 'These person records cannot be merged');
    if ((await this.staff.findByPerson(survivorId, em)) || (await this.staff.findByPerson(mergedId, em))) {
      throw new AppError('IDENTIFIER_BELONGS_TO_STAFF', 'A staff member’s person is never merged automatically');
    }
    const now = this.clock.now();
    const id = newId(now.getTime());
    const identifiers = await em.find(PersonIdentifierEntity, { select: { id: true }, where: { personId: mergedId } });
    await em.insert(PersonMergeEntity, {
      id,
      survivorId,
      mergedId,
      matchedKind: kind,
      movedIdentifiers: JSON.stringify(identifiers.map((i) => i.id)),
      movedCounts: null,
      createdAt: now,
      revertedAt: null,
      revertedBy: null,
    });
    const counts = await this.registry.moveAll(em, id, mergedId, survivorId, now);
    await em.update(PersonMergeEntity, { id }, { movedCounts: JSON.stringify(counts) });
    this.logger.log(`Merged person ${mergedId} into ${survivorId} (matched by ${kind}, merge ${id})`);
    return id;
  }

  /** Undoes a merge exactly, or refuses with UNMERGE_NOT_EXACT naming what blocks it. */
  async unmerge(mergeId: string, byStaffId: string | null): Promise<UnmergeResponse> {
    const at = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      const merge = await lockForUpdate(em.createQueryBuilder(PersonMergeEntity, 'm').where('m.id = :mergeId', { mergeId })).getOne();
      if (!merge) throw new AppError('MERGE_NOT_FOUND', 'No such merge');
      await this.lockPersons(em, merge.survivorId, merge.mergedId);
      const blockers = await this.blockersOf(em, merge);
      if (blockers.length > 0) throw new AppError('UNMERGE_NOT_EXACT', 'This merge cannot be undone exactly', { blockers });
      await this.registry.undo(em, merge.id);
      await em.update(PersonMergeEntity, { id: merge.id }, { revertedAt: at, revertedBy: byStaffId });
    });
    this.logger.log(`Merge ${mergeId} undone`);
    return { unmerged: true, revertedAt: at.toISOString() };
  }

  async list(query: PageQuery): Promise<PersonMergeList> {
    const before = MergeCursor.decode(query.cursor)?.[0];
    const rows = await this.dataSource.manager.find(PersonMergeEntity, {
      where: before ? { id: LessThan(before) } : {},
      order: { id: 'DESC' },
      take: query.limit + 1,
    });
    const { items, nextCursor } = MergeCursor.page(rows, query.limit, (r) => [r.id]);
    const views = await this.viewsOf(items.flatMap((m) => [m.survivorId, m.mergedId]));
    return { items: items.map((m) => this.summaryOf(m, views)), nextCursor };
  }

  async detail(mergeId: string): Promise<PersonMergeDetail> {
    const merge = await this.dataSource.manager.findOneBy(PersonMergeEntity, { id: mergeId });
    if (!merge) throw new AppError('MERGE_NOT_FOUND', 'No such merge');
    const views = await this.viewsOf([merge.survivorId, merge.mergedId]);
    return { ...this.summaryOf(merge, views), blockers: await this.blockersOf(this.dataSource.manager, merge) };
  }

  /** Open conflicts (identifiers refused for staff), newest first. */
  async conflicts(query: PageQuery): Promise<IdentifierConflictList> {
    const before = ConflictCursor.decode(query.cursor)?.[0];
    const rows = await this.dataSource.manager.find(IdentifierConflictEntity, {
      where: { resolvedAt: IsNull(), ...(before ? { id: LessThan(before) } : {}) },
      order: { id: 'DESC' },
      take: query.limit + 1,
    });
    const { items, nextCursor } = ConflictCursor.page(rows, query.limit, (r) => [r.id]);
    const views = await this.viewsOf(items.flatMap((c) => [c.staffPersonId, c.otherPersonId]));
    const staffNames = new Map<string, string>();
    for (const c of items) {
      const account = await this.staff.findByPerson(c.staffPersonId, this.dataSource.manager);
      staffNames.set(c.staffPersonId, account?.name ?? '已离职员工');
    }
    return {
      items: items.map((c) => ({
        id: c.id,
        kind: c.kind,
        staff: { name: staffNames.get(c.staffPersonId) ?? '员工' },
        other: views.get(c.otherPersonId) ?? UNKNOWN,
        boundBy: c.boundBy,
        createdAt: c.createdAt.toISOString(),
      })),
      nextCursor,
    };
  }

  async resolveConflict(id: string, byStaffId: string | null): Promise<{ resolved: true }> {
    const result = await this.dataSource.manager.update(IdentifierConflictEntity, { id, resolvedAt: IsNull() }, { resolvedAt: this.clock.now(), resolvedBy: byStaffId });
    if (!result.affected) throw new AppError('IDENTIFIER_CONFLICT_NOT_FOUND', 'No such open conflict');
    return { resolved: true };
  }

  /** Why undoing this merge now would not be exact (empty when it would be). */
  private async blockersOf(em: EntityManager, merge: PersonMergeEntity): Promise<UnmergeBlocker[]> {
    const mine = (reason: UnmergeBlocker['reason'], rows = 1): UnmergeBlocker => ({ module: 'identity', table: 'persons', reason, rows });
    if (merge.revertedAt) return [mine('already_reverted')];
    const blockers: UnmergeBlocker[] = [];
    const persons = await em.findBy(PersonEntity, { id: In([merge.survivorId, merge.mergedId]) });
    const erased = persons.filter((p) => p.erasedAt !== null).length + (2 - persons.length);
    if (erased > 0) blockers.push(mine('person_erased', erased));
    const later = await em.count(PersonMergeEntity, {
      where: [
        { id: MoreThan(merge.id), revertedAt: IsNull(), mergedId: In([merge.survivorId, merge.mergedId]) },
        { id: MoreThan(merge.id), revertedAt: IsNull(), survivorId: merge.mergedId },
      ],
    });
    if (later > 0) blockers.push({ module: 'identity', table: 'person_merges', reason: 'later_merge', rows: later });
    return [...blockers, ...(await this.registry.check(em, merge.id))];
  }

  /** Whether an admin undid a merge of these two records (either way round). */
  private async keptApart(em: EntityManager, a: string, b: string): Promise<boolean> {
    const undone = await em.count(PersonMergeEntity, {
      where: [
        { survivorId: a, mergedId: b, revertedAt: Not(IsNull()) },
        { survivorId: b, mergedId: a, revertedAt: Not(IsNull()) },
      ],
    });
    return undone > 0;
  }

  /** Both person rows locked, in id order (so two merges of the same pair cannot deadlock). */
  private async lockPersons(em: EntityManager, a: string, b: string): Promise<[PersonEntity | undefined, PersonEntity | undefined]> {
    const rows = await lockForUpdate(em.createQueryBuilder(PersonEntity, 'p').where('p.id IN (:...ids)', { ids: [a, b] }).orderBy('p.id', 'ASC')).getMany();
    return [rows.find((p) => p.id === a), rows.find((p) => p.id === b)];
  }

  /** The staff side of a would-be merge, when either person is a staff member's. */
  private async staffConflict(em: EntityManager, kind: MergeMatchedKind, owner: string, binder: string): Promise<StaffIdentifierRefused['conflict'] | null> {
    if (await this.staff.findByPerson(owner, em)) return { kind, staffPersonId: owner, otherPersonId: binder, boundBy: 'other' };
    if (await this.staff.findByPerson(binder, em)) return { kind, staffPersonId: binder, otherPersonId: owner, boundBy: 'staff' };
    return null;
  }

  /** Listed once while open (a replayed bind adds nothing); logged without the identifier's value. */
  private async recordConflict(em: EntityManager, conflict: StaffIdentifierRefused['conflict']): Promise<void> {
    const open = await em.findOneBy(IdentifierConflictEntity, { ...conflict, resolvedAt: IsNull() });
    if (open) return;
    const now = this.clock.now();
    await em.insert(IdentifierConflictEntity, { id: newId(now.getTime()), ...conflict, createdAt: now, resolvedAt: null, resolvedBy: null });
    this.logger.warn(`Refused a ${conflict.kind} that would merge staff person ${conflict.staffPersonId} with person ${conflict.otherPersonId}; listed for admins`);
  }

  private async viewsOf(ids: string[]): Promise<Map<string, MergePersonView>> {
    const rows = ids.length === 0 ? [] : await this.dataSource.manager.find(PersonEntity, { where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((p) => [p.id, viewOf(p)]));
  }

  private summaryOf(m: PersonMergeEntity, views: Map<string, MergePersonView>): PersonMergeSummary {
    return {
      id: m.id,
      survivor: views.get(m.survivorId) ?? UNKNOWN,
      merged: views.get(m.mergedId) ?? UNKNOWN,
      matchedKind: m.matchedKind,
      createdAt: m.createdAt.toISOString(),
      revertedAt: m.revertedAt?.toISOString() ?? null,
      moved: m.movedCounts ? (JSON.parse(m.movedCounts) as Partial<Record<MergeMovedKind, number>>) : {},
    };
  }
}

const UNKNOWN: MergePersonView = { displayName: '未知用户', phoneMasked: null };

/** How an admin recognises a person: their name, else nickname, else masked phone; never an id. */
function viewOf(p: PersonEntity): MergePersonView {
  if (p.erasedAt) return { displayName: '已删除数据的用户', phoneMasked: null };
  return { displayName: p.name ?? p.nickname ?? p.phoneMasked ?? '未留名访客', phoneMasked: p.phoneMasked };
}
