import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * `ix_leads_last_activity` repeated `ix_leads_activity` column for column (last activity, person):
 * every lead write paid for the same index twice. The older one stays.
 */
export class LeadActivityIndex1765470000000 implements MigrationInterface {
  name = 'LeadActivityIndex1765470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('leads', 'ix_leads_last_activity');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('leads', new TableIndex({ name: 'ix_leads_last_activity', columnNames: ['last_activity_at', 'person_id'] }));
  }
}
