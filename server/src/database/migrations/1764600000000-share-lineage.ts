import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * A covering index for walking up a share tree: each step reads (id → parent_id) from a narrow
 * index that stays in the buffer pool at millions of nodes, instead of the node's whole row.
 */
export class ShareLineage1764600000000 implements MigrationInterface {
  name = 'ShareLineage1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('share_nodes', new TableIndex({ name: 'ix_share_nodes_lineage', columnNames: ['id', 'parent_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('share_nodes', 'ix_share_nodes_lineage');
  }
}
