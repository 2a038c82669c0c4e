import { Injectable } from '@nestjs/common';
import type { StarMapNode, StarMapQuery, StarMapResponse } from '@leadloop/shared';
import { DataSource, In } from 'typeorm';
import { sqlTime } from '../../database/sql';
import { PersonEntity } from '../identity/identity.entity';
import { StaffEntity } from '../staff/staff.entity';
import { channelUnknown } from './share-chain.errors';
import { ShareNodeEntity } from './share-chain.entity';
import { ShareChainRepository } from './share-chain.repository';

const TOP_SPREADERS = 10;
/** Share of the node budget kept for summary nodes standing in for hidden subtrees. */
const SUMMARY_SHARE = 0.2;

interface Sharer {
  personId: string;
  staffId: string | null;
}

type Row = Pick<ShareNodeEntity, 'id' | 'parentId' | 'sharerPersonId' | 'sharerStaffId' | 'channelId' | 'depth' | 'visitors' | 'conversions' | 'subtreeNodes' | 'subtreeVisitors' | 'subtreeConversions'>;

/**
 * The share tree of one content item, aggregated on the server so the client never gets more
 * than `limit` nodes. A parent's subtree is always larger than any child's, so "the N biggest
 * subtrees" is one indexed query and is closed under ancestors: the top of the tree, with each
 * cut-off part summarised by a collapsed node carrying its counts.
 */
@Injectable()
export class StarMapService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: ShareChainRepository,
  ) {}

  async build(query: StarMapQuery): Promise<StarMapResponse> {
    const channel = query.channelCode ? await this.nodes.findChannelByCode(query.channelCode) : null;
    if (query.channelCode && !channel) throw channelUnknown(query.channelCode);
    const real = Math.max(1, Math.floor(query.limit * (1 - SUMMARY_SHARE)));

    const select = this.dataSource.manager
      .createQueryBuilder(ShareNodeEntity, 'n')
      .select(['n.id', 'n.parentId', 'n.sharerPersonId', 'n.sharerStaffId', 'n.channelId', 'n.depth', 'n.visitors', 'n.conversions', 'n.subtreeNodes', 'n.subtreeVisitors', 'n.subtreeConversions'])
      .where('n.content_type = :type AND n.content_id = :id AND n.activated_at IS NOT NULL', { type: query.contentType, id: query.contentId })
      // all DESC, matching the index read backwards (a mixed direction would sort in memory)
      .orderBy('n.subtree_nodes', 'DESC')
      .addOrderBy('n.depth', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(real);
    if (query.to) select.andWhere('n.created_at <= :to', { to: sqlTime(new Date(query.to)) });
    // a channel filter keeps the trees that were started through that channel
    const channelRoots = 'SELECT r.id FROM share_nodes r WHERE r.content_type = :type AND r.content_id = :id AND r.depth = 0 AND r.channel_id = :channel';
    if (channel) select.andWhere(`n.root_id IN (${channelRoots})`, { channel: channel.id });
    const rows: Row[] = await select.getMany();

    // every node is in exactly one root's subtree
    const totals = await this.dataSource.query(
      `SELECT COALESCE(SUM(subtree_nodes), 0) AS total FROM share_nodes
        WHERE content_type = ? AND content_id = ? AND depth = 0 AND activated_at IS NOT NULL${channel ? ' AND channel_id = ?' : ''}`,
      [query.contentType, query.contentId, ...(channel ? [channel.id] : [])],
    );
    const ranged = query.from || query.to ? await this.rangedCounts(rows.map((r) => r.id), query.from, query.to) : null;
    const describe = await this.describe(rows.map((r) => ({ personId: r.sharerPersonId, staffId: r.sharerStaffId })));
    const selected = new Set(rows.map((r) => r.id));

    const nodes: StarMapNode[] = rows.map((r) => ({
      id: r.id,
      parentId: r.parentId && selected.has(r.parentId) ? r.parentId : null,
      ...describe({ personId: r.sharerPersonId, staffId: r.sharerStaffId }),
      depth: r.depth,
      visitors: ranged?.visitors.get(r.id) ?? (ranged ? 0 : r.visitors),
      conversions: ranged?.conversions.get(r.id) ?? (ranged ? 0 : r.conversions),
      subtreeNodes: r.subtreeNodes,
      subtreeVisitors: r.subtreeVisitors,
      subtreeConversions: r.subtreeConversions,
    }));
    if (ranged) sumSubtrees(nodes);
    const channelNodes = await this.channelRoots(nodes, rows);
    const { shown: summaries, hidden } = summarise(rows, selected, query.limit - nodes.length - channelNodes.length);
    // "as of" a date, the tree is what was shared by then: what we show plus what it summarises
    const total = query.to ? rows.length + hidden : Number(totals[0]?.total ?? 0);
    return {
      nodes: [...channelNodes, ...nodes, ...summaries],
      totalNodes: total,
      collapsed: summaries.length > 0 || rows.length < total,
      topSpreaders: await this.topSpreaders(query),
    };
  }

  /** Trees started through a channel hang under a node for that channel (roots = staff/channels). */
  private async channelRoots(nodes: StarMapNode[], rows: Row[]): Promise<StarMapNode[]> {
    const channelOf = new Map(rows.map((r) => [r.id, r.channelId]));
    const roots = nodes.filter((n) => n.parentId === null && channelOf.get(n.id));
    if (roots.length === 0) return [];
    const channels = new Map((await this.nodes.findChannelsByIds([...new Set(roots.map((n) => channelOf.get(n.id) as string))])).map((c) => [c.id, c]));
    const result = new Map<string, StarMapNode>();
    for (const root of roots) {
      const channel = channels.get(channelOf.get(root.id) as string);
      if (!channel) continue;
      const id = `channel:${channel.id}`;
      const node = result.get(id) ?? { id, parentId: null, kind: 'channel' as const, label: channel.name, depth: -1, visitors: 0, conversions: 0, subtreeNodes: 0, subtreeVisitors: 0, subtreeConversions: 0 };
      node.subtreeNodes += root.subtreeNodes;
      node.subtreeVisitors += root.subtreeVisitors;
      node.subtreeConversions += root.subtreeConversions;
      root.parentId = id;
      result.set(id, node);
    }
    return [...result.values()];
  }

  /** Visitors and conversions of the chosen nodes within a time range. */
  private async rangedCounts(ids: string[], from?: string, to?: string): Promise<{ visitors: Map<string, number>; conversions: Map<string, number> }> {
    const visitors = new Map<string, number>();
    const conversions = new Map<string, number>();
    if (ids.length === 0) return { visitors, conversions };
    const range = (column: string) => `${from ? ` AND ${column} >= ?` : ''}${to ? ` AND ${column} <= ?` : ''}`;
    const params = [...(from ? [sqlTime(new Date(from))] : []), ...(to ? [sqlTime(new Date(to))] : [])];
    const marks = ids.map(() => '?').join(', ');
    const v: { node_id: string; n: string }[] = await this.dataSource.query(
      `SELECT node_id, COUNT(*) AS n FROM share_node_visits WHERE node_id IN (${marks})${range('first_at')} GROUP BY node_id`,
      [...ids, ...params],
    );
    const c: { node_id: string; n: string }[] = await this.dataSource.query(
      `SELECT last_touch_node_id AS node_id, COUNT(*) AS n FROM conversions WHERE last_touch_node_id IN (${marks})${range('occurred_at')} GROUP BY last_touch_node_id`,
      [...ids, ...params],
    );
    for (const r of v) visitors.set(r.node_id, Number(r.n));
    for (const r of c) conversions.set(r.node_id, Number(r.n));
    return { visitors, conversions };
  }

  /** How each sharer shows on the map: staff by name and role, prospects by nickname. */
  private async describe(sharers: Sharer[]): Promise<(sharer: Sharer) => { kind: 'staff' | 'partner' | 'prospect'; label: string }> {
    const staffIds = [...new Set(sharers.map((s) => s.staffId).filter((id): id is string => !!id))];
    const personIds = [...new Set(sharers.filter((s) => !s.staffId).map((s) => s.personId))];
    const staff = staffIds.length ? await this.dataSource.manager.find(StaffEntity, { select: { id: true, name: true, role: true }, where: { id: In(staffIds) } }) : [];
    const persons = personIds.length ? await this.dataSource.manager.find(PersonEntity, { select: { id: true, nickname: true }, where: { id: In(personIds) } }) : [];
    const staffBy = new Map(staff.map((s) => [s.id, s]));
    const personBy = new Map(persons.map((p) => [p.id, p]));
    return ({ personId, staffId }) => {
      const s = staffId ? staffBy.get(staffId) : undefined;
      return {
        kind: s ? (s.role === 'partner' ? 'partner' : 'staff') : 'prospect',
        label: s?.name ?? personBy.get(personId)?.nickname ?? `访客 ${personId.slice(-4)}`,
      };
    };
  }

  /** The staff members and partners, and the prospects (KOC), who brought the most visitors. */
  private async topSpreaders(query: StarMapQuery): Promise<StarMapResponse['topSpreaders']> {
    const top = (staff: boolean): Promise<{ person_id: string; staff_id: string | null; shares: number; visitors: number; conversions: number }[]> =>
      this.dataSource.query(
        `SELECT person_id, staff_id, shares, visitors, conversions FROM share_spreaders
          WHERE content_type = ? AND content_id = ? AND staff_id IS ${staff ? 'NOT ' : ''}NULL AND shares > 0
          ORDER BY visitors DESC LIMIT ${TOP_SPREADERS}`,
        [query.contentType, query.contentId],
      );
    const rows = [...(await top(true)), ...(await top(false))];
    const describe = await this.describe(rows.map((r) => ({ personId: r.person_id, staffId: r.staff_id })));
    return rows.map((r) => ({
      ...describe({ personId: r.person_id, staffId: r.staff_id }),
      id: r.person_id,
      shares: Number(r.shares),
      visitors: Number(r.visitors),
      conversions: Number(r.conversions),
    }));
  }
}

/** Subtree sums over the shown nodes, for time-ranged counts (hidden parts are not in range sums). */
function sumSubtrees(nodes: StarMapNode[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    n.subtreeVisitors = n.visitors;
    n.subtreeConversions = n.conversions;
  }
  for (const n of [...nodes].sort((a, b) => b.depth - a.depth)) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (!parent) continue;
    parent.subtreeVisitors += n.subtreeVisitors;
    parent.subtreeConversions += n.subtreeConversions;
  }
}

/**
 * One summary node per shown node whose subtree is partly hidden, largest first, within budget;
 * `hidden` counts every node the summaries stand for, shown or not.
 */
function summarise(rows: Row[], selected: Set<string>, budget: number): { shown: StarMapNode[]; hidden: number } {
  const shownBelow = new Map<string, { nodes: number; visitors: number; conversions: number }>();
  for (const r of rows) {
    if (!r.parentId || !selected.has(r.parentId)) continue;
    const s = shownBelow.get(r.parentId) ?? { nodes: 0, visitors: 0, conversions: 0 };
    s.nodes += r.subtreeNodes;
    s.visitors += r.subtreeVisitors;
    s.conversions += r.subtreeConversions;
    shownBelow.set(r.parentId, s);
  }
  const summaries: StarMapNode[] = [];
  for (const r of rows) {
    const shown = shownBelow.get(r.id) ?? { nodes: 0, visitors: 0, conversions: 0 };
    const hidden = r.subtreeNodes - 1 - shown.nodes;
    if (hidden <= 0) continue;
    const visitors = Math.max(0, r.subtreeVisitors - r.visitors - shown.visitors);
    const conversions = Math.max(0, r.subtreeConversions - r.conversions - shown.conversions);
    summaries.push({ id: `${r.id}:more`, parentId: r.id, kind: 'collapsed', label: `另有 ${hidden} 个节点`, depth: r.depth + 1, visitors, conversions, subtreeNodes: hidden, subtreeVisitors: visitors, subtreeConversions: conversions });
  }
  const hidden = summaries.reduce((sum, n) => sum + n.subtreeNodes, 0);
  return { shown: summaries.sort((a, b) => b.subtreeNodes - a.subtreeNodes).slice(0, Math.max(0, budget)), hidden };
}

