import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * The sequencer reads the events still waiting for a position, `seq IS NULL ORDER BY id`. Under the
 * unique index on `seq` that was a filesort of every waiting event (and the optimizer often walked
 * the primary key through every sequenced one instead): per batch of 1 000, a scan of the whole
 * backlog. A plain index on `seq` carries the primary key after it, so the waiting events are read
 * in id order straight from the index. Positions stay unique by construction: the sequencer hands
 * each out once, under its row lock.
 */
export class EventsSeqIndex1765480000000 implements MigrationInterface {
  name = 'EventsSeqIndex1765480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('events', new TableIndex({ name: 'ix_events_seq', columnNames: ['seq'] }));
    await q.dropIndex('events', 'uq_events_seq');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('events', new TableIndex({ name: 'uq_events_seq', columnNames: ['seq'], isUnique: true }));
    await q.dropIndex('events', 'ix_events_seq');
  }
}
