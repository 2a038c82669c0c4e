import type { DataSource, EntityManager } from 'typeorm';

/** True when the connection is MySQL/MariaDB/TiDB (false: the embedded SQLite). */
export function isMysql(source: DataSource | EntityManager): boolean {
  const type = ('connection' in source ? source.connection : source).options.type;
  return type === 'mysql' || type === 'mariadb';
}

/** DATETIME(3) literal in UTC, as both dialects store it (better-sqlite3 cannot bind a Date). */
export function sqlTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
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

/** `INSERT IGNORE` (MySQL) / `INSERT OR IGNORE` (SQLite) of many rows; answers how many were new. */
export async function insertIgnore(em: EntityManager | DataSource, table: string, rows: Record<string, unknown>[]): Promise<number | null> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]);
  const placeholders = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
  const params = rows.flatMap((row) => columns.map((c) => param(row[c])));
  const verb = isMysql(em) ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
  const result: unknown = await em.query(`${verb} INTO ${table} (${columns.join(', ')}) VALUES ${placeholders}`, params);
  const affected = (result as { affectedRows?: number })?.affectedRows;
  return typeof affected === 'number' ? affected : null;
}
