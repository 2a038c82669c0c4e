import { Injectable } from '@nestjs/common';
import { seniorityOfTitle } from '@leadloop/shared';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { TickLoader } from '../../database/tick-loader';
import { type IdentifierKind, PersonEntity, PersonIdentifierEntity, PersonMergeEntity } from './identity.entity';

export interface IdentifierKey {
  kind: IdentifierKind;
  appId: string;
  value: string;
}

@Injectable()
export class PersonRepository {
  /** Whether people still exist: the checks of concurrent requests share one statement. */
  private readonly activity = new TickLoader<string, boolean>(async (ids) => {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM persons WHERE erased_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`, ids);
    return new Map(rows.map((r) => [r.id, true]));
  }, false);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The person, unless they erased their data (then, as far as sessions go, they no longer exist). */
  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<PersonEntity | null> {
    return em.findOneBy(PersonEntity, { id, erasedAt: IsNull() });
  }

  /** Those of these people who have not erased their data. */
  findByIds(ids: string[], em: EntityManager = this.dataSource.manager): Promise<PersonEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : em.findBy(PersonEntity, { id: In(ids), erasedAt: IsNull() });
  }

  /** The person's openid in this mini-program (for subscribe messages, payments, msg_sec_check). */
  async openidOf(personId: string, appId: string, em: EntityManager = this.dataSource.manager): Promise<string | null> {
    const row = await em.findOne(PersonIdentifierEntity, { select: { value: true }, where: { personId, kind: 'openid', appId }, order: { createdAt: 'ASC' } });
    return row?.value ?? null;
  }

  /**
   * False once the person erased their data (their sessions end with it). Asked on every
   * authenticated request, so the checks of concurrent requests share one statement.
   */
  isActive(id: string): Promise<boolean> {
    return this.activity.load(id);
  }

  async findPersonIdBy(key: IdentifierKey, em: EntityManager = this.dataSource.manager): Promise<string | null> {
    const row = await em.findOne(PersonIdentifierEntity, { select: { personId: true }, where: { kind: key.kind, appId: key.appId, value: key.value } });
    return row?.personId ?? null;
  }

  /** Creates a person with their identifiers; a unique-key error means one of them is taken. */
  async createWithIdentifiers(em: EntityManager, keys: IdentifierKey[], now = this.clock.now()): Promise<string> {
    const id = newId(now.getTime());
    await em.insert(PersonEntity, {
      id,
      nickname: null,
      phoneEnc: null,
      phoneMasked: null,
      name: null,
      company: null,
      title: null,
      email: null,
      mergedInto: null,
      erasedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.addIdentifiers(em, id, keys, now);
    return id;
  }

  async addIdentifiers(em: EntityManager, personId: string, keys: IdentifierKey[], now = this.clock.now()): Promise<void> {
    if (keys.length === 0) return;
    await em.insert(
      PersonIdentifierEntity,
      keys.map((k) => ({ id: newId(now.getTime()), personId, kind: k.kind, appId: k.appId, value: k.value, createdAt: now })),
    );
  }

  /**
   * Writes profile columns. A new job title moves the derived seniority with it, unless staff set
   * the seniority by hand (`seniority_edited`); callers record the change through `ProfileUpdates`.
   */
  async updateProfile(id: string, changes: Partial<Pick<PersonEntity, ProfileColumn>>, em: EntityManager = this.dataSource.manager): Promise<void> {
    const derived = changes.title !== undefined && changes.seniority === undefined ? seniorityOfTitle(changes.title) : undefined;
    // the derived value is one of the seniority enum's words (or NULL), never user text
    const seniority = derived === undefined ? {} : { seniority: () => `CASE WHEN seniority_edited = 1 THEN seniority ELSE ${derived ? `'${derived}'` : 'NULL'} END` };
    await em.update(PersonEntity, { id }, { ...changes, ...seniority, updatedAt: this.clock.now() });
  }

  /**
   * Folds `mergedId` into `survivorId`: moves its identifiers, marks it merged and records
   * what moved, so the merge can be explained and undone.
   */
  async merge(em: EntityManager, survivorId: string, mergedId: string, matchedKind: IdentifierKind, now = this.clock.now()): Promise<void> {
    const moved = await em.find(PersonIdentifierEntity, { select: { id: true }, where: { personId: mergedId } });
    const ids = moved.map((m) => m.id);
    if (ids.length > 0) await em.update(PersonIdentifierEntity, { id: In(ids) }, { personId: survivorId });
    await em.update(PersonEntity, { id: mergedId }, { mergedInto: survivorId, updatedAt: now });
    await this.fillGaps(em, survivorId, mergedId);
    await em.insert(PersonMergeEntity, {
      id: newId(now.getTime()),
      survivorId,
      mergedId,
      matchedKind,
      movedIdentifiers: JSON.stringify(ids),
      createdAt: now,
      revertedAt: null,
    });
  }

  /** What the merged record knew and the survivor did not (a typed company, say) is kept. */
  private async fillGaps(em: EntityManager, survivorId: string, mergedId: string): Promise<void> {
    const [survivor, merged] = await Promise.all([em.findOneBy(PersonEntity, { id: survivorId }), em.findOneBy(PersonEntity, { id: mergedId })]);
    if (!survivor || !merged) return;
    const gaps = Object.fromEntries(TYPED_FIELDS.filter((f) => survivor[f] === null && merged[f] !== null).map((f) => [f, merged[f]]));
    if (Object.keys(gaps).length > 0) await em.update(PersonEntity, { id: survivorId }, gaps);
  }
}

/** The profile columns a form, a correction or a staff edit may write. */
export type ProfileColumn =
  | 'nickname'
  | 'phoneEnc'
  | 'phoneMasked'
  | 'name'
  | 'company'
  | 'title'
  | 'email'
  | 'industry'
  | 'province'
  | 'city'
  | 'sizeBand'
  | 'department'
  | 'seniority'
  | 'seniorityEdited'
  | 'buyingRole';
const TYPED_FIELDS = ['nickname', 'name', 'company', 'title', 'email', 'industry', 'province', 'city', 'sizeBand', 'department'] as const;
