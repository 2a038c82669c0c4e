import { Inject, Injectable } from '@nestjs/common';
import type { RescoreRunView } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { PeriodicJob } from '../../core/periodic-job';
import { newId } from '../../database/ids';
import { claimSkippingLocked, forUpdateSql } from '../../database/locks';
import { lockActivePersons } from '../leads/leads.service';
import { RuleSets } from './rule-sets';
import { Scorer } from './scorer';
import { ScoreRunEntity } from './scoring.entity';

export const RESCORE_BATCH = 200;

/**
 * Re-scoring every lead after the rules or the half-life changed, off the request path: a run row
 * records the version, how many leads there are and how many are done; batches walk the leads by
 * person id, each in its own transaction that claims the run (SKIP LOCKED: two instances never take
 * the same batch) and holds the scoring consumer's row, so a lead is never re-scored and scored
 * incrementally at the same time. A newer change supersedes the run in progress.
 */
@Injectable()
export class RescoreRuns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RuleSets,
    private readonly scorer: Scorer,
    private readonly clock: Clock,
  ) {}

  /** A new run for the now-active rules and half-life (in the caller's transaction). */
  async start(em: EntityManager, reason: 'rules' | 'half_life', version: number, halfLifeDays: number): Promise<ScoreRunEntity> {
    await em.update(ScoreRunEntity, { status: 'running' }, { status: 'superseded', finishedAt: this.clock.now() });
    const [{ n }]: { n: number | string }[] = await em.query('SELECT COUNT(*) AS n FROM leads');
    const now = this.clock.now();
    const run: ScoreRunEntity = { id: newId(now.getTime()), version, halfLifeDays, reason, status: 'running', total: Number(n), done: 0, cursorPersonId: null, startedAt: now, finishedAt: null };
    await em.insert(ScoreRunEntity, run);
    return run;
  }

  async latest(): Promise<RescoreRunView | null> {
    const run = await this.dataSource.manager.findOne(ScoreRunEntity, { where: {}, order: { startedAt: 'DESC', id: 'DESC' } });
    return run && { id: run.id, version: run.version, halfLifeDays: run.halfLifeDays, reason: run.reason, status: run.status, total: run.total, done: run.done, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null };
  }

  /** Re-scores the next batch of the running run; false when there is none (or another instance holds it). */
  step(batch = RESCORE_BATCH): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const run = await claimSkippingLocked(em.createQueryBuilder(ScoreRunEntity, 'r').where("r.status = 'running'").orderBy('r.started_at', 'ASC').limit(1)).getOne();
      if (!run) return false;
      await em.query(`SELECT name FROM stream_consumers WHERE name = ?${forUpdateSql(em)}`, [this.scorer.name]);
      const ids: { person_id: string }[] = await em.query('SELECT person_id FROM leads WHERE person_id > ? ORDER BY person_id LIMIT ?', [run.cursorPersonId ?? '', batch]);
      const people = ids.map((r) => r.person_id);
      // an erasure committed since the read above leaves its person out
      const active = await lockActivePersons(em, people);
      await this.scorer.rescore(em, people.filter((p) => active.has(p)), await this.rules.active(em));
      const done = run.done + people.length;
      const finished = people.length < batch;
      await em.update(
        ScoreRunEntity,
        { id: run.id },
        finished
          ? { done, total: Math.max(run.total, done), cursorPersonId: people.at(-1) ?? run.cursorPersonId, status: 'finished', finishedAt: this.clock.now() }
          : { done, total: Math.max(run.total, done), cursorPersonId: people.at(-1)! },
      );
      return true;
    });
  }

  /** Batches until no run is left (or `maxBatches`): the job's round, and what tests call. */
  async drain(maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
    let batches = 0;
    while (batches < maxBatches && (await this.step())) batches += 1;
    return batches;
  }
}

/** Runs re-score batches in the background, on the stream processor's interval (0: not in this process). */
@Injectable()
export class RescoreJob extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runs: RescoreRuns,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.pipeline.intervalMs;
  }

  /** At most 50 batches a round, so shutdown never waits long. */
  protected round(): Promise<unknown> {
    return this.runs.drain(50);
  }
}
