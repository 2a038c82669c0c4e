import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { col } from '../columns';

/** `leads.status` was 16 characters; 'contact_requested' (a card's 请联系我) has 17. */
export class LeadStatusWidth1764350000001 implements MigrationInterface {
  name = 'LeadStatusWidth1764350000001';

  async up(q: QueryRunner): Promise<void> {
    await q.changeColumn('leads', 'status', new TableColumn(col.text('status', 24)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.changeColumn('leads', 'status', new TableColumn(col.text('status', 16)));
  }
}
