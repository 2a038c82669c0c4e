import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

/**
 * The lead workspace's shared schema: the profile's new fields and tags, accounts, and on the lead
 * its stage, fit grade, decayed intent key and owner; every stage change and every scored item
 * (the breakdown), and the one row of lead settings (half-life, MQL thresholds, rule version).
 */
export class LeadWorkspace1765400000000 implements MigrationInterface {
  name = 'LeadWorkspace1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('persons', [
      new TableColumn(col.text('industry', 40, true)),
      new TableColumn(col.text('province', 20, true)),
      new TableColumn(col.text('city', 20, true)),
      new TableColumn(col.text('size_band', 16, true)),
      new TableColumn(col.text('department', 40, true)),
      new TableColumn(col.text('seniority', 16, true)),
      // 1 when staff set the seniority; otherwise it follows the job title
      new TableColumn({ ...col.int('seniority_edited'), default: 0 }),
      new TableColumn(col.ref('account_id', true)),
      new TableColumn(col.text('buying_role', 16, true)),
    ]);
    await q.createTable(
      new Table({
        name: 'person_tags',
        columns: [{ ...col.ref('person_id'), isPrimary: true }, { ...col.text('tag', 20), isPrimary: true }, col.ref('by_staff_id', true), col.time('created_at')],
        indices: [{ name: 'ix_person_tags_tag', columnNames: ['tag', 'person_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'accounts',
        columns: [
          col.id(),
          col.text('name', 80),
          col.text('normalized_name', 80),
          col.text('email_domain', 120, true),
          col.text('industry', 40, true),
          col.text('size_band', 16, true),
          col.text('province', 20, true),
          col.text('city', 20, true),
          col.ref('owner_staff_id', true),
          { ...col.int('is_target'), default: 0 },
          { name: 'tier', type: 'varchar', length: '1', isNullable: true },
          col.ref('merged_into', true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        uniques: [{ name: 'uq_accounts_normalized_name', columnNames: ['normalized_name'] }],
        indices: [
          { name: 'ix_accounts_email_domain', columnNames: ['email_domain'] },
          { name: 'ix_accounts_target', columnNames: ['is_target', 'tier', 'id'] },
        ],
      }),
    );
    await q.createIndex('persons', new TableIndex({ name: 'ix_persons_account', columnNames: ['account_id'] }));
    await q.addColumns('leads', [
      new TableColumn({ ...col.text('stage', 16), default: "'new'" }),
      new TableColumn(col.time('stage_changed_at', true)),
      new TableColumn({ name: 'fit_grade', type: 'varchar', length: '1', default: "'D'" }),
      new TableColumn({ ...col.int('fit_points'), default: 0 }),
      // Σ points · 2^((at − epoch) / half-life): ordering by it is ordering by the current score (shared/contracts/leads.ts)
      new TableColumn({ name: 'intent_key', type: 'double', default: 0 }),
      new TableColumn(col.time('scored_at', true)),
      new TableColumn({ ...col.int('rule_version'), default: 0 }),
      new TableColumn(col.ref('owner_staff_id', true)),
    ]);
    await q.createTable(
      new Table({
        name: 'lead_stage_changes',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.text('from_stage', 16, true),
          col.text('to_stage', 16),
          col.text('reason', 200, true),
          col.ref('by_staff_id', true),
          col.text('by_rule', 64, true),
          col.time('created_at'),
        ],
        indices: [{ name: 'ix_lead_stage_changes_person', columnNames: ['person_id', 'created_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'score_items',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.text('dimension', 8),
          col.text('rule_key', 40),
          col.text('rule_label', 40),
          col.ref('event_id', true),
          col.int('points'),
          col.int('rule_version'),
          col.time('occurred_at'),
        ],
        indices: [{ name: 'ix_score_items_person', columnNames: ['person_id', 'dimension', 'occurred_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lead_settings',
        columns: [
          { ...col.text('id', 16), isPrimary: true },
          col.int('half_life_days'),
          { name: 'mql_min_grade', type: 'varchar', length: '1' },
          col.int('mql_min_intent'),
          col.int('rule_version'),
          col.ref('updated_by_staff_id', true),
          col.time('updated_at'),
        ],
      }),
    );
    await q.query("INSERT INTO lead_settings (id, half_life_days, mql_min_grade, mql_min_intent, rule_version, updated_at) VALUES ('default', 30, 'B', 50, 1, '2026-01-01 00:00:00.000')");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('lead_settings');
    await q.dropTable('score_items');
    await q.dropTable('lead_stage_changes');
    for (const c of ['owner_staff_id', 'rule_version', 'scored_at', 'intent_key', 'fit_points', 'fit_grade', 'stage_changed_at', 'stage']) await q.dropColumn('leads', c);
    await q.dropIndex('persons', 'ix_persons_account');
    await q.dropTable('accounts');
    await q.dropTable('person_tags');
    for (const c of ['buying_role', 'account_id', 'seniority_edited', 'seniority', 'department', 'size_band', 'city', 'province', 'industry']) await q.dropColumn('persons', c);
  }
}
