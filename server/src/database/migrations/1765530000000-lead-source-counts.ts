import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * A content's people (a live report's 请求联系 count, the pool filtered to a content) are read from
 * its conversions by content: without this index that is a scan of every conversion.
 */
export class LeadSourceCounts1765530000000 implements MigrationInterface {
  name = 'LeadSourceCounts1765530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('conversions', new TableIndex({ name: 'ix_conversions_content', columnNames: ['content_type', 'content_id', 'person_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('conversions', 'ix_conversions_content');
  }
}
