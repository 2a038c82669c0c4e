import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { serializeTransactions } from './sqlite-serial';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('serializeTransactions (embedded SQLite)', () => {
  let dir: string;
  let source: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadloop-sqlite-'));
    source = new DataSource({ type: 'better-sqlite3', database: join(dir, 'db.sqlite') });
    await source.initialize();
    serializeTransactions(source);
    await source.query('CREATE TABLE t (v TEXT PRIMARY KEY)');
  });

  afterEach(async () => {
    await source.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const values = async () => ((await source.query('SELECT v FROM t ORDER BY v')) as { v: string }[]).map((r) => r.v);

  it('keeps a statement made outside a transaction that rolls back, and runs concurrent transactions in turn', async () => {
    const rolledBack = source.transaction(async (em) => {
      await em.query("INSERT INTO t (v) VALUES ('a')");
      await pause(30);
      throw new Error('changed my mind');
    });
    await pause(5);
    const outside = source.query("INSERT INTO t (v) VALUES ('b')");
    const other = source.transaction((em) => em.query("INSERT INTO t (v) VALUES ('c')"));
    await expect(rolledBack).rejects.toThrow('changed my mind');
    await Promise.all([outside, other]);
    expect(await values()).toEqual(['b', 'c']);
  });

  it('lets code inside a transaction use the data source directly and nest a transaction', async () => {
    await source.transaction(async (em) => {
      await em.query("INSERT INTO t (v) VALUES ('a')");
      expect(await source.query('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 1 }]);
      await source.transaction((inner) => inner.query("INSERT INTO t (v) VALUES ('b')"));
    });
    expect(await values()).toEqual(['a', 'b']);
  });
});
