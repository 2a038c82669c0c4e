import type { DataSource, EntityManager, QueryResult } from 'typeorm';

/** True when the connection is MySQL/MariaDB/TiDB (false: the embedded SQLite). */
export function isMysql(source: DataSource | EntityManager): boolean {
  const type = ('connection' in source ? source.connection : source).options.type;
  return type === 'mysql' || type === 'mariadb';
}

/** ` FORCE INDEX (name)` after a table in a raw query, for MySQL's planner (SQLite's needs no hint). */
export function forceIndexSql(em: EntityManager | DataSource, index: string): string {
  return isMysql(em) ? ` FORCE INDEX (${index})` : '';
}

/** DATETIME(3) literal in UTC, as both dialects store it (better-sqlite3 cannot bind a Date). */
export function sqlTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** A DATETIME a raw query answered: a Date (MySQL) or a UTC string (SQLite). */
export function readTime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

function param(value: unknown): unknown {
  return value instanceof Date ? sqlTime(value) : value;
}

/**
 * `INSERT … ON DUPLICATE KEY UPDATE col = col + new` (MySQL) / `ON CONFLICT … DO UPDATE` (SQLite)
 * for counter rows: adds to existing rows, creates missing ones, in one statement; `setColumns`
 * are overwritten with the new row's values.
 */
export async function upsertAdd(
  em: EntityManager,
  table: string,
  keyColumns: string[],
  addColumns: string[],
  rows: Record<string, unknown>[],
  setColumns: string[] = [],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const placeholders = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
  const params = rows.flatMap((row) => columns.map((c) => param(row[c])));
  const mysql = isMysql(em);
  const incoming = (c: string) => (mysql ? `VALUES(${c})` : `excluded.${c}`);
  const assignments = [...addColumns.map((c) => `${c} = ${c} + ${incoming(c)}`), ...setColumns.map((c) => `${c} = ${incoming(c)}`)].join(', ');
  const updates = mysql ? `ON DUPLICATE KEY UPDATE ${assignments}` : `ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${assignments}`;
  await em.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders} ${updates}`, params);
}

/**
 * `UPDATE … SET column = CASE key WHEN … THEN … END` over many rows in one statement: each row
 * its own value of `column` (`values`: key → value), the same value of every column in `also`,
 * only rows that also meet `onlyWhere` (raw SQL on the table's columns).
 */
export async function updateEach(
  em: EntityManager,
  table: string,
  keyColumn: string,
  column: string,
  values: ReadonlyMap<string, unknown>,
  also: Record<string, unknown> = {},
  onlyWhere?: string,
): Promise<void> {
  if (values.size === 0) return;
  const keys = [...values.keys()];
  const sets = [`${column} = CASE ${keyColumn} ${keys.map(() => 'WHEN ? THEN ?').join(' ')} END`, ...Object.keys(also).map((c) => `${c} = ?`)];
  const params = [...keys.flatMap((k) => [k, param(values.get(k))]), ...Object.values(also).map(param), ...keys];
  await em.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${keyColumn} IN (${keys.map(() => '?').join(', ')})${onlyWhere ? ` AND ${onlyWhere}` : ''}`, params);
}

/**
 * Inserts rows, skipping those whose primary or unique key is already stored, and answers how many
 * were new (null where the database cannot say). Never `INSERT IGNORE`: it also turns a value the
 * column cannot hold into a silent truncation or a zero date; here such a value is an error.
 * With `countResendsIn`, a skipped row adds one to that column (MySQL), which also makes the count
 * exact for a single row: an insert counts one affected row, a changed duplicate two.
 */
export async function insertNew(em: EntityManager | DataSource, table: string, rows: Record<string, unknown>[], options: { countResendsIn?: string } = {}): Promise<number | null> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]);
  const placeholders = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
  const params = rows.flatMap((row) => columns.map((c) => param(row[c])));
  const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders}`;
  if (!isMysql(em)) return (await structuredQuery(em, `${insert} ON CONFLICT DO NOTHING`, params)).affected ?? null;
  const counter = options.countResendsIn;
  const update = counter ? `${counter} = ${counter} + 1` : `${columns[0]} = ${columns[0]}`;
  const result = (await structuredQuery(em, `${insert} ON DUPLICATE KEY UPDATE ${update}`, params)).raw as { affectedRows?: number; info?: string };
  if (counter && typeof result?.affectedRows === 'number') return 2 * rows.length - result.affectedRows;
  // a multi-row insert reports "Records: n  Duplicates: d"
  const duplicates = /Duplicates:\s*(\d+)/.exec(result?.info ?? '');
  return duplicates ? rows.length - Number(duplicates[1]) : null;
}

/** A statement's full result (affected rows, the driver's raw answer), in the caller's transaction if it has one. */
async function structuredQuery(source: EntityManager | DataSource, sql: string, params: unknown[]): Promise<QueryResult> {
  const manager = 'manager' in source ? source.manager : source;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return await runner.query(sql, params, true);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
