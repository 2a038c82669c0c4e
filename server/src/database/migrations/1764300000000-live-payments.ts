import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../columns';

const counter = (name: string) => ({ name, type: 'int', default: 0 });
const json = (name: string) => ({ name, type: 'text' });

export class LivePayments1764300000000 implements MigrationInterface {
  name = 'LivePayments1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'live_events',
        columns: [
          col.id(),
          col.text('title', 60),
          { name: 'summary', type: 'varchar', length: '500' },
          json('speakers'),
          col.text('cover_url', 512, true),
          col.time('start_at'),
          col.time('end_at'),
          col.int('capacity'),
          json('signup_fields'),
          col.int('price_fen'),
          col.text('watch_kind', 16),
          json('watch'),
          col.text('replay_url', 512, true),
          json('reminder_offsets'),
          json('survey'),
          col.text('status', 16),
          counter('version'),
          col.ref('created_by'),
          col.time('survey_pushed_at', true),
          col.time('replay_pushed_at', true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        indices: [
          { name: 'ix_live_events_status_start', columnNames: ['status', 'start_at', 'id'] },
          { name: 'ix_live_events_created', columnNames: ['created_at', 'id'] },
        ],
      }),
    );
    // The capacity split over a few rows, so concurrent sign-ups lock different rows and their
    // commits group; a sign-up holds a seat in one slot, and the slots' capacities sum to the event's.
    await q.createTable(
      new Table({
        name: 'live_seat_slots',
        columns: [{ ...col.ref('event_id'), isPrimary: true }, { name: 'slot', type: 'int', isPrimary: true }, col.int('capacity'), counter('taken')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'live_signups',
        columns: [
          col.id(),
          col.ref('event_id'),
          col.ref('person_id'),
          col.text('status', 16),
          { name: 'holds_seat', type: 'tinyint', default: 0 },
          { name: 'seat_slot', type: 'int', isNullable: true },
          { name: 'paid', type: 'tinyint', default: 0 },
          col.ref('share_node_id', true),
          col.ref('channel_id', true),
          // the staff member at the root of the chain that brought the sign-up (for the report)
          col.ref('sharer_staff_id', true),
          col.time('created_at'),
          col.time('confirmed_at', true),
          col.time('cancelled_at', true),
        ],
        uniques: [{ name: 'uq_live_signups_person', columnNames: ['event_id', 'person_id'] }],
        indices: [{ name: 'ix_live_signups_person', columnNames: ['person_id', 'id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'subscription_grants',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.ref('event_id'),
          col.text('template_id', 64),
          col.text('purpose', 16),
          col.text('status', 16),
          col.time('created_at'),
        ],
        indices: [{ name: 'ix_grants_lookup', columnNames: ['event_id', 'person_id', 'purpose', 'status'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'live_reminders',
        columns: [
          col.id(),
          col.ref('event_id'),
          col.ref('person_id'),
          col.ref('grant_id'),
          col.text('kind', 16),
          col.time('due_at'),
          col.text('status', 16),
          counter('attempts'),
          col.text('claimed_by', 32, true),
          col.time('claimed_at', true),
          col.time('sent_at', true),
          col.text('error', 128, true),
          col.time('created_at'),
        ],
        uniques: [{ name: 'uq_live_reminders', columnNames: ['event_id', 'person_id', 'kind'] }],
        indices: [{ name: 'ix_live_reminders_due', columnNames: ['status', 'due_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'live_attendance_minutes',
        columns: [
          { ...col.ref('event_id'), isPrimary: true },
          { ...col.ref('person_id'), isPrimary: true },
          { name: 'minute', type: 'int', isPrimary: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'live_attendance',
        columns: [{ ...col.ref('event_id'), isPrimary: true }, { ...col.ref('person_id'), isPrimary: true }, counter('minutes'), col.time('first_at'), col.time('last_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'live_survey_answers',
        columns: [{ ...col.ref('event_id'), isPrimary: true }, { ...col.ref('person_id'), isPrimary: true }, json('answers'), col.time('created_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'payment_orders',
        columns: [
          col.id(),
          col.text('out_trade_no', 32),
          col.ref('signup_id'),
          col.ref('person_id'),
          col.ref('event_id'),
          col.int('amount_fen'),
          col.text('status', 16),
          col.text('transaction_id', 32, true),
          col.time('expires_at'),
          col.time('paid_at', true),
          col.time('closed_at', true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        uniques: [{ name: 'uq_payment_orders_trade_no', columnNames: ['out_trade_no'] }],
        indices: [
          { name: 'ix_payment_orders_status', columnNames: ['status', 'created_at'] },
          { name: 'ix_payment_orders_signup', columnNames: ['signup_id', 'created_at'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'payment_refunds',
        columns: [
          col.id(),
          col.text('out_refund_no', 64),
          col.ref('order_id'),
          col.int('amount_fen'),
          col.text('status', 16),
          col.text('refund_id', 32, true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        uniques: [{ name: 'uq_payment_refunds_no', columnNames: ['out_refund_no'] }],
        indices: [{ name: 'ix_payment_refunds_order', columnNames: ['order_id'] }],
      }),
    );
    // every notification received, verified or not, with what was done about it
    await q.createTable(
      new Table({
        name: 'payment_notifications',
        columns: [
          col.id(),
          col.text('notification_id', 64, true),
          col.text('out_trade_no', 32, true),
          col.text('outcome', 24),
          col.text('detail', 128),
          col.time('received_at'),
        ],
        indices: [{ name: 'ix_payment_notifications_trade', columnNames: ['out_trade_no', 'received_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['payment_notifications', 'payment_refunds', 'payment_orders', 'live_survey_answers', 'live_attendance', 'live_attendance_minutes', 'live_reminders', 'subscription_grants', 'live_signups', 'live_seat_slots', 'live_events']) {
      await q.dropTable(table);
    }
  }
}
