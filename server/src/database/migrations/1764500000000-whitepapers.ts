import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../columns';

export class Whitepapers1764500000000 implements MigrationInterface {
  name = 'Whitepapers1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'whitepapers',
        columns: [
          col.id(),
          col.text('title', 80),
          col.text('summary', 500),
          // JSON arrays
          col.text('tags', 400),
          col.text('required_fields', 80),
          col.text('status', 16),
          // bumped by every change of content: posters and caches key on it
          col.int('version'),
          col.text('file_key', 64),
          col.text('file_name', 160),
          col.int('file_size'),
          col.text('file_sha256', 64),
          col.text('cover_key', 64, true),
          col.text('cover_type', 16, true),
          col.ref('created_by', true),
          col.time('created_at'),
          col.time('updated_at'),
          col.time('published_at', true),
        ],
        indices: [{ name: 'ix_whitepapers_status', columnNames: ['status', 'id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'whitepaper_downloads',
        columns: [
          col.id(),
          col.ref('whitepaper_id'),
          col.ref('person_id', true),
          col.text('request_id', 64),
          col.text('share_token', 64, true),
          col.text('channel_code', 64, true),
          col.text('page', 128),
          col.time('created_at'),
        ],
        // a retried download request (same person, same request id) is stored once
        uniques: [{ name: 'uq_whitepaper_downloads_request', columnNames: ['person_id', 'request_id'] }],
        indices: [
          { name: 'ix_whitepaper_downloads_whitepaper', columnNames: ['whitepaper_id', 'id'] },
          { name: 'ix_whitepaper_downloads_person', columnNames: ['person_id', 'id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('whitepaper_downloads');
    await q.dropTable('whitepapers');
  }
}
