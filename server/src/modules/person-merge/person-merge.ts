import { Global, Injectable, Module } from '@nestjs/common';
import type { MergeMovedKind, UnmergeBlocker } from '@leadloop/shared';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { newId } from '../../database/ids';
import { type JournalOp, MergeJournalEntity } from './merge-journal.entity';

/**
 * A feature's share of a person merge: how its rows keyed by person id follow the merged record
 * into the survivor. Every change goes through the `MergeStep` it is handed, which writes it to
 * the merge journal, so unmerge can check and undo it without the feature's help. Features
 * register one at onModuleInit (as they do with PersonDataRegistry), so identity, which runs the
 * merge, never depends on them.
 */
export interface PersonMergeContributor {
  /** Unique key, e.g. `leads`; journal rows carry it so a refused unmerge names the module. */
  module: string;
  move(step: MergeStep): Promise<void>;
}

export type Key = string | number;

export interface ReassignSpec {
  table: string;
  /** The column naming the person (`person_id`, `sharer_person_id`, `source_key`…). */
  column: string;
  /** The other columns that, with `column`, identify a row (`['id']`; `[]` when the person is the whole key). */
  keyColumns: string[];
  /**
   * When a unique key is (`column`, …uniqueWith): a merged row whose twin the survivor already
   * has stays with the merged record (journaled as kept), and is returned so the caller can
   * combine it. Deterministic: the survivor's row always wins.
   */
  uniqueWith?: string[];
  /** Only rows that also meet this condition on the table (aliased `f`), e.g. orders of the sign-ups that moved. */
  where?: { sql: string; params: Key[] };
  /** Defaults: the merged and surviving person ids; `p:<id>`-style keys pass their own. */
  from?: string;
  to?: string;
  /** Counted under this kind in the merge's summary (what moved). */
  kind?: MergeMovedKind;
}

/** One contributor's view of one merge, with the journaled operations it may use. */
export interface MergeStep {
  readonly em: EntityManager;
  readonly mergeId: string;
  readonly fromId: string;
  readonly toId: string;
  /** Re-points the merged record's rows to the survivor; answers the rows left behind (unique-key twins). */
  reassign(spec: ReassignSpec): Promise<{ moved: number; kept: Key[][] }>;
  /** Changes one row, journaling the changed columns' values before and after. */
  update<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>, changes: Partial<T>): Promise<void>;
  /** Removes one row, journaling all of it. */
  remove<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>): Promise<void>;
  /** Records the row as it is now: unmerge is refused if it changed since (a row moved whole). */
  guard<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>): Promise<void>;
  count(kind: MergeMovedKind, n: number): void;
}

/** How a journaled value is stored: instants tagged, so they come back as instants (JSON columns keep their value). */
type Plain = string | number | boolean | null | { $d: string } | object;

const CHUNK = 200;
const KEYS_PER_ENTRY = 500;

@Injectable()
export class PersonMergeRegistry {
  private readonly contributors = new Map<string, PersonMergeContributor>();

  register(contributor: PersonMergeContributor): void {
    if (this.contributors.has(contributor.module)) throw new Error(`Merge contributor ${contributor.module} is registered twice`);
    this.contributors.set(contributor.module, contributor);
  }

  modules(): string[] {
    return [...this.contributors.keys()];
  }

  /** Every contributor moves its rows, in the caller's transaction; answers the counts per kind. */
  async moveAll(em: EntityManager, mergeId: string, fromId: string, toId: string, at: Date): Promise<Partial<Record<MergeMovedKind, number>>> {
    const journal = new JournalWriter(em, mergeId, at);
    for (const contributor of this.contributors.values()) await contributor.move(journal.stepFor(contributor.module, fromId, toId));
    await journal.flush();
    return journal.counts;
  }

  /** What stops the merge's undo from being exact (empty: it can be undone). */
  async check(em: EntityManager, mergeId: string): Promise<UnmergeBlocker[]> {
    const blockers: UnmergeBlocker[] = [];
    for (const entry of await entriesOf(em, mergeId)) {
      const blocker = await checkEntry(em, entry);
      if (blocker) blockers.push(blocker);
    }
    return blockers;
  }

  /** Undoes every journaled step, newest first (call `check` first, in the same transaction). */
  async undo(em: EntityManager, mergeId: string): Promise<void> {
    for (const entry of (await entriesOf(em, mergeId)).reverse()) await undoEntry(em, entry);
  }
}

/** The registry alone; global, so every feature can contribute without importing identity. */
@Global()
@Module({ providers: [PersonMergeRegistry], exports: [PersonMergeRegistry] })
export class PersonMergeModule {}

interface ReassignBody {
  column: string;
  from: string;
  to: string;
  keyColumns: string[];
  keys: Key[][];
}
interface UpdateBody {
  key: Record<string, Plain>;
  before: Record<string, Plain>;
  after: Record<string, Plain>;
}
interface RowBody {
  key: Record<string, Plain>;
  row: Record<string, Plain>;
}

class JournalWriter {
  readonly counts: Partial<Record<MergeMovedKind, number>> = {};
  private seq = 0;
  private pending: MergeJournalEntity[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly mergeId: string,
    private readonly at: Date,
  ) {}

  stepFor(module: string, fromId: string, toId: string): MergeStep {
    const { em, mergeId } = this;
    const write = (op: JournalOp, tableName: string, body: unknown) => this.write(module, op, tableName, body);
    const count = (kind: MergeMovedKind, n: number) => {
      if (n > 0) this.counts[kind] = (this.counts[kind] ?? 0) + n;
    };
    return {
      em,
      mergeId,
      fromId,
      toId,
      count,
      reassign: async (spec) => {
        const from = spec.from ?? fromId;
        const to = spec.to ?? toId;
        const cols = spec.keyColumns;
        const select = cols.length === 0 ? '1 AS one' : cols.map((c) => `f.\`${c}\``).join(', ');
        const filter = spec.where ? ` AND (${spec.where.sql})` : '';
        const rows: Record<string, Key>[] = await em.query(`SELECT ${select} FROM \`${spec.table}\` f WHERE f.\`${spec.column}\` = ?${filter}`, [from, ...(spec.where?.params ?? [])]);
        let twins: Record<string, Key>[] = [];
        if (spec.uniqueWith && rows.length > 0) {
          const on = spec.uniqueWith.map((c) => `s.\`${c}\` = f.\`${c}\``).join(' AND ');
          twins = await em.query(`SELECT ${select} FROM \`${spec.table}\` f JOIN \`${spec.table}\` s ON s.\`${spec.column}\` = ? AND ${on} WHERE f.\`${spec.column}\` = ?${filter}`, [
            to,
            from,
            ...(spec.where?.params ?? []),
          ]);
        }
        const tuple = (r: Record<string, Key>) => cols.map((c) => r[c]);
        const kept = twins.map(tuple);
        const keptSet = new Set(kept.map((k) => JSON.stringify(k)));
        const moving = rows.map(tuple).filter((k) => !keptSet.has(JSON.stringify(k)));
        for (let i = 0; i < moving.length; i += CHUNK) {
          const chunk = moving.slice(i, i + CHUNK);
          const where = keyCondition(cols, chunk);
          await em.query(`UPDATE \`${spec.table}\` SET \`${spec.column}\` = ? WHERE \`${spec.column}\` = ?${where.sql}`, [to, from, ...where.params]);
        }
        for (let i = 0; i < moving.length; i += KEYS_PER_ENTRY) {
          write('reassign', spec.table, { column: spec.column, from, to, keyColumns: cols, keys: moving.slice(i, i + KEYS_PER_ENTRY) } satisfies ReassignBody);
        }
        if (kept.length > 0) write('kept', spec.table, { column: spec.column, keyColumns: cols, keys: kept });
        if (spec.kind) count(spec.kind, moving.length);
        return { moved: moving.length, kept };
      },
      update: async (entity, key, changes) => {
        const meta = em.connection.getMetadata(entity);
        const row = await em.findOneBy(entity, key);
        if (!row) throw new Error(`Merge: no ${meta.tableName} row to update`);
        const props = Object.keys(changes);
        write('update', meta.tableName, { key: freezeAll(key), before: pick(row, props), after: freezeAll(changes) } satisfies UpdateBody);
        await em.update(entity, key, changes as never);
      },
      remove: async (entity, key) => {
        const meta = em.connection.getMetadata(entity);
        const row = await em.findOneBy(entity, key);
        if (!row) return;
        write('delete', meta.tableName, { key: freezeAll(key), row: pick(row, propsOf(meta)) } satisfies RowBody);
        await em.delete(entity, key);
      },
      guard: async (entity, key) => {
        const meta = em.connection.getMetadata(entity);
        const row = await em.findOneBy(entity, key);
        if (row) write('guard', meta.tableName, { key: freezeAll(key), row: pick(row, propsOf(meta)) } satisfies RowBody);
      },
    };
  }

  private write(module: string, op: JournalOp, tableName: string, body: unknown): void {
    this.pending.push({ id: newId(this.at.getTime()), mergeId: this.mergeId, seq: this.seq++, module, op, tableName, body: JSON.stringify(body) });
  }

  async flush(): Promise<void> {
    for (let i = 0; i < this.pending.length; i += 100) await this.em.insert(MergeJournalEntity, this.pending.slice(i, i + 100));
    this.pending = [];
  }
}

function entriesOf(em: EntityManager, mergeId: string): Promise<MergeJournalEntity[]> {
  return em.find(MergeJournalEntity, { where: { mergeId }, order: { seq: 'ASC' } });
}

async function checkEntry(em: EntityManager, entry: MergeJournalEntity): Promise<UnmergeBlocker | null> {
  const blocker = (reason: UnmergeBlocker['reason'], rows: number): UnmergeBlocker => ({ module: entry.module, table: entry.tableName, reason, rows });
  switch (entry.op) {
    case 'reassign': {
      const body = JSON.parse(entry.body) as ReassignBody;
      let found = 0;
      for (let i = 0; i < body.keys.length; i += CHUNK) {
        const where = keyCondition(body.keyColumns, body.keys.slice(i, i + CHUNK));
        const [{ n }]: { n: number | string }[] = await em.query(`SELECT COUNT(*) AS n FROM \`${entry.tableName}\` WHERE \`${body.column}\` = ?${where.sql}`, [body.to, ...where.params]);
        found += Number(n);
      }
      return found === body.keys.length ? null : blocker('row_gone', body.keys.length - found);
    }
    case 'update': {
      const body = JSON.parse(entry.body) as UpdateBody;
      const row = await em.findOneBy(targetOf(em, entry.tableName), thawAll(body.key));
      return row && same(pick(row, Object.keys(body.after)), body.after) ? null : blocker('row_changed', 1);
    }
    case 'guard': {
      const body = JSON.parse(entry.body) as RowBody;
      const row = await em.findOneBy(targetOf(em, entry.tableName), thawAll(body.key));
      return row && same(pick(row, Object.keys(body.row)), body.row) ? null : blocker('row_changed', 1);
    }
    case 'delete': {
      const body = JSON.parse(entry.body) as RowBody;
      const taken = await em.findOneBy(targetOf(em, entry.tableName), thawAll(body.key));
      return taken ? blocker('row_taken', 1) : null;
    }
    default:
      return null;
  }
}

async function undoEntry(em: EntityManager, entry: MergeJournalEntity): Promise<void> {
  switch (entry.op) {
    case 'reassign': {
      const body = JSON.parse(entry.body) as ReassignBody;
      for (let i = 0; i < body.keys.length; i += CHUNK) {
        const where = keyCondition(body.keyColumns, body.keys.slice(i, i + CHUNK));
        await em.query(`UPDATE \`${entry.tableName}\` SET \`${body.column}\` = ? WHERE \`${body.column}\` = ?${where.sql}`, [body.from, body.to, ...where.params]);
      }
      return;
    }
    case 'update': {
      const body = JSON.parse(entry.body) as UpdateBody;
      await em.update(targetOf(em, entry.tableName), thawAll(body.key), thawAll(body.before));
      return;
    }
    case 'delete': {
      const body = JSON.parse(entry.body) as RowBody;
      await em.insert(targetOf(em, entry.tableName), thawAll(body.row));
      return;
    }
    default:
      return;
  }
}

/** ` AND …` selecting these rows by their key columns (nothing when the person is the whole key). */
function keyCondition(cols: string[], keys: Key[][]): { sql: string; params: Key[] } {
  if (cols.length === 0) return { sql: '', params: [] };
  if (cols.length === 1) return { sql: ` AND \`${cols[0]}\` IN (${keys.map(() => '?').join(', ')})`, params: keys.map((k) => k[0]) };
  const one = `(${cols.map((c) => `\`${c}\` = ?`).join(' AND ')})`;
  return { sql: ` AND (${keys.map(() => one).join(' OR ')})`, params: keys.flat() };
}

function targetOf(em: EntityManager, table: string): EntityTarget<ObjectLiteral> {
  const meta = em.connection.entityMetadatas.find((m) => m.tableName === table);
  if (!meta) throw new Error(`Merge journal names table ${table}, which has no entity`);
  return meta.target;
}

function propsOf(meta: EntityMetadata): string[] {
  return meta.columns.map((c) => c.propertyName);
}

function freeze(value: unknown): Plain {
  if (value instanceof Date) return { $d: value.toISOString() };
  return value === undefined ? null : (value as Plain);
}

function thaw(value: Plain): unknown {
  return isInstant(value) ? new Date(value.$d) : value;
}

/** A tagged instant; any other object is a column's own JSON value (a transformer's), kept as it is. */
function isInstant(value: unknown): value is { $d: string } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { $d?: unknown }).$d === 'string';
}

function freezeAll(values: object): Record<string, Plain> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, freeze(v)]));
}

function thawAll(values: Record<string, Plain>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, thaw(v)]));
}

function pick(row: ObjectLiteral, props: string[]): Record<string, Plain> {
  return Object.fromEntries(props.map((p) => [p, freeze(row[p])]));
}

function same(a: Record<string, Plain>, b: Record<string, Plain>): boolean {
  return Object.keys(b).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
