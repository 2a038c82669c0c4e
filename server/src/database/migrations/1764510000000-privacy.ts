import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { col } from '../columns';

export class Privacy1764510000000 implements MigrationInterface {
  name = 'Privacy1764510000000';

  async up(q: QueryRunner): Promise<void> {
    // an erased person keeps an empty row (ids elsewhere still point at it) marked here
    await q.addColumn('persons', new TableColumn(col.time('erased_at', true)));
    await q.createTable(
      new Table({
        name: 'person_erasures',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.time('erased_at'),
          // set once the deletion has reached the CRM (webhook)
          col.time('propagated_at', true),
        ],
        indices: [{ name: 'ix_person_erasures_propagation', columnNames: ['propagated_at', 'id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('person_erasures');
    await q.dropColumn('persons', 'erased_at');
  }
}
