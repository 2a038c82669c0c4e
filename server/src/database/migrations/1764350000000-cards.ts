import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../columns';

const counter = (name: string) => ({ name, type: 'int', default: 0 });

export class Cards1764350000000 implements MigrationInterface {
  name = 'Cards1764350000000';

  async up(q: QueryRunner): Promise<void> {
    // one card per staff member
    await q.createTable(
      new Table({
        name: 'cards',
        columns: [
          col.id(),
          col.ref('staff_id'),
          col.text('name', 40),
          col.text('title', 40, true),
          col.text('company', 80, true),
          col.text('phone', 20, true),
          col.text('email', 120, true),
          col.ref('avatar_image_id', true),
          col.ref('contact_qr_image_id', true),
          // what the owner wrote, and what others see: the last introduction msg_sec_check passed
          col.text('intro_draft', 500, true),
          col.text('intro_published', 500, true),
          col.text('intro_status', 16),
          // bumped on every new draft: a check's verdict applies only to the draft it checked
          counter('intro_version'),
          col.int('intro_label', true),
          // pending drafts are (re)checked from this time on; a checker claims one by moving it forward
          col.time('intro_check_after', true),
          counter('intro_attempts'),
          { name: 'featured', type: 'text' },
          col.ref('signals_read_through', true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        uniques: [{ name: 'uq_cards_staff', columnNames: ['staff_id'] }],
        indices: [{ name: 'ix_cards_intro_due', columnNames: ['intro_status', 'intro_check_after'] }],
      }),
    );
    // avatars and contact QR codes: the bytes are in FileStorage under card-images/<id>; ids are
    // never reused, so an image is immutable and cacheable forever
    await q.createTable(
      new Table({
        name: 'card_images',
        columns: [col.id(), col.ref('staff_id'), col.text('kind', 16), col.text('mime', 16), col.int('size'), col.time('created_at')],
        indices: [{ name: 'ix_card_images_staff', columnNames: ['staff_id'] }],
      }),
    );
    // append-only: one row per counted view
    await q.createTable(
      new Table({
        name: 'card_views',
        columns: [col.id(), col.ref('card_id'), col.ref('person_id'), col.text('share_token', 64, true), col.text('channel_code', 64, true), col.time('viewed_at')],
        indices: [{ name: 'ix_card_views_card', columnNames: ['card_id', 'viewed_at'] }],
      }),
    );
    // per (card, visitor): how often and when, for the owner's list (keyset by last view)
    await q.createTable(
      new Table({
        name: 'card_visitors',
        columns: [
          { ...col.ref('card_id'), isPrimary: true },
          { ...col.ref('person_id'), isPrimary: true },
          counter('views'),
          col.time('first_view_at'),
          col.time('last_view_at'),
          col.time('contact_requested_at', true),
        ],
        indices: [{ name: 'ix_card_visitors_recent', columnNames: ['card_id', 'last_view_at', 'person_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'card_signals',
        columns: [col.id(), col.ref('card_id'), col.text('kind', 24), col.ref('person_id'), col.int('visits'), col.time('created_at')],
        indices: [{ name: 'ix_card_signals_card', columnNames: ['card_id', 'id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'card_contact_requests',
        columns: [
          col.id(),
          col.ref('card_id'),
          col.ref('person_id'),
          // the client's idempotency key: a retried request is stored once
          col.text('request_id', 64),
          col.text('note', 200, true),
          col.ref('share_node_id', true),
          col.time('created_at'),
        ],
        uniques: [{ name: 'uq_card_contact_requests_request', columnNames: ['card_id', 'person_id', 'request_id'] }],
        indices: [{ name: 'ix_card_contact_requests_card', columnNames: ['card_id', 'created_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['card_contact_requests', 'card_signals', 'card_visitors', 'card_views', 'card_images', 'cards']) await q.dropTable(table);
  }
}
