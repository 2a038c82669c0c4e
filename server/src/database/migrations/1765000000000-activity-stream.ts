import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

/**
 * The activity stream becomes a pipeline of consumers. Events get their position in the stream
 * (`seq`, handed out after they commit), who wrote them (`origin`: only the server's own rows can be
 * conversions) and a resend count (dedupe by `ON DUPLICATE KEY`, never `INSERT IGNORE`, which would also
 * hide data errors). The shared `state` flag gives way to each consumer's own durable position.
 */
export class ActivityStream1765000000000 implements MigrationInterface {
  name = 'ActivityStream1765000000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    await q.addColumns('events', [
      new TableColumn({ name: 'seq', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'origin', type: 'varchar', length: '8', default: "'app'" }),
      new TableColumn({ name: 'resends', type: 'int', default: 0 }),
    ]);
    // the server's touchpoints were keyed `p:<person>`; an app's install id cannot contain ':'
    await q.query("UPDATE events SET origin = 'server' WHERE source_key LIKE 'p:%'");
    // events stored before the stream had positions take them in id order
    if (mysql) {
      await q.query('SET @seq := 0');
      await q.query('UPDATE events SET seq = (@seq := @seq + 1) ORDER BY id');
    } else {
      await q.query('UPDATE events SET seq = r.n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM events) AS r WHERE r.id = events.id');
    }
    await q.createIndex('events', new TableIndex({ name: 'uq_events_seq', columnNames: ['seq'], isUnique: true }));

    await q.createTable(
      new Table({
        name: 'stream_sequences',
        columns: [{ ...col.text('stream', 32), isPrimary: true }, { name: 'next_seq', type: 'bigint' }],
      }),
    );
    const [{ n }] = (await q.query('SELECT COUNT(*) AS n FROM events')) as { n: number | string }[];
    const head = Number(n);
    await q.query('INSERT INTO stream_sequences (stream, next_seq) VALUES (?, ?)', ['events', head + 1]);

    await q.createTable(
      new Table({
        name: 'stream_consumers',
        columns: [
          { ...col.text('name', 48), isPrimary: true },
          { name: 'position', type: 'bigint' },
          { name: 'attempts', type: 'int', default: 0 },
          col.time('retry_at', true),
          col.text('last_error', 512, true),
          col.time('updated_at'),
        ],
      }),
    );
    // attribution already handled every event up to the first one still waiting; the lead rows were
    // written by the features themselves until now, so the lead consumer starts at the head
    const [{ waiting }] = (await q.query('SELECT MIN(seq) AS waiting FROM events WHERE state = 0')) as { waiting: number | string | null }[];
    const attributed = waiting === null ? head : Number(waiting) - 1;
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await q.query('INSERT INTO stream_consumers (name, position, attempts, updated_at) VALUES (?, ?, 0, ?), (?, ?, 0, ?)', ['attribution', attributed, now, 'leads', head, now]);

    await q.createTable(
      new Table({
        name: 'stream_dead_letters',
        columns: [col.id(), col.text('consumer', 48), col.ref('event_id'), { name: 'seq', type: 'bigint' }, col.text('error', 512), col.int('attempts'), col.time('created_at'), col.time('replayed_at', true)],
        uniques: [{ name: 'uq_dead_letters_event', columnNames: ['consumer', 'event_id'] }],
        indices: [{ name: 'ix_dead_letters_open', columnNames: ['replayed_at', 'id'] }],
      }),
    );

    await q.dropIndex('events', 'ix_events_state');
    await q.dropColumn('events', 'state');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.addColumn('events', new TableColumn({ name: 'state', type: 'tinyint', default: 1 }));
    await q.createIndex('events', new TableIndex({ name: 'ix_events_state', columnNames: ['state', 'id'] }));
    await q.dropTable('stream_dead_letters');
    await q.dropTable('stream_consumers');
    await q.dropTable('stream_sequences');
    await q.dropIndex('events', 'uq_events_seq');
    await q.dropColumns('events', ['seq', 'origin', 'resends']);
  }
}
