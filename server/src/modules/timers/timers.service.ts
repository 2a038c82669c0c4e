import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { isUniqueViolation, isWriteConflict } from '../../database/data-source';
import { claimSkippingLocked, readCommittedTransaction } from '../../database/locks';
import { insertNew } from '../../database/sql';
import { type AfterCommit, type DueTimer, TimerHandlers } from './timer-handlers';
import { TimerEntity } from './timers.entity';

/** Due timers claimed per transaction. */
const BATCH = 200;
/** A handler that throws is retried this often (backing off) before its timer is marked failed. */
const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 10_000;
/** Batches taken again at once after a deadlock with another worker, before leaving the rest to the next round. */
const CONFLICT_RETRIES = 5;

const isDeadlock = (error: unknown) => isWriteConflict(error) && !isUniqueViolation(error);

export interface TimerSpec {
  kind: string;
  subject: string;
  dueAt: Date;
  payload?: unknown;
  /** Scheduling a key already used (by any timer, fired or not) adds nothing. */
  dedupeKey?: string;
}

/**
 * Durable timers. A timer is a row; when due, one worker claims it (SKIP LOCKED on MySQL, the
 * single writer on SQLite) and fires it in the transaction that marks it fired, so it fires once
 * however many instances run the job and whenever they restart: a worker that dies mid-batch
 * rolls back and the rows are claimed again. Only kinds with a handler in this process are
 * claimed, so an instance that does not know a kind leaves it to one that does.
 */
@Injectable()
export class Timers {
  private readonly logger = new Logger(Timers.name);
  readonly workerId = `t${randomBytes(5).toString('hex')}`;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: TimerHandlers,
    private readonly clock: Clock,
  ) {}

  /** Schedules timers in the caller's transaction; answers how many were new (null where the database cannot say). */
  schedule(em: EntityManager, specs: readonly TimerSpec[]): Promise<number | null> {
    const now = this.clock.now();
    return insertNew(
      em,
      'timers',
      specs.map((s) => ({
        id: newId(now.getTime()),
        kind: s.kind,
        subject: s.subject,
        dedupe_key: s.dedupeKey ?? null,
        payload: s.payload === undefined ? null : JSON.stringify(s.payload),
        due_at: s.dueAt,
        state: 'pending',
        attempts: 0,
        fires: 0,
        last_error: null,
        fired_at: null,
        fired_by: null,
        created_at: now,
      })),
    );
  }

  /** Cancels the pending timers about a subject (of the given kinds, or all): the lead moved on. */
  async cancel(em: EntityManager, subject: string, kinds?: readonly string[]): Promise<number> {
    const where = { subject, state: 'pending' as const, ...(kinds ? { kind: In([...kinds]) } : {}) };
    return (await em.update(TimerEntity, where, { state: 'cancelled' })).affected ?? 0;
  }

  /** Fires everything due now, batch after batch; several workers may run this at once. Answers how many fired. */
  async fireDue(now = this.clock.now()): Promise<number> {
    const kinds = this.handlers.kinds();
    if (kinds.length === 0) return 0;
    let fired = 0;
    let conflicts = 0;
    for (;;) {
      const batch = await this.fireBatch(kinds, now);
      if (batch === 'deadlock') {
        if (++conflicts < CONFLICT_RETRIES) continue;
        return fired;
      }
      fired += batch;
      if (batch < BATCH) return fired;
    }
  }

  /**
   * One claimed batch, at READ COMMITTED: the claim locks only the rows it returns, so two
   * workers' claims and their updates of the due index do not deadlock on each other's gap locks.
   */
  private async fireBatch(kinds: string[], now: Date): Promise<number | 'deadlock'> {
    let due: TimerEntity[] = [];
    let effects: AfterCommit[] = [];
    try {
      await readCommittedTransaction(this.dataSource, async (em) => {
        const query = em.createQueryBuilder(TimerEntity, 't').where("t.state = 'pending' AND t.due_at <= :now AND t.kind IN (:...kinds)", { now, kinds }).orderBy('t.due_at').limit(BATCH);
        due = await claimSkippingLocked(query).getMany();
        if (due.length > 0) effects = await this.fireIn(em, due);
      });
    } catch (error) {
      if (isDeadlock(error)) return 'deadlock'; // rolled back: the rows are pending again
      if (due.length === 0) throw error;
      // a handler failed: the batch rolled back; fire it one timer at a time so only the failing one waits
      this.logger.warn(`A batch of ${due.length} timers failed (${(error as Error).message}); firing them one by one`);
      for (const timer of due) await this.fireOne(timer.id, now);
      return due.length;
    }
    await runAfterCommit(effects, this.logger);
    return due.length;
  }

  private async fireOne(id: string, now: Date): Promise<void> {
    let effects: AfterCommit[] = [];
    try {
      await readCommittedTransaction(this.dataSource, async (em) => {
        const query = em.createQueryBuilder(TimerEntity, 't').where("t.id = :id AND t.state = 'pending' AND t.due_at <= :now", { id, now });
        const timer = await claimSkippingLocked(query).getOne();
        if (timer) effects = await this.fireIn(em, [timer]);
      });
    } catch (error) {
      await this.recordFailure(id, error as Error);
      return;
    }
    await runAfterCommit(effects, this.logger);
  }

  /** Runs each kind's handler on its timers and marks them fired, in the claiming transaction. */
  private async fireIn(em: EntityManager, due: TimerEntity[]): Promise<AfterCommit[]> {
    const byKind = new Map<string, DueTimer[]>();
    for (const t of due) {
      const list = byKind.get(t.kind) ?? [];
      list.push({ id: t.id, kind: t.kind, subject: t.subject, payload: t.payload === null ? null : JSON.parse(t.payload), dueAt: t.dueAt });
      byKind.set(t.kind, list);
    }
    const effects: AfterCommit[] = [];
    for (const [kind, timers] of byKind) {
      const effect = await this.handlers.get(kind)!.fire(em, timers);
      if (effect) effects.push(effect);
    }
    await em
      .createQueryBuilder()
      .update(TimerEntity)
      .set({ state: 'fired', fires: () => 'fires + 1', firedAt: this.clock.now(), firedBy: this.workerId })
      .where({ id: In(due.map((t) => t.id)) })
      .execute();
    return effects;
  }

  private async recordFailure(id: string, error: Error): Promise<void> {
    const message = `${error.name}: ${error.message}`.slice(0, 200);
    await this.dataSource.transaction(async (em) => {
      const timer = await em.findOneBy(TimerEntity, { id, state: 'pending' });
      if (!timer) return;
      const attempts = timer.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      const dueAt = failed ? timer.dueAt : new Date(this.clock.nowMs() + RETRY_BASE_MS * 2 ** (attempts - 1));
      await em.update(TimerEntity, { id, state: 'pending' }, { attempts, lastError: message, dueAt, state: failed ? 'failed' : 'pending' });
      this.logger.error(`Timer ${id} (${timer.kind}) failed, try ${attempts} of ${MAX_ATTEMPTS}: ${message}`);
    });
  }
}

async function runAfterCommit(effects: AfterCommit[], logger: Logger): Promise<void> {
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      logger.error(`Work after a timer fired failed: ${(error as Error).message}`);
    }
  }
}
