import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ContentTypes, PageLinks, Pages, type ChannelView, type CreateChannelRequest, type MintShareRequest, type MintShareResponse, type MySharesResponse, type Page, type PageQuery, type SharedContentList, type ShareTokenContent } from '@leadloop/shared';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock';
import { IdKey, InstantKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { isUniqueViolation } from '../../database/data-source';
import { newId } from '../../database/ids';
import { retryOnConflict } from '../../database/retry';
import { StaffService } from '../staff/staff.service';
import { ContentTitles } from './content-titles';
import { channelCodeTaken, channelUnknown, shareTokenUnknown } from './share-chain.errors';
import type { ChannelEntity, ShareNodeEntity } from './share-chain.entity';
import { ShareChainRepository } from './share-chain.repository';

/** The star map's content picker lists at most this many shared items. */
/** Where a channel's code opens the mini-program. */
export const CHANNEL_LANDING_PAGE = Pages.home;

/** 96 random bits as 16 url-safe characters: unguessable, and fits a mini-program code scene. */
export function newShareToken(): string {
  return randomBytes(12).toString('base64url');
}

/** Channels are listed newest first by id; my shares by content (type, id). */
const ChannelCursor = new KeysetCursor('channels', z.tuple([IdKey]));
const MySharesCursor = new KeysetCursor('share.mine', z.tuple([z.enum(ContentTypes), z.string().min(1).max(64)]));
/** Shared content by its latest share, most recent first, ties by (type, id). */
const SharedContentCursor = new KeysetCursor('share.contents', z.tuple([InstantKey, z.enum(ContentTypes), z.string().min(1).max(64)]));

@Injectable()
export class ShareChainService {
  private readonly logger = new Logger(ShareChainService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: ShareChainRepository,
    private readonly staff: StaffService,
    private readonly clock: Clock,
    private readonly titles: ContentTitles,
  ) {}

  /**
   * The caller's share node for this content (and the token it arrived through): minted once,
   * returned again on every later request, so a retried or repeated share never forks the tree.
   * WeChat says nothing when a share is sent, so the node counts in the tree only once the app
   * reports the share (share_request) or someone arrives through it (see AttributionService).
   */
  async mint(auth: AuthContext, input: MintShareRequest): Promise<MintShareResponse> {
    const channel = input.channelCode ? await this.nodes.findChannelByCode(input.channelCode) : null;
    if (input.channelCode && !channel) throw channelUnknown(input.channelCode);
    let parent = input.parentToken ? await this.nodes.findByToken(input.parentToken) : null;
    // a tree is per content; an unknown or foreign token starts a new tree
    if (parent && (parent.contentType !== input.contentType || parent.contentId !== input.contentId)) parent = null;
    // re-sharing what I shared myself keeps my own node
    if (parent?.sharerPersonId === auth.personId) return view(parent, await this.parentTokenOf(parent));

    const mintKey = createHash('sha256')
      .update([auth.personId, input.contentType, input.contentId, parent?.id ?? '', channel?.id ?? ''].join('|'))
      .digest('hex');
    const node = await retryOnConflict(async () => {
      const existing = await this.nodes.findByMintKey(mintKey);
      if (existing) return existing;
      return this.dataSource.transaction(async (em) => {
        const now = this.clock.now();
        const id = newId(now.getTime());
        const created: ShareNodeEntity = {
          id,
          token: newShareToken(),
          mintKey,
          sharerPersonId: auth.personId,
          sharerStaffId: auth.staff?.id ?? null,
          contentType: input.contentType,
          contentId: input.contentId,
          channelId: channel?.id ?? null,
          parentId: parent?.id ?? null,
          rootId: parent?.rootId ?? id,
          // the staff member or partner the chain started from; a channel's owner for channel roots
          rootStaffId: parent ? parent.rootStaffId : (auth.staff?.id ?? channel?.ownerStaffId ?? null),
          depth: parent ? parent.depth + 1 : 0,
          createdAt: now,
          // counted in the tree once it is sent (share_request) or someone arrives through it
          activatedAt: null,
          visitors: 0,
          conversions: 0,
          subtreeNodes: 1,
          subtreeVisitors: 0,
          subtreeConversions: 0,
        };
        await this.nodes.insertNode(em, created);
        return created;
      });
    });
    return view(node, parent?.token ?? null);
  }

  /**
   * The content a token opens, and nothing about who shared it: a poster's code carries only the
   * token, so the page it opens learns from here which whitepaper, event or card to show.
   */
  async contentOf(token: string): Promise<ShareTokenContent> {
    const node = /^[A-Za-z0-9_-]{1,64}$/.test(token) ? await this.nodes.findByToken(token) : null;
    if (!node) throw shareTokenUnknown();
    return { contentType: node.contentType, contentId: node.contentId };
  }

  async createChannel(auth: AuthContext, input: CreateChannelRequest): Promise<ChannelView & { path: string; qrDataUrl: string }> {
    const channel: ChannelEntity = {
      id: newId(),
      code: input.code,
      name: input.name,
      kind: input.kind,
      ownerStaffId: input.ownerStaffId ?? null,
      createdBy: auth.staff?.id ?? null,
      createdAt: this.clock.now(),
    };
    try {
      await this.nodes.insertChannel(channel);
    } catch (error) {
      if (isUniqueViolation(error)) throw channelCodeTaken(input.code);
      throw error;
    }
    this.logger.log(`Channel ${channel.code} created by ${auth.staff?.id}`);
    const scene = `c=${channel.code}`;
    return { ...channelView(channel), path: PageLinks.channelLanding(channel.code), qrDataUrl: await this.staff.codeImage(scene, CHANNEL_LANDING_PAGE) };
  }

  async listChannels(query: PageQuery): Promise<Page<ChannelView>> {
    const page = ChannelCursor.page(await this.nodes.listChannels(query.limit + 1, ChannelCursor.decode(query.cursor)?.[0]), query.limit, (c) => [c.id]);
    return { items: page.items.map(channelView), nextCursor: page.nextCursor };
  }

  /** Per content (in content order): how many shares the caller made, and the visitors, leads and conversions below them. */
  async myShares(auth: AuthContext, query: PageQuery): Promise<MySharesResponse> {
    const after = MySharesCursor.decode(query.cursor);
    const found: { content_type: string; content_id: string; shares: string; visitors: string; conversions: string }[] = await this.dataSource.query(
      `SELECT content_type, content_id, COUNT(*) AS shares, SUM(subtree_visitors) AS visitors, SUM(subtree_conversions) AS conversions
         FROM share_nodes WHERE sharer_person_id = ? AND activated_at IS NOT NULL${after ? ' AND (content_type > ? OR (content_type = ? AND content_id > ?))' : ''}
        GROUP BY content_type, content_id ORDER BY content_type, content_id LIMIT ?`,
      [auth.personId, ...(after ? [after[0], after[0], after[1]] : []), query.limit + 1],
    );
    const { items: rows, nextCursor } = MySharesCursor.page(found, query.limit, (r) => [r.content_type as (typeof ContentTypes)[number], r.content_id]);
    const contentIds = [...new Set(rows.map((r) => r.content_id))];
    const leads: { content_type: string; content_id: string; leads: string }[] =
      auth.staff && contentIds.length > 0
        ? await this.dataSource.query(
            `SELECT n.content_type, n.content_id, COUNT(*) AS leads FROM person_attribution a
               JOIN share_nodes n ON n.id = a.first_node_id
              WHERE a.owner_staff_id = ? AND n.content_id IN (${contentIds.map(() => '?').join(', ')}) GROUP BY n.content_type, n.content_id`,
            [auth.staff.id, ...contentIds],
          )
        : [];
    const leadsBy = new Map(leads.map((l) => [`${l.content_type}|${l.content_id}`, Number(l.leads)]));
    type Type = MySharesResponse['items'][number]['contentType'];
    const titleOf = await this.titles.titlesOf(rows.map((r) => ({ contentType: r.content_type as Type, contentId: r.content_id })));
    return {
      nextCursor,
      items: rows.map((r) => ({
        contentType: r.content_type as Type,
        contentId: r.content_id,
        title: titleOf({ contentType: r.content_type as Type, contentId: r.content_id }),
        shares: Number(r.shares),
        visitors: Number(r.visitors),
        leads: leadsBy.get(`${r.content_type}|${r.content_id}`) ?? 0,
        conversions: Number(r.conversions),
      })),
    };
  }

  /** Content people have shared (activated share links), most recently shared first, with titles. */
  /** Shared content with titles, most recently shared first, a page at a time (the star map's picker). */
  async sharedContents(query: PageQuery): Promise<SharedContentList> {
    const after = SharedContentCursor.decode(query.cursor);
    const rows = await this.nodes.sharedContentsPage(query.limit + 1, after ? { at: new Date(after[0]), contentType: after[1], contentId: after[2] } : null);
    const { items, nextCursor } = SharedContentCursor.page(rows, query.limit, (r) => [r.lastSharedAt.getTime(), r.contentType, r.contentId]);
    const titleOf = await this.titles.titlesOf(items.map((r) => ({ contentType: r.contentType, contentId: r.contentId })));
    return {
      items: items.map((r) => ({ contentType: r.contentType, contentId: r.contentId, title: titleOf(r), shares: r.shares })),
      nextCursor,
    };
  }

  private async parentTokenOf(node: ShareNodeEntity): Promise<string | null> {
    if (!node.parentId) return null;
    return (await this.nodes.findByIds([node.parentId]))[0]?.token ?? null;
  }
}

function view(node: ShareNodeEntity, parentToken: string | null): MintShareResponse {
  return { token: node.token, depth: node.depth, parentToken };
}

function channelView(c: ChannelEntity): ChannelView {
  return { id: c.id, code: c.code, name: c.name, kind: c.kind, ownerStaffId: c.ownerStaffId, createdAt: c.createdAt.toISOString() };
}
