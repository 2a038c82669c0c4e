import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The embedded SQLite is one connection, and TypeORM's better-sqlite3 driver runs every query
 * through one shared query runner. A transaction must therefore have the connection to itself:
 * transactions take turns, and a statement from outside any transaction waits for the one in
 * progress (otherwise it would run inside it, see its uncommitted rows, and vanish with its
 * rollback). Statements made within a transaction's own async scope — through its manager or
 * not — run at once, inside it.
 */
export function serializeTransactions(source: DataSource): void {
  const scope = new AsyncLocalStorage<{ open: boolean }>();
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = tail.then(work);
    tail = turn.catch(() => undefined);
    return turn;
  };
  const inTransaction = () => scope.getStore()?.open === true;

  const manager = source.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => {
    if (inTransaction()) return transaction(...args);
    return exclusive(() => {
      const own = { open: true };
      return scope.run(own, () => transaction(...args)).finally(() => (own.open = false));
    });
  }) as EntityManager['transaction'];

  const runner: QueryRunner = source.createQueryRunner();
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = ((...args: unknown[]) => (inTransaction() ? query(...args) : exclusive(() => query(...args)))) as QueryRunner['query'];
}
