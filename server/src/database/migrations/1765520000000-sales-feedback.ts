import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

const LeadIndexes: { name: string; columnNames: string[] }[] = [
  // 我的线索 sorted by the next follow-up (the owner's leads), and the pool's 待跟进
  { name: 'ix_leads_owner_follow_up', columnNames: ['owner_staff_id', 'next_follow_up_at', 'person_id'] },
  { name: 'ix_leads_follow_up', columnNames: ['next_follow_up_at', 'person_id'] },
];

/**
 * Feedback from sales: one row per accept, reject, contact attempt, opportunity and outcome, with
 * who gave it; the lead's next follow-up; the calibration report's
 * index on when leads entered a stage.
 */
export class SalesFeedback1765520000000 implements MigrationInterface {
  name = 'SalesFeedback1765520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'lead_feedback',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.text('kind', 12),
          col.text('reason', 16, true),
          col.text('channel', 8, true),
          col.text('outcome', 12, true),
          col.text('note', 200, true),
          { name: 'amount_fen', type: 'bigint', isNullable: true },
          col.text('close_on', 10, true),
          col.text('follow_up_on', 10, true),
          col.ref('by_staff_id'),
          col.time('created_at'),
        ],
        indices: [
          { name: 'ix_lead_feedback_person', columnNames: ['person_id', 'created_at', 'id'] },
          { name: 'ix_lead_feedback_kind', columnNames: ['kind', 'person_id'] },
        ],
      }),
    );
    await q.addColumn('leads', new TableColumn({ name: 'next_follow_up_at', type: 'datetime', precision: 3, isNullable: true }));
    for (const index of LeadIndexes) await q.createIndex('leads', new TableIndex(index));
    await q.createIndex('lead_stage_changes', new TableIndex({ name: 'ix_lead_stage_changes_to', columnNames: ['to_stage', 'created_at', 'person_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('lead_stage_changes', 'ix_lead_stage_changes_to');
    for (const index of LeadIndexes) await q.dropIndex('leads', index.name);
    await q.dropColumn('leads', 'next_follow_up_at');
    await q.dropTable('lead_feedback');
  }
}
