import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

/**
 * Scoring as data: versioned rule sets, background re-score runs with their progress, and on each
 * score item what makes it idempotent (`dedupe_key`: the event, or the content for once-per-content
 * rules, unique per person and rule), the China-time day its per-day cap counts in, and what it
 * was about (for the breakdown).
 */
export class LeadScoring1765410000000 implements MigrationInterface {
  name = 'LeadScoring1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'score_rule_sets',
        columns: [{ ...col.int('version'), isPrimary: true }, { name: 'rules', type: 'text' }, col.ref('created_by_staff_id', true), col.time('created_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'score_runs',
        columns: [
          col.id(),
          col.int('version'),
          col.int('half_life_days'),
          col.text('reason', 16),
          col.text('status', 16),
          col.int('total'),
          col.int('done'),
          // the last lead re-scored: batches go on by person id
          col.ref('cursor_person_id', true),
          col.time('started_at'),
          col.time('finished_at', true),
        ],
        indices: [{ name: 'ix_score_runs_status', columnNames: ['status', 'started_at'] }],
      }),
    );
    await q.addColumns('score_items', [
      new TableColumn({ ...col.text('dedupe_key', 64), default: "''" }),
      new TableColumn({ ...col.int('day'), default: 0 }),
      new TableColumn(col.text('signal_kind', 24, true)),
      new TableColumn(col.text('content_type', 16, true)),
      new TableColumn(col.text('content_id', 64, true)),
    ]);
    await q.createIndex('score_items', new TableIndex({ name: 'uq_score_items_dedupe', columnNames: ['person_id', 'rule_key', 'dedupe_key'], isUnique: true }));
    await q.createIndex('score_items', new TableIndex({ name: 'ix_score_items_cap', columnNames: ['person_id', 'rule_key', 'day'] }));
    // the console's "5 recently active leads" and the re-score's walk by person id use the primary key and this
    await q.createIndex('leads', new TableIndex({ name: 'ix_leads_last_activity', columnNames: ['last_activity_at', 'person_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('leads', 'ix_leads_last_activity');
    await q.dropIndex('score_items', 'ix_score_items_cap');
    await q.dropIndex('score_items', 'uq_score_items_dedupe');
    for (const c of ['content_id', 'content_type', 'signal_kind', 'day', 'dedupe_key']) await q.dropColumn('score_items', c);
    await q.dropTable('score_runs');
    await q.dropTable('score_rule_sets');
  }
}
