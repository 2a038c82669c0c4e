import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { claimSkippingLocked, readCommittedTransaction } from '../../database/locks';
import { forceIndexSql } from '../../database/sql';
import { StreamSequenceEntity } from './activity.entity';

const BATCH = 1000;

/**
 * Gives committed events their position in the stream (`seq`), one batch at a time under a lock.
 *
 * Event ids are not committed in id order: two requests (or two instances) may commit ids 5 and 4
 * in that order, so a consumer reading `id > cursor` would step over 4 for good. A position is
 * only handed out to an event that has already committed, by one sequencer at a time (the
 * `stream_sequences` row is locked, then read, for the whole transaction), and the transaction
 * that hands out positions n…m commits before the next one starts. So every reader sees the
 * positions as a gap-free prefix, and an event that commits late simply gets a later position:
 * `seq > cursor` never skips one.
 */
@Injectable()
export class Sequencer {
  constructor(private readonly dataSource: DataSource) {}

  /** Sequences waiting events until none are left (or another instance holds the lock). Answers how many. */
  async sequenceAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.sequence();
      total += n;
      if (n < BATCH) return total;
    }
  }

  /**
   * One batch: at most BATCH events, in id order. READ COMMITTED: under REPEATABLE READ the scan
   * of `seq IS NULL` gap-locks the very index entries that concurrent ingest inserts, and the two
   * deadlock. The lock on the `stream_sequences` row alone keeps sequencers taking turns.
   */
  sequence(): Promise<number> {
    return readCommittedTransaction(this.dataSource, async (em) => {
      const next = await this.lockNext(em);
      if (next === null) return 0;
      // the index is named: counting a large backlog, the optimizer would walk the primary key instead
      const waiting: { id: string }[] = await em.query(`SELECT id FROM events${forceIndexSql(em, 'ix_events_seq')} WHERE seq IS NULL ORDER BY id LIMIT ${BATCH}`);
      if (waiting.length === 0) return 0;
      const ids = waiting.map((w) => w.id);
      await em.query(
        `UPDATE events SET seq = CASE id ${ids.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${ids.map(() => '?').join(', ')})`,
        [...ids.flatMap((id, i) => [id, next + i]), ...ids],
      );
      await em.update(StreamSequenceEntity, { stream: 'events' }, { nextSeq: String(next + ids.length) });
      return ids.length;
    });
  }

  /** The last position handed out (0 for an empty stream). */
  async head(em: EntityManager = this.dataSource.manager): Promise<number> {
    const row = await em.findOneByOrFail(StreamSequenceEntity, { stream: 'events' });
    return Number(row.nextSeq) - 1;
  }

  /** The next free position, locked for this transaction; null while another instance holds it. */
  private async lockNext(em: EntityManager): Promise<number | null> {
    const query = em.createQueryBuilder(StreamSequenceEntity, 's').where('s.stream = :stream', { stream: 'events' });
    const row = await claimSkippingLocked(query).getOne();
    return row ? Number(row.nextSeq) : null;
  }
}
