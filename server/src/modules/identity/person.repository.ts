import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { TickLoader } from '../../database/tick-loader';
import { type IdentifierKind, PersonEntity, PersonIdentifierEntity } from './identity.entity';

export interface IdentifierKey {
  kind: IdentifierKind;
  appId: string;
  value: string;
}

@Injectable()
export class PersonRepository {
  /** Whether people still exist, and whom a merged record now is: the checks of concurrent requests share one statement. */
  private readonly activity = new TickLoader<string, string | null>(async (ids) => {
    const rows: { id: string; merged_into: string | null }[] = await this.dataSource.query(
      `SELECT id, merged_into FROM persons WHERE erased_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return new Map(rows.map((r) => [r.id, r.merged_into ?? r.id]));
  }, null);

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
   * The person a session for `id` acts as: itself, or the record it was merged into (a merge
   * keeps the merged record's sessions working, as the same human; an unmerge gives them back);
   * null once the person erased their data (their sessions end with it). Asked on every
   * authenticated request, so the checks of concurrent requests share one statement.
   */
  async currentId(id: string): Promise<string | null> {
    let current = id;
    // merges chain (a survivor merged again later); a handful of hops at most in practice
    for (let hop = 0; hop < 8; hop++) {
      const next = await this.activity.load(current);
      if (next === null || next === current) return next;
      current = next;
    }
    return null;
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

  async updateProfile(id: string, changes: Partial<Pick<PersonEntity, ProfileColumn>>, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.update(PersonEntity, { id }, { ...changes, updatedAt: this.clock.now() });
  }
}

type ProfileColumn = 'nickname' | 'phoneEnc' | 'phoneMasked' | 'name' | 'company' | 'title' | 'email';
