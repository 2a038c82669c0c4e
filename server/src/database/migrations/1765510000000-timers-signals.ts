import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../columns';

/**
 * Durable timers (rows claimed by one worker when due), the working calendar that SLA deadlines
 * count in, and sales signals: the inbox, one-time subscribe-message grants, the messages sent,
 * and each staff member's push state (when the next coalesced message may go).
 */
export class TimersSignals1765510000000 implements MigrationInterface {
  name = 'TimersSignals1765510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'timers',
        columns: [
          col.id(),
          col.text('kind', 40),
          col.text('subject', 64),
          col.text('dedupe_key', 120, true),
          { name: 'payload', type: 'text', isNullable: true },
          col.time('due_at'),
          col.text('state', 12),
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'fires', type: 'int', default: 0 },
          col.text('last_error', 200, true),
          col.time('fired_at', true),
          col.text('fired_by', 16, true),
          col.time('created_at'),
        ],
        indices: [
          { name: 'ix_timers_due', columnNames: ['state', 'due_at'] },
          { name: 'ix_timers_subject', columnNames: ['subject', 'state'] },
          { name: 'uq_timers_dedupe', columnNames: ['dedupe_key'], isUnique: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'working_calendar',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          col.text('weekdays', 13),
          col.text('day_start', 5),
          col.text('day_end', 5),
          { name: 'holidays', type: 'text' },
          { name: 'workdays', type: 'text' },
          col.time('updated_at', true),
          col.ref('updated_by_staff_id', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sales_signals',
        columns: [
          col.id(),
          col.ref('staff_id'),
          col.text('kind', 24),
          col.ref('person_id', true),
          col.text('detail', 60, true),
          col.text('dedupe_key', 80),
          col.text('push_state', 12),
          col.ref('message_id', true),
          col.time('created_at'),
          col.time('read_at', true),
        ],
        indices: [
          { name: 'uq_sales_signals_dedupe', columnNames: ['staff_id', 'dedupe_key'], isUnique: true },
          { name: 'ix_sales_signals_inbox', columnNames: ['staff_id', 'id'] },
          { name: 'ix_sales_signals_unread', columnNames: ['staff_id', 'read_at'] },
          { name: 'ix_sales_signals_push', columnNames: ['staff_id', 'push_state'] },
          { name: 'ix_sales_signals_person', columnNames: ['person_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'signal_grants',
        columns: [col.id(), col.ref('staff_id'), col.text('template_id', 64), col.text('status', 12), col.time('created_at'), col.time('spent_at', true)],
        indices: [{ name: 'ix_signal_grants_staff', columnNames: ['staff_id', 'status'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'signal_messages',
        columns: [
          col.id(),
          col.ref('staff_id'),
          col.ref('grant_id'),
          col.text('state', 12),
          col.int('leads'),
          col.int('signals'),
          col.text('summary', 20),
          col.text('detail', 20),
          { name: 'attempts', type: 'int', default: 0 },
          col.text('error', 128, true),
          col.time('created_at'),
          col.time('sent_at', true),
        ],
        indices: [{ name: 'ix_signal_messages_staff', columnNames: ['staff_id', 'created_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'signal_push',
        columns: [{ ...col.ref('staff_id'), isPrimary: true }, col.time('push_at', true), col.time('last_message_at', true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['signal_push', 'signal_messages', 'signal_grants', 'sales_signals', 'working_calendar', 'timers']) await q.dropTable(table);
  }
}
