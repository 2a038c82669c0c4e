import { Injectable } from '@nestjs/common';
import type { ContentType } from '@leadloop/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { newId } from '../../database/ids';
import { insertIgnore } from '../../database/sql';
import { type ChannelEntity, PersonAttributionEntity } from './share-chain.entity';
import { ShareChainRepository } from './share-chain.repository';

export interface TouchpointSource {
  nodeId: string | null;
  channelId: string | null;
}

export interface ResolvedSource extends TouchpointSource {
  /** The staff member the action is credited to, if any. */
  staffId: string | null;
}

/** Conversions and other actions the server sees happen (a sign-up, a download, a card request). */
export interface ServerTouchpoint {
  personId: string;
  /** `signup`, `payment`, `download`, `card_view`, `contact_request`, `attend`… */
  type: string;
  /** The business record behind it (sign-up id, download id): recording it twice stores it once. */
  refId: string;
  page: string;
  contentType: ContentType;
  contentId: string;
  /** The share token the person acted through, if any; unknown tokens are kept as direct traffic. */
  shareToken?: string | null;
  channelCode?: string | null;
  at?: Date;
  /** The node and channel, when the caller resolved them already (`source()`): no second lookup. */
  resolved?: TouchpointSource;
  /** Also a conversion, credited along the chain that led to it (by the event processor, shortly after). */
  conversion?: boolean;
}

/**
 * Server-side touchpoints: stored in the same append-only `events` table as the app's own
 * reports (so the star-map, attribution and exports see one stream), keyed by the business
 * record so a retried request does not count twice.
 */
@Injectable()
export class Touchpoints {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: ShareChainRepository,
  ) {}

  /**
   * Who brought this action: the share node of the token, its channel, and the staff member at
   * the root of the chain (or the channel's owner, or else the person's current owner).
   */
  async source(personId: string, shareToken?: string | null, channelCode?: string | null): Promise<ResolvedSource> {
    const [source] = await this.sources([{ personId, shareToken, channelCode }]);
    return source;
  }

  /** `source()` for many actions at once: three statements at most, whatever their number. */
  async sources(actions: SourceQuery[], em: EntityManager = this.dataSource.manager): Promise<ResolvedSource[]> {
    const resolved = await this.resolve(actions);
    const unowned = [...new Set(actions.filter((_, i) => !resolved[i].node?.rootStaffId && !resolved[i].channel?.ownerStaffId).map((a) => a.personId))];
    const owners = new Map(
      unowned.length === 0 ? [] : (await em.find(PersonAttributionEntity, { select: { personId: true, ownerStaffId: true }, where: { personId: In(unowned) } })).map((o) => [o.personId, o.ownerStaffId]),
    );
    return actions.map((a, i) => {
      const { node, channel } = resolved[i];
      return { ...sourceOf(resolved[i]), staffId: node?.rootStaffId ?? channel?.ownerStaffId ?? owners.get(a.personId) ?? null };
    });
  }

  /**
   * Stores the touchpoint, inside the caller's transaction when given (so it commits or rolls back
   * with the action); a conversion is credited by the event processor, off the request path.
   * Answers the share node the token resolved to (null for direct traffic).
   */
  async record(t: ServerTouchpoint, em: EntityManager = this.dataSource.manager): Promise<string | null> {
    const resolved = t.resolved ?? sourceOf((await this.resolve([t]))[0]);
    await this.recordMany([{ ...t, resolved }], em);
    return resolved.nodeId;
  }

  /** Stores touchpoints whose source is resolved, in one statement. */
  async recordMany(touchpoints: (ServerTouchpoint & { resolved: TouchpointSource })[], em: EntityManager): Promise<void> {
    const received = new Date();
    await insertIgnore(
      em,
      'events',
      touchpoints.map((t) => {
        const at = t.at ?? received;
        return {
          id: newId(at.getTime()),
          source_key: `p:${t.personId}`,
          client_event_id: `${t.type}:${t.refId}`.slice(0, 64),
          type: t.type.slice(0, 24),
          person_id: t.personId,
          anonymous_id: null,
          share_node_id: t.resolved.nodeId,
          channel_id: t.resolved.channelId,
          launch_scene: null,
          page: t.page.slice(0, 128),
          props: JSON.stringify({ contentType: t.contentType, contentId: t.contentId, refId: t.refId, ...(t.conversion ? { conversion: true } : {}) }),
          discount: t.shareToken && !t.resolved.nodeId ? 'unknown_token' : null,
          state: 0,
          occurred_at: at,
          received_at: received,
        };
      }),
    );
  }

  /** The share node and channel each action names (unknown ones left out). */
  private async resolve(actions: SourceQuery[]): Promise<{ node?: SourceNode; channel?: ChannelEntity }[]> {
    const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
    const nodes = new Map((await this.nodes.findByTokens(distinct(actions.map((a) => a.shareToken)))).map((n) => [n.token, n]));
    const channels = new Map((await this.nodes.findChannelsByCodes(distinct(actions.map((a) => a.channelCode)))).map((c) => [c.code, c]));
    return actions.map((a) => ({ node: a.shareToken ? nodes.get(a.shareToken) : undefined, channel: a.channelCode ? channels.get(a.channelCode) : undefined }));
  }
}

type SourceQuery = { personId: string; shareToken?: string | null; channelCode?: string | null };
type SourceNode = Awaited<ReturnType<ShareChainRepository['findByTokens']>>[number];

function sourceOf({ node, channel }: { node?: SourceNode; channel?: ChannelEntity }): TouchpointSource {
  return { nodeId: node?.id ?? null, channelId: channel?.id ?? node?.channelId ?? null };
}
