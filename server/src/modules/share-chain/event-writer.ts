import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { GroupCommit, type Outcome } from '../../database/group-commit';
import { retryOnConflict } from '../../database/retry';
import { insertNew } from '../../database/sql';
import { EventEntity } from '../activity/activity.entity';

export type EventRow = Record<string, unknown> & { id: string };

/**
 * Group commit for event ingest: rows from concurrent requests that arrive while writes are in
 * flight go out together in the next multi-row insert (one commit; a resent event is counted, not stored again), and every request is
 * answered only after the commit that holds its rows.
 */
@Injectable()
export class EventWriter {
  private readonly logger = new Logger(EventWriter.name);
  private readonly batches = new GroupCommit<EventRow[], number, ''>((_, requests) => this.flush(requests), {
    // rows in one INSERT: well under max_allowed_packet and SQLite's variable limit
    maxBatch: 1000,
    // INSERTs in flight at once: enough to keep the database's own group commit busy
    maxInFlight: 16,
    size: (rows) => rows.length,
  });

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves with how many of `rows` were new (the rest were resends of stored events). */
  write(rows: EventRow[]): Promise<number> {
    return rows.length === 0 ? Promise.resolve(0) : this.batches.submit('', rows);
  }

  private async flush(requests: EventRow[][]): Promise<Outcome<number>[]> {
    const rows = requests.flat();
    try {
      // one statement, rolled back whole by a deadlock: running it again is safe
      const inserted = await retryOnConflict(() => insertNew(this.dataSource, 'events', rows, { countResendsIn: 'resends' }));
      if (inserted === rows.length) return requests.map((r) => ({ ok: r.length }));
      // some were resends: find which of this batch's fresh ids made it in
      const stored = new Set(
        (await this.dataSource.manager.find(EventEntity, { select: { id: true }, where: { id: In(rows.map((r) => r.id)) } })).map((r) => r.id),
      );
      return requests.map((r) => ({ ok: r.filter((row) => stored.has(row.id)).length }));
    } catch (error) {
      this.logger.error(`Event write of ${rows.length} rows failed: ${(error as Error).message}`);
      throw error;
    }
  }
}
