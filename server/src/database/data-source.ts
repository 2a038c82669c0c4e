import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Pool, PoolOptions } from 'mysql2';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { unsupportedServer } from './server-version';
import { serializeTransactions } from './sqlite-serial';
import { isMysql } from './sql';
import { migrations } from './migrations';

/** What the app maps: its entity classes, collected by the module that assembles it. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

export function dataSourceOptions(db: AppConfig['database'], entities: EntityList): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (db.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: db.url,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      bigNumberStrings: true,
      poolSize: db.poolSize,
      // a database that does not answer fails requests fast (503), not after the OS's TCP timeout
      connectTimeout: 3000,
      // every connection runs in strict mode: a value a column cannot hold is an error, never a
      // silent truncation or zero date (whatever the server's own default)
      driver: strictMysql(),
    };
  }
  mkdirSync(dirname(db.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.path,
    // WAL lets other processes (the CLI) read while this one writes; busy_timeout makes their writes wait.
    prepareDatabase: (sqlite: { pragma(s: string): unknown }) => {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('busy_timeout = 5000');
    },
  };
}

const STRICT_SQL_MODE = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';

/** mysql2, with each pooled connection's first statement setting the SQL mode (before any query of ours). */
function strictMysql(): typeof import('mysql2') {
  // loaded here, as TypeORM loads it, rather than at import time (mysql2 loads parts of itself lazily)
  const mysql2 = require('mysql2') as typeof import('mysql2');
  return Object.create(mysql2, {
    createPool: {
      value: (options: PoolOptions): Pool => {
        const pool = mysql2.createPool(options);
        pool.on('connection', (connection) => {
          connection.query(`SET SESSION sql_mode = '${STRICT_SQL_MODE}'`);
        });
        return pool;
      },
    },
  }) as typeof import('mysql2');
}

export async function openDataSource(db: AppConfig['database'], entities: EntityList): Promise<DataSource> {
  const source = new DataSource(dataSourceOptions(db, entities));
  await source.initialize();
  if (isMysql(source)) {
    const [{ version }]: { version: string }[] = await source.query('SELECT VERSION() AS version');
    const refusal = unsupportedServer(version);
    if (refusal) {
      await source.destroy();
      throw new Error(refusal);
    }
  } else serializeTransactions(source);
  if (db.migrateOnBoot) await source.runMigrations({ transaction: 'each' });
  return source;
}

/** True for a unique-key violation on MySQL/MariaDB/TiDB or SQLite. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = e?.driverError?.code ?? e?.code;
  const errno = e?.driverError?.errno ?? e?.errno;
  return code === 'ER_DUP_ENTRY' || errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The database cannot be reached (down, restarting, connection lost): the request may be retried later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return (
    (typeof code === 'string' && UNAVAILABLE.has(code)) ||
    // mysql2's pool, when every connection it tries is refused
    /connect ECONNREFUSED|Connection lost|Can't add new command when connection is in closed state/.test(e?.message ?? '')
  );
}

const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR']);

/** A write lost a race it can simply retry: duplicate key, deadlock, or SQLite busy. */
export function isWriteConflict(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = e?.driverError?.code ?? e?.code;
  const errno = e?.driverError?.errno ?? e?.errno;
  return isUniqueViolation(error) || code === 'ER_LOCK_DEADLOCK' || errno === 1213 || code === 'SQLITE_BUSY';
}
