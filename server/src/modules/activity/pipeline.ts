import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { isUniqueViolation } from '../../database/data-source';
import { newId } from '../../database/ids';
import { claimSkippingLocked } from '../../database/locks';
import { DeadLetterEntity, EventEntity, StreamConsumerEntity } from './activity.entity';
import { Sequencer } from './sequencer';

/** A reaction to the activity stream: attribution, the lead row, and next scoring, stages, SLA, webhooks. */
export interface StreamConsumer {
  /** Unique and durable: the consumer's progress is stored under it. */
  readonly name: string;
  /** Where a consumer seen for the first time begins: every stored event (backfill), or only what comes next. */
  readonly startAt: 'beginning' | 'now';
  readonly batchSize?: number;
  /**
   * Handles events in stream order, inside the transaction that moves the consumer past them, so
   * its effects apply once; it must still be safe to run again on the same event (a replay).
   */
  handle(em: EntityManager, events: EventEntity[]): Promise<void>;
}

/** Whether a consumer's step found more to do (a full batch, or a failure to go back to). */
type Step = { more: boolean };
const IDLE: Step = { more: false };

/**
 * Runs every registered consumer over the stream. Each tracks its own position; a batch is claimed
 * by locking the consumer's row (SKIP LOCKED: two instances never handle one batch at once). A
 * batch that fails is rolled back and retaken one event at a time; the event that fails is retried
 * with backoff, and after `maxAttempts` it is quarantined as a dead letter and the consumer moves on.
 * A failing consumer never holds the others back.
 */
@Injectable()
export class Pipeline {
  private readonly logger = new Logger(Pipeline.name);
  private readonly consumers = new Map<string, StreamConsumer>();
  /** Consumers taking events one at a time up to this position, after a batch of theirs failed. */
  private readonly isolating = new Map<string, number>();
  /** Consumers whose progress row is known to exist. */
  private readonly started = new Set<string>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sequencer: Sequencer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(consumer: StreamConsumer): void {
    if (this.consumers.has(consumer.name)) throw new Error(`A stream consumer named "${consumer.name}" is registered already`);
    this.consumers.set(consumer.name, consumer);
  }

  names(): string[] {
    return [...this.consumers.keys()];
  }

  consumer(name: string): StreamConsumer | undefined {
    return this.consumers.get(name);
  }

  /**
   * Sequences new events and runs every consumer until it is caught up, failing or waiting.
   * Everything committed before the call is handled (or being retried) when it resolves: a run
   * already in flight may have started before it, so the caller waits for it and runs again.
   */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    for (const consumer of this.consumers.values()) if (!this.started.has(consumer.name)) await this.start(consumer);
    for (;;) {
      const sequenced = await this.sequencer.sequence();
      const steps = await Promise.all([...this.consumers.values()].map((c) => this.step(c)));
      if (sequenced === 0 && !steps.some((s) => s.more)) return;
    }
  }

  /** One batch of one consumer; failures are handled here, never thrown. */
  private async step(consumer: StreamConsumer): Promise<Step> {
    const isolatingUpTo = this.isolating.get(consumer.name);
    const size = isolatingUpTo === undefined ? (consumer.batchSize ?? 500) : 1;
    const taken: { events: EventEntity[] } = { events: [] };
    try {
      return await this.dataSource.transaction(async (em) => {
        const state = await this.claim(em, consumer);
        if (!state || (state.retryAt && state.retryAt > this.clock.now())) return IDLE;
        const events = await em.createQueryBuilder(EventEntity, 'e').where('e.seq > :position', { position: state.position }).orderBy('e.seq', 'ASC').limit(size).getMany();
        if (events.length === 0) return IDLE;
        taken.events = events;
        await consumer.handle(em, events);
        const position = Number(events[events.length - 1].seq);
        await em.update(StreamConsumerEntity, { name: consumer.name }, { position: String(position), attempts: 0, retryAt: null, lastError: null, updatedAt: this.clock.now() });
        if (isolatingUpTo !== undefined && position >= isolatingUpTo) this.isolating.delete(consumer.name);
        return { more: events.length === size };
      });
    } catch (error) {
      const [first] = taken.events;
      if (!first) {
        this.logger.error(`Stream consumer ${consumer.name} could not read its batch: ${(error as Error).message}`);
        return IDLE;
      }
      if (taken.events.length > 1) {
        // retake the batch one event at a time, to find the one that fails
        this.isolating.set(consumer.name, Number(taken.events[taken.events.length - 1].seq));
      } else {
        await this.recordFailure(consumer, first, error as Error);
      }
      return { more: true };
    }
  }

  /** Counts a failed try of the event after the consumer's position; quarantines it after the last one. */
  private recordFailure(consumer: StreamConsumer, event: EventEntity, error: Error): Promise<void> {
    const message = `${error.name}: ${error.message}`.slice(0, 500);
    const { maxAttempts, retryBaseMs } = this.config.pipeline;
    return this.dataSource.transaction(async (em) => {
      const state = await this.claim(em, consumer);
      if (!state || Number(state.position) >= Number(event.seq)) return;
      const attempts = state.attempts + 1;
      const now = this.clock.now();
      if (attempts < maxAttempts) {
        const retryAt = new Date(now.getTime() + retryBaseMs * 2 ** (attempts - 1));
        await em.update(StreamConsumerEntity, { name: consumer.name }, { attempts, retryAt, lastError: message, updatedAt: now });
        this.logger.warn(`Stream consumer ${consumer.name} failed on event ${event.id} (try ${attempts} of ${maxAttempts}): ${message}`);
        return;
      }
      await this.quarantine(em, consumer.name, event, message, attempts);
      await em.update(StreamConsumerEntity, { name: consumer.name }, { position: String(event.seq), attempts: 0, retryAt: null, lastError: message, updatedAt: now });
      this.logger.error(`Stream consumer ${consumer.name} quarantined event ${event.id} after ${attempts} tries: ${message}`);
    });
  }

  private async quarantine(em: EntityManager, consumer: string, event: EventEntity, error: string, attempts: number): Promise<void> {
    try {
      await em.insert(DeadLetterEntity, { id: newId(this.clock.nowMs()), consumer, eventId: event.id, seq: String(event.seq), error, attempts, createdAt: this.clock.now(), replayedAt: null });
    } catch (e) {
      // quarantined before, replayed, and failed again: it stays one dead letter
      if (!isUniqueViolation(e)) throw e;
      await em.update(DeadLetterEntity, { consumer, eventId: event.id }, { error, attempts, replayedAt: null });
    }
  }

  /** The consumer's row, locked for this transaction; null while another instance holds it. */
  private claim(em: EntityManager, consumer: StreamConsumer): Promise<StreamConsumerEntity | null> {
    const query = em.createQueryBuilder(StreamConsumerEntity, 'c').where('c.name = :name', { name: consumer.name });
    return claimSkippingLocked(query).getOne();
  }

  /**
   * Creates the progress row of a consumer seen for the first time, at the start of the stream or
   * at its head. Done before any claiming, one consumer at a time: creating rows inside concurrent
   * claiming transactions would make their gap locks deadlock.
   */
  private async start(consumer: StreamConsumer): Promise<void> {
    const em = this.dataSource.manager;
    if (!(await em.existsBy(StreamConsumerEntity, { name: consumer.name }))) {
      await this.sequencer.sequenceAll();
      const position = consumer.startAt === 'beginning' ? 0 : await this.sequencer.head();
      try {
        await em.insert(StreamConsumerEntity, { name: consumer.name, position: String(position), attempts: 0, retryAt: null, lastError: null, updatedAt: this.clock.now() });
      } catch (e) {
        // another instance created it a moment ago
        if (!isUniqueViolation(e)) throw e;
      }
    }
    this.started.add(consumer.name);
  }
}
