import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../columns';

export class Identity1763800000000 implements MigrationInterface {
  name = 'Identity1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'persons',
        columns: [
          col.id(),
          col.text('nickname', 64, true),
          // AES-256-GCM ciphertext of the phone; the lookup hash lives in person_identifiers
          col.text('phone_enc', 255, true),
          col.text('phone_masked', 20, true),
          col.ref('merged_into', true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'person_identifiers',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.text('kind', 16),
          // openid/unionid are per app; empty for phone/email
          col.text('app_id', 32),
          // openid/unionid as WeChat gives them; phone as an HMAC so it is never stored in clear
          col.text('value', 128),
          col.time('created_at'),
        ],
        uniques: [{ name: 'uq_person_identifiers_kind_value', columnNames: ['kind', 'app_id', 'value'] }],
        indices: [{ name: 'ix_person_identifiers_person', columnNames: ['person_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'person_merges',
        columns: [
          col.id(),
          col.ref('survivor_id'),
          col.ref('merged_id'),
          col.text('matched_kind', 16),
          // JSON list of identifier ids moved from merged to survivor, so the merge can be undone
          { name: 'moved_identifiers', type: 'text' },
          col.time('created_at'),
          col.time('reverted_at', true),
        ],
        indices: [
          { name: 'ix_person_merges_survivor', columnNames: ['survivor_id'] },
          { name: 'ix_person_merges_merged', columnNames: ['merged_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff',
        columns: [
          col.id(),
          col.text('name', 40),
          col.text('role', 16),
          col.text('status', 16),
          col.ref('person_id', true),
          col.ref('invited_by', true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        uniques: [{ name: 'uq_staff_person', columnNames: ['person_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_invites',
        columns: [
          col.id(),
          col.text('token_hash', 64),
          col.text('name', 40),
          col.text('role', 16),
          col.ref('created_by', true),
          col.ref('staff_id', true),
          col.time('expires_at'),
          col.time('used_at', true),
          col.time('created_at'),
        ],
        uniques: [{ name: 'uq_staff_invites_token', columnNames: ['token_hash'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'console_login_tickets',
        columns: [
          col.id(),
          col.text('ticket_hash', 64),
          col.text('poll_secret_hash', 64),
          col.text('status', 16),
          col.ref('staff_id', true),
          col.time('expires_at'),
          col.time('scanned_at', true),
          col.time('confirmed_at', true),
          col.time('consumed_at', true),
          col.time('created_at'),
        ],
        uniques: [{ name: 'uq_console_login_tickets_ticket', columnNames: ['ticket_hash'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'wechat_access_tokens',
        columns: [
          { name: 'app_id', type: 'varchar', length: '32', isPrimary: true },
          col.text('access_token', 512),
          col.time('expires_at'),
          col.time('updated_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['wechat_access_tokens', 'console_login_tickets', 'staff_invites', 'staff', 'person_merges', 'person_identifiers', 'persons']) {
      await q.dropTable(table);
    }
  }
}
