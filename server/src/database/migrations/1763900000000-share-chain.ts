import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../columns';

const counter = (name: string) => ({ name, type: 'int', default: 0 });

export class ShareChain1763900000000 implements MigrationInterface {
  name = 'ShareChain1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'channels',
        columns: [
          col.id(),
          col.text('code', 16),
          col.text('name', 40),
          col.text('kind', 16),
          col.ref('owner_staff_id', true),
          col.ref('created_by', true),
          col.time('created_at'),
        ],
        uniques: [{ name: 'uq_channels_code', columnNames: ['code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'share_nodes',
        columns: [
          col.id(),
          col.text('token', 16),
          // sha256 of (sharer, content, parent, channel): minting the same share twice returns it
          col.text('mint_key', 64),
          col.ref('sharer_person_id'),
          col.ref('sharer_staff_id', true),
          col.text('content_type', 16),
          col.text('content_id', 64),
          col.ref('channel_id', true),
          col.ref('parent_id', true),
          col.ref('root_id'),
          col.ref('root_staff_id', true),
          col.int('depth'),
          col.time('created_at'),
          // a token exists once asked for; the share "happened" when it was sent or someone arrived
          col.time('activated_at', true),
          // incremental counters (never recomputed by a scan); subtree_* include the node itself and
          // count only activated nodes
          counter('visitors'),
          counter('conversions'),
          counter('subtree_nodes'),
          counter('subtree_visitors'),
          counter('subtree_conversions'),
        ],
        uniques: [
          { name: 'uq_share_nodes_token', columnNames: ['token'] },
          { name: 'uq_share_nodes_mint', columnNames: ['mint_key'] },
        ],
        indices: [
          // star-map: the biggest subtrees of one content first
          { name: 'ix_share_nodes_content_size', columnNames: ['content_type', 'content_id', 'subtree_nodes', 'depth'] },
          // roots of a content (tree totals without scanning the tree)
          { name: 'ix_share_nodes_content_depth', columnNames: ['content_type', 'content_id', 'depth'] },
          { name: 'ix_share_nodes_parent', columnNames: ['parent_id'] },
          { name: 'ix_share_nodes_sharer', columnNames: ['sharer_person_id', 'content_type', 'content_id'] },
          { name: 'ix_share_nodes_root_staff', columnNames: ['root_staff_id', 'content_type', 'content_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        // per content and sharer: who spreads it (top spreaders, staff's own numbers), kept incrementally
        name: 'share_spreaders',
        columns: [
          col.text('content_type', 16),
          col.text('content_id', 64),
          col.ref('person_id'),
          col.ref('staff_id', true),
          counter('shares'),
          counter('visitors'),
          counter('conversions'),
        ],
        uniques: [{ name: 'uq_share_spreaders', columnNames: ['content_type', 'content_id', 'person_id'] }],
        indices: [{ name: 'ix_share_spreaders_top', columnNames: ['content_type', 'content_id', 'visitors'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'events',
        columns: [
          col.id(),
          // (source_key, client_event_id) is unique: a resent event is stored once
          col.text('source_key', 64),
          col.text('client_event_id', 64),
          col.text('type', 24),
          col.ref('person_id', true),
          col.text('anonymous_id', 64, true),
          col.ref('share_node_id', true),
          col.ref('channel_id', true),
          { name: 'launch_scene', type: 'int', isNullable: true },
          col.text('page', 128),
          { name: 'props', type: 'text', isNullable: true },
          // why the event does not count (crawler, prefetch, self_referral, staff, repeat, unknown_token)
          col.text('discount', 24, true),
          // 0 = waiting for attribution, 1 = done
          { name: 'state', type: 'tinyint', default: 0 },
          col.time('occurred_at'),
          col.time('received_at'),
        ],
        uniques: [{ name: 'uq_events_client', columnNames: ['source_key', 'client_event_id'] }],
        indices: [
          { name: 'ix_events_state', columnNames: ['state', 'id'] },
          { name: 'ix_events_person', columnNames: ['person_id', 'occurred_at'] },
          { name: 'ix_events_anonymous', columnNames: ['anonymous_id', 'occurred_at'] },
          { name: 'ix_events_node', columnNames: ['share_node_id', 'occurred_at'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'share_node_visits',
        columns: [col.ref('node_id'), col.text('visitor_key', 80), col.time('first_at')],
        uniques: [{ name: 'uq_share_node_visits', columnNames: ['node_id', 'visitor_key'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'person_attribution',
        columns: [
          { ...col.ref('person_id'), isPrimary: true },
          col.ref('first_event_id', true),
          col.ref('first_node_id', true),
          col.ref('first_channel_id', true),
          col.time('first_at', true),
          col.ref('owner_staff_id', true),
          col.ref('owner_node_id', true),
          col.time('owned_at', true),
          col.time('updated_at'),
        ],
        indices: [{ name: 'ix_person_attribution_owner', columnNames: ['owner_staff_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ownership_decisions',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.ref('candidate_staff_id', true),
          col.ref('previous_owner_staff_id', true),
          col.text('decision', 16),
          col.text('reason', 64),
          col.ref('evidence_node_id', true),
          col.ref('evidence_event_id', true),
          col.time('created_at'),
        ],
        indices: [{ name: 'ix_ownership_decisions_person', columnNames: ['person_id', 'created_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'conversions',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.text('kind', 24),
          // the business record behind it (a sign-up id, a download id): one conversion each
          col.text('ref_id', 64),
          col.text('content_type', 16, true),
          col.text('content_id', 64, true),
          col.ref('last_touch_event_id', true),
          col.ref('last_touch_node_id', true),
          col.time('occurred_at'),
        ],
        uniques: [{ name: 'uq_conversions_ref', columnNames: ['kind', 'ref_id'] }],
        indices: [{ name: 'ix_conversions_person', columnNames: ['person_id', 'occurred_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'conversion_credits',
        columns: [
          col.ref('conversion_id'),
          col.text('model', 16),
          col.int('position'),
          col.ref('node_id'),
          col.ref('person_id'),
          col.ref('staff_id', true),
          // credit in basis points (1/10 000 of the conversion)
          col.int('weight_bp'),
        ],
        uniques: [{ name: 'uq_conversion_credits', columnNames: ['conversion_id', 'model', 'position'] }],
        indices: [{ name: 'ix_conversion_credits_person', columnNames: ['person_id', 'model'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['conversion_credits', 'conversions', 'ownership_decisions', 'person_attribution', 'share_node_visits', 'events', 'share_spreaders', 'share_nodes', 'channels']) {
      await q.dropTable(t);
    }
  }
}
