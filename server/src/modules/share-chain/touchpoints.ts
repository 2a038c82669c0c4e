import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { ActivitySource } from '../activity/activity';
import { type ChannelEntity, PersonAttributionEntity } from './share-chain.entity';
import { ShareChainRepository } from './share-chain.repository';

export interface ResolvedSource extends ActivitySource {
  /** The staff member the action is credited to, if any. */
  staffId: string | null;
  /** A share token was named but matched no node (kept as direct traffic). */
  unknownToken: boolean;
}

/**
 * Where an action came from, before a feature records it as an activity: the share node of the
 * token, its channel, and who it is credited to.
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
      return { ...sourceOf(resolved[i]), staffId: node?.rootStaffId ?? channel?.ownerStaffId ?? owners.get(a.personId) ?? null, unknownToken: !!a.shareToken && !node };
    });
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

function sourceOf({ node, channel }: { node?: SourceNode; channel?: ChannelEntity }): ActivitySource {
  return { nodeId: node?.id ?? null, channelId: channel?.id ?? node?.channelId ?? null };
}
