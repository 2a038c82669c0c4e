import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { col } from '../columns';

/** Profile corrections (更正权), the staff hand-over log, and uploaded live-event covers. */
export class DataRightsTeamLive1765300000000 implements MigrationInterface {
  name = 'DataRightsTeamLive1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // every correction a person makes to their own profile: part of their export, erased with them
    await q.createTable(
      new Table({
        name: 'profile_changes',
        columns: [col.id(), col.ref('person_id'), col.text('field', 16), col.text('old_value', 120, true), col.text('new_value', 120, true), col.text('source', 32), col.time('created_at')],
        indices: [{ name: 'ix_profile_changes_person', columnNames: ['person_id', 'created_at'] }],
      }),
    );
    // who handed over whose prospects, card visitors and contact requests to whom, when, and how many
    await q.createTable(
      new Table({
        name: 'staff_handovers',
        columns: [
          col.id(),
          col.ref('from_staff_id'),
          col.ref('to_staff_id'),
          col.ref('by_staff_id', true),
          col.int('disabled'),
          col.int('prospects'),
          col.int('card_visitors'),
          col.int('contact_requests'),
          col.time('created_at'),
        ],
        indices: [{ name: 'ix_staff_handovers_created', columnNames: ['created_at', 'id'] }],
      }),
    );
    // an uploaded cover (like whitepapers'); cover_url stays for covers given as a link
    await q.addColumn('live_events', new TableColumn(col.text('cover_key', 64, true)));
    await q.addColumn('live_events', new TableColumn(col.text('cover_type', 32, true)));
    // set when the person leaves the app for a WeChat Channels live; their return counts the minutes between
    await q.addColumn('live_attendance', new TableColumn(col.time('away_since', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('live_attendance', 'away_since');
    await q.dropColumn('live_events', 'cover_type');
    await q.dropColumn('live_events', 'cover_key');
    await q.dropTable('staff_handovers');
    await q.dropTable('profile_changes');
  }
}
