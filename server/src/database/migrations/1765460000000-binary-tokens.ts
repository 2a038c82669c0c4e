import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysql } from '../sql';

/** Columns compared as exact strings: a case variant of a token, code or client id is another value. */
const EXACT: { table: string; column: string; length: number; nullable: boolean }[] = [
  { table: 'share_nodes', column: 'token', length: 16, nullable: false },
  { table: 'share_nodes', column: 'mint_key', length: 64, nullable: false },
  { table: 'channels', column: 'code', length: 16, nullable: false },
  { table: 'events', column: 'source_key', length: 64, nullable: false },
  { table: 'events', column: 'client_event_id', length: 64, nullable: false },
  { table: 'events', column: 'anonymous_id', length: 64, nullable: true },
  { table: 'share_node_visits', column: 'visitor_key', length: 80, nullable: false },
  { table: 'staff_invites', column: 'token_hash', length: 64, nullable: false },
  { table: 'console_login_tickets', column: 'ticket_hash', length: 64, nullable: false },
  { table: 'console_login_tickets', column: 'poll_secret_hash', length: 64, nullable: false },
];

/**
 * Share tokens, channel codes, invite and ticket hashes and client event ids compared under the
 * default case-insensitive collation, so `AbC` found the row of `abc`. MySQL/MariaDB/TiDB: binary
 * collation on each; SQLite compares bytes already.
 */
export class BinaryTokens1765460000000 implements MigrationInterface {
  name = 'BinaryTokens1765460000000';

  async up(q: QueryRunner): Promise<void> {
    await this.collate(q, 'utf8mb4_bin');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.collate(q, 'utf8mb4_unicode_ci');
  }

  private async collate(q: QueryRunner, collation: string): Promise<void> {
    if (!isMysql(q.connection)) return;
    for (const table of new Set(EXACT.map((c) => c.table))) {
      const columns = EXACT.filter((c) => c.table === table);
      const changes = columns.map((c) => `MODIFY \`${c.column}\` VARCHAR(${c.length}) CHARACTER SET utf8mb4 COLLATE ${collation} ${c.nullable ? 'NULL' : 'NOT NULL'}`);
      await q.query(`ALTER TABLE \`${table}\` ${changes.join(', ')}`);
    }
  }
}
