import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, LessThan } from 'typeorm';
import { forceIndexSql, sqlTime, upsertAdd } from '../../database/sql';
import { ChannelEntity, SharedContentEntity, ShareNodeEntity } from './share-chain.entity';

export interface CounterDelta {
  visitors?: number;
  conversions?: number;
  subtreeNodes?: number;
  subtreeVisitors?: number;
  subtreeConversions?: number;
}

const COLUMN: Record<keyof CounterDelta, string> = {
  visitors: 'visitors',
  conversions: 'conversions',
  subtreeNodes: 'subtree_nodes',
  subtreeVisitors: 'subtree_visitors',
  subtreeConversions: 'subtree_conversions',
};

@Injectable()
export class ShareChainRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByToken(token: string, em: EntityManager = this.dataSource.manager): Promise<ShareNodeEntity | null> {
    return em.findOneBy(ShareNodeEntity, { token });
  }

  findByMintKey(mintKey: string, em: EntityManager = this.dataSource.manager): Promise<ShareNodeEntity | null> {
    return em.findOneBy(ShareNodeEntity, { mintKey });
  }

  async findByTokens(tokens: string[]): Promise<Pick<ShareNodeEntity, 'id' | 'token' | 'channelId' | 'rootStaffId'>[]> {
    if (tokens.length === 0) return [];
    return this.dataSource.manager.find(ShareNodeEntity, { select: { id: true, token: true, channelId: true, rootStaffId: true }, where: { token: In(tokens) } });
  }

  findByIds(ids: string[], em: EntityManager = this.dataSource.manager): Promise<ShareNodeEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : em.findBy(ShareNodeEntity, { id: In(ids) });
  }

  /** The node and its ancestors, root first. */
  async chainOf(nodeId: string, em: EntityManager = this.dataSource.manager): Promise<ShareNodeEntity[]> {
    const nodes = await this.findByIds(await this.lineageOf(nodeId, em), em);
    return nodes.sort((a, b) => a.depth - b.depth);
  }

  /**
   * The ids of the node and its ancestors, node first: one recursive
   * query that reads only the narrow lineage index, whatever the size of the forest.
   */
  async lineageOf(nodeId: string, em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const hint = forceIndexSql(em, 'ix_share_nodes_lineage');
    const rows: { id: string; parent_id: string | null }[] = await em.query(
      `WITH RECURSIVE chain (id, parent_id) AS (
         SELECT id, parent_id FROM share_nodes${hint} WHERE id = ?
         UNION ALL
         SELECT n.id, n.parent_id FROM share_nodes n${hint} JOIN chain c ON n.id = c.parent_id
       ) SELECT id, parent_id FROM chain`,
      [nodeId],
    );
    return rows.map((r) => r.id);
  }

  async insertNode(em: EntityManager, node: ShareNodeEntity): Promise<void> {
    await em.insert(ShareNodeEntity, node);
  }

  /** Adds to the counters of many nodes; one statement per distinct delta, not per node. */
  async addToNodes(em: EntityManager, deltas: Map<string, CounterDelta>): Promise<void> {
    const groups = new Map<string, { delta: CounterDelta; ids: string[] }>();
    for (const [id, delta] of deltas) {
      const key = JSON.stringify(delta);
      const group = groups.get(key) ?? { delta, ids: [] };
      group.ids.push(id);
      groups.set(key, group);
    }
    for (const { delta, ids } of groups.values()) {
      const sets = (Object.keys(delta) as (keyof CounterDelta)[]).filter((k) => delta[k]);
      if (sets.length === 0) continue;
      await em.query(
        `UPDATE share_nodes SET ${sets.map((k) => `${COLUMN[k]} = ${COLUMN[k]} + ?`).join(', ')} WHERE id IN (${ids.map(() => '?').join(', ')})`,
        [...sets.map((k) => delta[k]), ...ids],
      );
    }
  }

  /** Shares that happened, per content item: counted, and the latest time kept (activation runs in order, so the last write is the latest). */
  async addToSharedContents(em: EntityManager, rows: { contentType: string; contentId: string; shares: number; at: Date }[]): Promise<void> {
    await upsertAdd(
      em,
      'shared_contents',
      ['content_type', 'content_id'],
      ['shares'],
      rows.map((r) => ({ content_type: r.contentType, content_id: r.contentId, shares: r.shares, last_shared_at: r.at })),
      ['last_shared_at'],
    );
  }

  /** Shared content, most recently shared first (ties by type and id), after the position `after`. */
  sharedContentsPage(limit: number, after: { at: Date; contentType: string; contentId: string } | null): Promise<SharedContentEntity[]> {
    const query = this.dataSource.manager.createQueryBuilder(SharedContentEntity, 'c');
    if (after) {
      query.where('(c.last_shared_at < :at OR (c.last_shared_at = :at AND (c.content_type < :type OR (c.content_type = :type AND c.content_id < :id))))', {
        at: sqlTime(after.at),
        type: after.contentType,
        id: after.contentId,
      });
    }
    return query.orderBy('c.last_shared_at', 'DESC').addOrderBy('c.content_type', 'DESC').addOrderBy('c.content_id', 'DESC').limit(limit).getMany();
  }

  async addToSpreaders(
    em: EntityManager,
    rows: { contentType: string; contentId: string; personId: string; staffId: string | null; shares: number; visitors: number; conversions: number }[],
  ): Promise<void> {
    await upsertAdd(
      em,
      'share_spreaders',
      ['content_type', 'content_id', 'person_id'],
      ['shares', 'visitors', 'conversions'],
      rows.map((r) => ({
        content_type: r.contentType,
        content_id: r.contentId,
        person_id: r.personId,
        staff_id: r.staffId,
        shares: r.shares,
        visitors: r.visitors,
        conversions: r.conversions,
      })),
    );
  }

  // --- channels

  findChannelByCode(code: string): Promise<ChannelEntity | null> {
    return this.dataSource.manager.findOneBy(ChannelEntity, { code });
  }

  findChannelsByCodes(codes: string[]): Promise<ChannelEntity[]> {
    return codes.length === 0 ? Promise.resolve([]) : this.dataSource.manager.findBy(ChannelEntity, { code: In(codes) });
  }

  findChannelsByIds(ids: string[]): Promise<ChannelEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.dataSource.manager.findBy(ChannelEntity, { id: In(ids) });
  }

  async insertChannel(channel: ChannelEntity): Promise<void> {
    await this.dataSource.manager.insert(ChannelEntity, channel);
  }

  /** Newest first (ids sort by creation), before the id `before`. */
  listChannels(limit: number, before?: string): Promise<ChannelEntity[]> {
    return this.dataSource.manager.find(ChannelEntity, { where: before ? { id: LessThan(before) } : {}, order: { id: 'DESC' }, take: limit });
  }
}
