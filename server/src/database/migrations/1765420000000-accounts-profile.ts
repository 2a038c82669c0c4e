import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

/**
 * Accounts and staff profile edits: a profile change names the staff member who made it (null:
 * the person themself), and every account merge is recorded (who, which into which, how many
 * contacts moved).
 */
export class AccountsProfile1765420000000 implements MigrationInterface {
  name = 'AccountsProfile1765420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('profile_changes', new TableColumn(col.ref('by_staff_id', true)));
    await q.createTable(
      new Table({
        name: 'account_merges',
        columns: [col.id(), col.ref('survivor_id'), col.ref('merged_id'), col.ref('by_staff_id', true), col.int('moved_contacts'), col.time('created_at')],
        indices: [{ name: 'ix_account_merges_survivor', columnNames: ['survivor_id', 'created_at'] }],
      }),
    );
    // the accounts list filters by owner and industry, newest first
    await q.createIndex('accounts', new TableIndex({ name: 'ix_accounts_owner', columnNames: ['owner_staff_id', 'id'] }));
    await q.createIndex('accounts', new TableIndex({ name: 'ix_accounts_industry', columnNames: ['industry', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('accounts', 'ix_accounts_industry');
    await q.dropIndex('accounts', 'ix_accounts_owner');
    await q.dropTable('account_merges');
    await q.dropColumn('profile_changes', 'by_staff_id');
  }
}
