import { Injectable } from '@nestjs/common';
import type { ContentType } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { newId } from '../../database/ids';
import { insertIgnore } from '../../database/sql';
import { PersonAttributionEntity } from './share-chain.entity';
import { ShareChainRepository } from './share-chain.repository';

export interface TouchpointSource {
  nodeId: string | null;
  channelId: string | null;
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
  async source(personId: string, shareToken?: string | null, channelCode?: string | null): Promise<TouchpointSource & { staffId: string | null }> {
    const node = shareToken ? await this.nodes.findByToken(shareToken) : null;
    const [channel] = channelCode ? await this.nodes.findChannelsByCodes([channelCode]) : [];
    const owner = node?.rootStaffId ?? channel?.ownerStaffId ?? (await this.dataSource.manager.findOneBy(PersonAttributionEntity, { personId }))?.ownerStaffId ?? null;
    return { nodeId: node?.id ?? null, channelId: channel?.id ?? node?.channelId ?? null, staffId: owner };
  }

  /**
   * Stores the touchpoint, inside the caller's transaction when given (so it commits or rolls back
   * with the action); a conversion is credited by the event processor, off the request path.
   * Answers the share node the token resolved to (null for direct traffic).
   */
  async record(t: ServerTouchpoint, em: EntityManager = this.dataSource.manager): Promise<string | null> {
    const at = t.at ?? new Date();
    const { nodeId, channelId } = t.resolved ?? (await this.resolve(t.shareToken, t.channelCode));
    await insertIgnore(em, 'events', [
      {
        id: newId(at.getTime()),
        source_key: `p:${t.personId}`,
        client_event_id: `${t.type}:${t.refId}`.slice(0, 64),
        type: t.type.slice(0, 24),
        person_id: t.personId,
        anonymous_id: null,
        share_node_id: nodeId,
        channel_id: channelId,
        launch_scene: null,
        page: t.page.slice(0, 128),
        props: JSON.stringify({ contentType: t.contentType, contentId: t.contentId, refId: t.refId, ...(t.conversion ? { conversion: true } : {}) }),
        discount: t.shareToken && !nodeId ? 'unknown_token' : null,
        state: 0,
        occurred_at: at,
        received_at: new Date(),
      },
    ]);
    return nodeId;
  }

  private async resolve(shareToken?: string | null, channelCode?: string | null): Promise<TouchpointSource> {
    const [node] = shareToken ? await this.nodes.findByTokens([shareToken]) : [];
    const [channel] = channelCode ? await this.nodes.findChannelsByCodes([channelCode]) : [];
    return { nodeId: node?.id ?? null, channelId: channel?.id ?? null };
  }
}
