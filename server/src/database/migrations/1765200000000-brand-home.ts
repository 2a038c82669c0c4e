import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import { col } from '../columns';

/** Long text: MEDIUMTEXT on MySQL (a policy text passes TEXT's 64 KB in UTF-8), TEXT on SQLite (unbounded). */
const longText = (q: QueryRunner, name: string): TableColumnOptions => ({ name, type: q.connection.driver.options.type === 'mysql' ? 'mediumtext' : 'text' });

export class BrandHome1765200000000 implements MigrationInterface {
  name = 'BrandHome1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // one row ('brand'): the company the mini-program speaks for
    await q.createTable(
      new Table({
        name: 'brand_settings',
        columns: [
          { name: 'id', type: 'varchar', length: '16', isPrimary: true },
          col.text('company_name', 60),
          col.text('short_name', 12),
          col.text('colour', 7),
          col.text('service_phone', 20, true),
          // FileStorage key suffix of the logo (brand-logos/<id>)
          col.ref('logo_id', true),
          longText(q, 'privacy_policy_text'),
          col.text('privacy_policy_version', 32),
          longText(q, 'user_agreement_text'),
          col.text('user_agreement_version', 32),
          col.int('version'),
          col.ref('updated_by', true),
          col.time('updated_at'),
        ],
      }),
    );
    // one row ('home'): the draft marketers edit
    await q.createTable(
      new Table({
        name: 'home_page_drafts',
        columns: [{ name: 'id', type: 'varchar', length: '16', isPrimary: true }, longText(q, 'blocks'), col.ref('updated_by', true), col.time('updated_at')],
      }),
    );
    // every published version, kept: prospects see the highest
    await q.createTable(
      new Table({
        name: 'home_page_versions',
        columns: [{ name: 'version', type: 'int', isPrimary: true }, longText(q, 'blocks'), col.ref('published_by', true), col.time('published_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'home_contact_requests',
        columns: [col.id(), col.ref('person_id', true), col.text('request_id', 64), col.text('note', 200, true), col.text('share_token', 64, true), col.time('created_at')],
        indices: [{ name: 'ux_home_contact_requests_request', columnNames: ['person_id', 'request_id'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('home_contact_requests');
    await q.dropTable('home_page_versions');
    await q.dropTable('home_page_drafts');
    await q.dropTable('brand_settings');
  }
}
