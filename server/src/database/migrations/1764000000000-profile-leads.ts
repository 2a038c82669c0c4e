import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { col } from '../columns';

export class ProfileLeads1764000000000 implements MigrationInterface {
  name = 'ProfileLeads1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('persons', [
      new TableColumn(col.text('real_name', 40, true)),
      new TableColumn(col.text('company', 80, true)),
      new TableColumn(col.text('job_title', 40, true)),
      new TableColumn(col.text('email', 120, true)),
    ]);
    // Append-only: a grant or a withdrawal is a new row; the latest row per purpose is the state.
    await q.createTable(
      new Table({
        name: 'consents',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.text('purpose', 32),
          col.text('action', 16),
          col.text('policy_version', 32),
          col.text('source_page', 128),
          col.time('created_at'),
        ],
        indices: [{ name: 'ix_consents_person', columnNames: ['person_id', 'purpose', 'created_at'] }],
      }),
    );
    // One lead per person; its owner is the person's owner in person_attribution.
    await q.createTable(
      new Table({
        name: 'leads',
        columns: [
          { ...col.ref('person_id'), isPrimary: true },
          col.text('status', 16),
          col.text('first_kind', 24),
          col.text('first_ref', 64),
          col.text('last_kind', 24),
          col.text('last_ref', 64),
          { name: 'activity_count', type: 'int', default: 0 },
          col.time('contact_requested_at', true),
          col.time('created_at'),
          col.time('last_activity_at'),
        ],
        indices: [{ name: 'ix_leads_activity', columnNames: ['last_activity_at', 'person_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('leads');
    await q.dropTable('consents');
    for (const column of ['email', 'job_title', 'company', 'real_name']) await q.dropColumn('persons', column);
  }
}
