import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

/**
 * Reversible person merges: the journal of every row a merge moved, combined or left behind
 * (what unmerge reads back), the counts shown to admins, the identifiers refused because they
 * would merge a staff member, and an index on the person column of every table a merge moves
 * rows of (a merge reads them by person).
 */
const PERSON_INDEXES: [table: string, index: string, column: string][] = [
  ['card_views', 'ix_card_views_person', 'person_id'],
  ['card_visitors', 'ix_card_visitors_person', 'person_id'],
  ['card_signals', 'ix_card_signals_person', 'person_id'],
  ['payment_orders', 'ix_payment_orders_person', 'person_id'],
  ['subscription_grants', 'ix_grants_person', 'person_id'],
  ['live_reminders', 'ix_live_reminders_person', 'person_id'],
  ['live_attendance', 'ix_live_attendance_person', 'person_id'],
  ['live_attendance_minutes', 'ix_live_attendance_minutes_person', 'person_id'],
  ['live_survey_answers', 'ix_live_survey_answers_person', 'person_id'],
  ['share_spreaders', 'ix_share_spreaders_person', 'person_id'],
  ['share_node_visits', 'ix_share_node_visits_visitor', 'visitor_key'],
  ['persons', 'ix_persons_merged_into', 'merged_into'],
];

export class PersonMerges1765440000000 implements MigrationInterface {
  name = 'PersonMerges1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'person_merge_journal',
        columns: [col.id(), col.ref('merge_id'), col.int('seq'), col.text('module', 32), col.text('op', 16), col.text('table_name', 64), { name: 'body', type: 'text' }],
        indices: [{ name: 'ix_person_merge_journal_merge', columnNames: ['merge_id', 'seq'] }],
      }),
    );
    await q.addColumns('person_merges', [new TableColumn({ name: 'moved_counts', type: 'text', isNullable: true }), new TableColumn(col.ref('reverted_by', true))]);
    await q.createTable(
      new Table({
        name: 'identifier_conflicts',
        columns: [
          col.id(),
          col.text('kind', 16),
          col.ref('staff_person_id'),
          col.ref('other_person_id'),
          // 'staff' when the staff member tried to bind the other person's identifier, 'other' the reverse
          col.text('bound_by', 8),
          col.time('created_at'),
          col.time('resolved_at', true),
          col.ref('resolved_by', true),
        ],
        indices: [{ name: 'ix_identifier_conflicts_open', columnNames: ['resolved_at', 'id'] }],
      }),
    );
    for (const [table, name, column] of PERSON_INDEXES) await q.createIndex(table, new TableIndex({ name, columnNames: [column] }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, name] of PERSON_INDEXES) await q.dropIndex(table, name);
    await q.dropTable('identifier_conflicts');
    await q.dropColumn('person_merges', 'reverted_by');
    await q.dropColumn('person_merges', 'moved_counts');
    await q.dropTable('person_merge_journal');
  }
}
