import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { insertIgnore } from '../../database/sql';
import { EventEntity } from './share-chain.entity';

export type EventRow = Record<string, unknown> & { id: string };

interface Pending {
  rows: EventRow[];
  resolve(stored: number): void;
  reject(error: unknown): void;
}

/** Rows in one INSERT: well under max_allowed_packet and SQLite's variable limit. */
const MAX_ROWS_PER_STATEMENT = 1000;
/** INSERTs in flight at once: enough to keep the database's own group commit busy. */
const MAX_IN_FLIGHT = 16;

/**
 * Group commit for event ingest: rows from concurrent requests that arrive while writes are in
 * flight go out together in the next multi-row INSERT IGNORE (one commit), and every request is
 * answered only after the commit that holds its rows. No timer: under no load a request is
 * written at once; under load batches grow by themselves.
 */
@Injectable()
export class EventWriter {
  private readonly logger = new Logger(EventWriter.name);
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves with how many of `rows` were new (the rest were resends of stored events). */
  write(rows: EventRow[]): Promise<number> {
    if (rows.length === 0) return Promise.resolve(0);
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.pump();
    });
  }

  /** Starts writes while there is work and room; each finished write starts the next. */
  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < MAX_IN_FLIGHT) {
      const batch: Pending[] = [];
      let count = 0;
      while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0].rows.length <= MAX_ROWS_PER_STATEMENT)) {
        const next = this.queue.shift() as Pending;
        batch.push(next);
        count += next.rows.length;
      }
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    const rows = batch.flatMap((p) => p.rows);
    try {
      const inserted = await insertIgnore(this.dataSource, 'events', rows);
      if (inserted === rows.length) {
        for (const p of batch) p.resolve(p.rows.length);
        return;
      }
      // some were resends: find which of this batch's fresh ids made it in
      const stored = new Set(
        (await this.dataSource.manager.find(EventEntity, { select: { id: true }, where: { id: In(rows.map((r) => r.id)) } })).map((r) => r.id),
      );
      for (const p of batch) p.resolve(p.rows.filter((r) => stored.has(r.id)).length);
    } catch (error) {
      this.logger.error(`Event write of ${rows.length} rows failed: ${(error as Error).message}`);
      for (const p of batch) p.reject(error);
    }
  }
}
