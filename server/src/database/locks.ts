import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isMysql } from './sql';

// On the embedded SQLite, transactions take turns (sqlite-serial.ts), so a row read inside one
// cannot change under it: these helpers lock on MySQL/MariaDB/TiDB and are no-ops there.

/** The rows this query reads stay locked until the transaction ends (`SELECT … FOR UPDATE`). */
export function lockForUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return isMysql(query.connection) ? query.setLock('pessimistic_write') : query;
}

/**
 * Claims the rows for this transaction, passing over rows another transaction holds
 * (`FOR UPDATE SKIP LOCKED`): several workers each take a different batch instead of queueing.
 */
export function claimSkippingLocked<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return isMysql(query.connection) ? query.setLock('pessimistic_write').setOnLocked('skip_locked') : query;
}

/** ` FOR UPDATE` to end a raw `SELECT` with (empty where the database needs none). */
export function forUpdateSql(em: EntityManager | DataSource): string {
  return isMysql(em) ? ' FOR UPDATE' : '';
}

/**
 * A transaction at READ COMMITTED on MySQL/MariaDB (SQLite's turn-taking is stricter already).
 * For work that locks what it changes by primary key and must not take REPEATABLE READ's gap
 * locks on a secondary index that concurrent inserts write to (they deadlock with it).
 */
export function readCommittedTransaction<T>(source: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return isMysql(source) ? source.transaction('READ COMMITTED', work) : source.transaction(work);
}
