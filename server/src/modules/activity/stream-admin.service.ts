import { Injectable } from '@nestjs/common';
import type { DeadLetterList, PageQuery, StreamStatusResponse } from '@leadloop/shared';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { IdKey, KeysetCursor } from '../../core/pagination';
import { DeadLetterEntity, EventEntity, StreamConsumerEntity } from './activity.entity';
import { Pipeline } from './pipeline';
import { Sequencer } from './sequencer';

/** Dead letters are listed newest first by id. */
const DeadLetterCursor = new KeysetCursor('stream.dead-letters', z.tuple([IdKey]));

/** What admins see of the stream (lag per consumer, quarantined events) and the replay of a dead letter. */
@Injectable()
export class StreamAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pipeline: Pipeline,
    private readonly sequencer: Sequencer,
    private readonly clock: Clock,
  ) {}

  async status(): Promise<StreamStatusResponse> {
    const em = this.dataSource.manager;
    const head = await this.sequencer.head();
    const [{ n: unsequenced }] = await em.query('SELECT COUNT(*) AS n FROM events WHERE seq IS NULL');
    const rows = await em.find(StreamConsumerEntity, { where: { name: In(this.pipeline.names()) }, order: { name: 'ASC' } });
    const open: { consumer: string; n: number | string }[] = await em.query('SELECT consumer, COUNT(*) AS n FROM stream_dead_letters WHERE replayed_at IS NULL GROUP BY consumer');
    const deadLetters = new Map(open.map((o) => [o.consumer, Number(o.n)]));
    const consumers = await Promise.all(
      rows.map(async (c) => {
        const position = Number(c.position);
        const next = position < head ? await em.findOne(EventEntity, { select: { receivedAt: true }, where: { seq: String(position + 1) } }) : null;
        return {
          name: c.name,
          position,
          lag: head - position,
          oldestWaitingAt: next ? next.receivedAt.toISOString() : null,
          attempts: c.attempts,
          retryAt: c.retryAt?.toISOString() ?? null,
          lastError: c.lastError,
          deadLetters: deadLetters.get(c.name) ?? 0,
        };
      }),
    );
    return { head, unsequenced: Number(unsequenced), consumers };
  }

  /** Open dead letters, newest first. */
  async deadLetters(query: PageQuery): Promise<DeadLetterList> {
    const before = DeadLetterCursor.decode(query.cursor)?.[0];
    const rows = await this.dataSource.manager.find(DeadLetterEntity, {
      where: { replayedAt: IsNull(), ...(before ? { id: LessThan(before) } : {}) },
      order: { id: 'DESC' },
      take: query.limit + 1,
    });
    const { items: page, nextCursor } = DeadLetterCursor.page(rows, query.limit, (r) => [r.id]);
    const types = new Map(
      page.length === 0 ? [] : (await this.dataSource.manager.find(EventEntity, { select: { id: true, type: true }, where: { id: In(page.map((r) => r.eventId)) } })).map((e) => [e.id, e.type]),
    );
    return {
      items: page.map((r) => ({ id: r.id, consumer: r.consumer, eventId: r.eventId, eventType: types.get(r.eventId) ?? 'unknown', error: r.error, attempts: r.attempts, createdAt: r.createdAt.toISOString() })),
      nextCursor,
    };
  }

  /** Hands the event to its consumer again, in one transaction with marking the letter replayed. */
  async replay(id: string): Promise<{ replayed: true }> {
    await this.dataSource.transaction(async (em) => {
      const letter = await em.findOneBy(DeadLetterEntity, { id, replayedAt: IsNull() });
      const consumer = letter && this.pipeline.consumer(letter.consumer);
      const event = letter && (await em.findOneBy(EventEntity, { id: letter.eventId }));
      if (!letter || !consumer || !event) throw new AppError('DEAD_LETTER_NOT_FOUND', 'No such quarantined event');
      try {
        await consumer.handle(em, [event]);
      } catch (error) {
        throw new AppError('DEAD_LETTER_REPLAY_FAILED', `The consumer failed again: ${(error as Error).message}`.slice(0, 300));
      }
      await em.update(DeadLetterEntity, { id }, { replayedAt: this.clock.now() });
    });
    return { replayed: true };
  }
}
