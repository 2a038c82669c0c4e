import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../columns';

/**
 * The sales organisation (groups, members with territory, capacity and availability) and routing:
 * the ordered rules, every decision with its reason (one per triggering event, by a unique key),
 * and each lead's current assignment — a null owner is the unassigned queue. A group's row holds
 * its round-robin position, so rotation survives restarts and is taken under the row's lock.
 */
export class SalesOrgRouting1765500000000 implements MigrationInterface {
  name = 'SalesOrgRouting1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'sales_groups',
        columns: [
          col.id(),
          col.text('name', 40),
          col.ref('manager_staff_id', true),
          col.text('partner_leads', 16),
          col.ref('last_seat', true),
          { name: 'assigned', type: 'int', default: 0 },
          col.time('created_at'),
          col.time('updated_at'),
        ],
        indices: [{ name: 'ix_sales_groups_manager', columnNames: ['manager_staff_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sales_members',
        columns: [
          col.id('staff_id'),
          col.ref('group_id'),
          // when they joined (a ULID): their place in the rotation
          col.ref('seat'),
          col.text('regions', 400),
          col.text('industries', 600),
          col.text('tiers', 16),
          col.int('capacity', true),
          { name: 'paused', type: 'int', default: 0 },
          col.text('away_until', 10, true),
          col.ref('updated_by', true),
          col.time('updated_at'),
        ],
        indices: [{ name: 'ix_sales_members_group', columnNames: ['group_id', 'seat'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'routing_rules',
        columns: [
          col.id(),
          col.int('position'),
          col.text('name', 40),
          col.text('regions', 400),
          col.text('industries', 600),
          col.text('size_bands', 120),
          col.text('tiers', 16),
          col.ref('group_id'),
          { name: 'enabled', type: 'int', default: 1 },
          col.ref('created_by', true),
          col.time('created_at'),
        ],
        indices: [{ name: 'ix_routing_rules_position', columnNames: ['position'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'routing_decisions',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.ref('event_id', true),
          col.text('trigger_kind', 16),
          col.text('outcome', 16),
          col.text('step', 16),
          col.text('reason', 200),
          col.ref('staff_id', true),
          col.ref('previous_staff_id', true),
          col.ref('group_id', true),
          col.ref('rule_id', true),
          col.ref('by_staff_id', true),
          { name: 'signalled', type: 'int', default: 0 },
          col.time('created_at'),
        ],
        indices: [
          { name: 'ux_routing_decisions_event', columnNames: ['event_id'], isUnique: true },
          { name: 'ix_routing_decisions_person', columnNames: ['person_id', 'id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lead_assignments',
        columns: [col.id('person_id'), col.ref('staff_id', true), col.ref('group_id', true), col.ref('decision_id'), col.time('assigned_at')],
        // a member's leads newest first, and the unassigned queue (staff_id null) oldest first
        indices: [{ name: 'ix_lead_assignments_staff', columnNames: ['staff_id', 'decision_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['lead_assignments', 'routing_decisions', 'routing_rules', 'sales_members', 'sales_groups']) await q.dropTable(table);
  }
}
