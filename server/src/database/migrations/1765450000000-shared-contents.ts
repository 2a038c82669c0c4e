import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../columns';

/**
 * One row per content item that has been shared: how many shares happened and when the latest
 * did, kept as shares are activated, so the star map's picker reads a page of the most recently
 * shared content from an index instead of grouping every share node on each request.
 */
export class SharedContents1765450000000 implements MigrationInterface {
  name = 'SharedContents1765450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'shared_contents',
        columns: [
          { ...col.text('content_type', 16), isPrimary: true },
          { ...col.text('content_id', 64), isPrimary: true },
          { name: 'shares', type: 'int', default: 0 },
          col.time('last_shared_at'),
        ],
        indices: [{ name: 'ix_shared_contents_recent', columnNames: ['last_shared_at', 'content_type', 'content_id'] }],
      }),
    );
    // what was shared before this table existed
    await q.query(
      `INSERT INTO shared_contents (content_type, content_id, shares, last_shared_at)
       SELECT content_type, content_id, COUNT(*), MAX(activated_at) FROM share_nodes WHERE activated_at IS NOT NULL GROUP BY content_type, content_id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('shared_contents');
  }
}
