import { Injectable, Logger } from '@nestjs/common';
import type { EntryContext } from '@leadloop/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Clock } from '../../core/clock';
import { isUniqueViolation } from '../../database/data-source';
import { newId } from '../../database/ids';
import { insertNew, sqlTime } from '../../database/sql';
import { type ActivityProps, ConversionKinds } from '../activity/activity';
import { EventEntity } from '../activity/activity.entity';
import type { StreamConsumer } from '../activity/pipeline';
import { StaffRepository } from '../staff/staff.repository';
import { CreditModels, splitCredit } from './credit';
import { OwnerProtection } from './owner-protection';
import { type ChannelEntity, ConversionCreditEntity, ConversionEntity, PersonAttributionEntity, ShareNodeEntity } from './share-chain.entity';
import { type CounterDelta, ShareChainRepository } from './share-chain.repository';

export interface ConversionInput {
  personId: string;
  /** signup, download, contact_request, payment … */
  kind: string;
  /** The business record behind it: recording the same one twice is harmless. */
  refId: string;
  contentType?: string;
  contentId?: string;
  at: Date;
}

/**
 * Turns the activity stream into attribution, off the request path (a consumer of the stream):
 * visitors per share node (deduplicated, with self-referrals, staff and crawlers left out), counters
 * up the chain, ownership with protection, first touch at login, and chain credit for conversions.
 */
@Injectable()
export class AttributionService implements StreamConsumer {
  readonly name = 'attribution';
  readonly startAt = 'beginning';
  private readonly logger = new Logger(AttributionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: ShareChainRepository,
    private readonly staff: StaffRepository,
    private readonly owners: OwnerProtection,
    private readonly clock: Clock,
  ) {}

  /** Attributes a batch of the stream, inside the transaction that moves past it. */
  async handle(em: EntityManager, events: EventEntity[]): Promise<void> {
    const nodeIds = [...new Set(events.map((e) => e.shareNodeId).filter((id): id is string => !!id))];
    const nodes = new Map((await this.nodes.findByIds(nodeIds, em)).map((n) => [n.id, n]));
    const channelIds = [...new Set(events.map((e) => e.channelId).filter((id): id is string => !!id))];
    const channels = new Map((await this.nodes.findChannelsByIds(channelIds)).map((c) => [c.id, c]));
    for (const conversion of events.map(conversionOf)) if (conversion) await this.recordConversion(em, conversion);
    const people = await this.knownPersons(em, events);
    const staffByPerson = await this.staff.activeStaffByPerson([...new Set([...people.values()])], em);

    const discounts = new Map<string, string>();
    const visits: { event: EventEntity; node: ShareNodeEntity; visitorKey: string }[] = [];
    const owners: { event: EventEntity; personId: string; staffId: string; nodeId: string | null }[] = [];
    const sent: ShareNodeEntity[] = [];
    for (const event of events) {
      const sharedNode = event.type === 'share_request' && event.shareNodeId ? nodes.get(event.shareNodeId) : undefined;
      if (sharedNode && sharedNode.sharerPersonId === people.get(event.id)) sent.push(sharedNode);
      if (event.type !== 'entry' || event.discount) continue;
      const person = people.get(event.id) ?? null;
      const node = event.shareNodeId ? nodes.get(event.shareNodeId) : undefined;
      if (person && node?.sharerPersonId === person) discounts.set(event.id, 'self_referral');
      else if (person && staffByPerson.has(person)) discounts.set(event.id, 'staff');
      if (discounts.has(event.id)) continue;
      if (node) visits.push({ event, node, visitorKey: person ?? `a:${event.anonymousId}` });
      const candidate = node?.rootStaffId ?? channelOwner(channels, event.channelId);
      if (person && candidate) owners.push({ event, personId: person, staffId: candidate, nodeId: node?.id ?? null });
    }

    const fresh = await this.countVisits(em, visits, discounts, sent);
    for (const o of owners) {
      await this.owners.consider(em, o.personId, o.staffId, { nodeId: o.nodeId, eventId: o.event.id, at: o.event.occurredAt, reason: 'share chain' });
    }
    await this.markDiscounted(em, discounts);
    if (fresh > 0) this.logger.debug(`Attributed ${events.length} events, ${fresh} new visitors`);
  }

  /** The person behind each event: its own person, or the person its install later signed in as. */
  private async knownPersons(em: EntityManager, events: EventEntity[]): Promise<Map<string, string>> {
    const anonymous = [...new Set(events.filter((e) => !e.personId && e.anonymousId).map((e) => e.anonymousId as string))];
    const byInstall = new Map<string, string>();
    if (anonymous.length > 0) {
      const rows: { anonymous_id: string; person_id: string }[] = await em.query(
        `SELECT anonymous_id, MIN(person_id) AS person_id FROM events WHERE anonymous_id IN (${anonymous.map(() => '?').join(', ')}) AND person_id IS NOT NULL GROUP BY anonymous_id`,
        anonymous,
      );
      for (const r of rows) byInstall.set(r.anonymous_id, r.person_id);
    }
    const result = new Map<string, string>();
    for (const e of events) {
      const person = e.personId ?? (e.anonymousId ? byInstall.get(e.anonymousId) : undefined);
      if (person) result.set(e.id, person);
    }
    return result;
  }

  /**
   * Records first visits per (node, visitor); repeats are marked, counters move up the chain.
   * Nodes that were sent or visited are activated first, so they count in their tree.
   */
  private async countVisits(
    em: EntityManager,
    visits: { event: EventEntity; node: ShareNodeEntity; visitorKey: string }[],
    discounts: Map<string, string>,
    sent: ShareNodeEntity[],
  ): Promise<number> {
    const firstOf = new Map<string, (typeof visits)[number]>();
    for (const v of visits) {
      const key = `${v.node.id}|${v.visitorKey}`;
      if (firstOf.has(key)) discounts.set(v.event.id, 'repeat');
      else firstOf.set(key, v);
    }
    const candidates = [...firstOf.values()];
    await this.activate(em, [...sent, ...candidates.map((c) => c.node)]);
    if (candidates.length === 0) return 0;
    // a signed-in visit is also looked up under its install's key: the same phone may have been
    // counted anonymously before the person signed in (and before the processor knew who it was)
    const keysOf = (c: (typeof candidates)[number]) => [c.visitorKey, ...(c.event.anonymousId && c.visitorKey !== `a:${c.event.anonymousId}` ? [`a:${c.event.anonymousId}`] : [])];
    const lookups = candidates.flatMap((c) => keysOf(c).map((key) => [c.node.id, key]));
    const existing = await em.query(
      `SELECT node_id, visitor_key FROM share_node_visits WHERE ${lookups.map(() => '(node_id = ? AND visitor_key = ?)').join(' OR ')}`,
      lookups.flat(),
    );
    const seenKeys = new Set((existing as { node_id: string; visitor_key: string }[]).map((r) => `${r.node_id}|${r.visitor_key}`));
    const seen = new Set(candidates.filter((c) => keysOf(c).some((key) => seenKeys.has(`${c.node.id}|${key}`))));
    const fresh = candidates.filter((c) => !seen.has(c));
    for (const c of seen) discounts.set(c.event.id, 'repeat');
    if (fresh.length === 0) return 0;
    await insertNew(em, 'share_node_visits', fresh.map((f) => ({ node_id: f.node.id, visitor_key: f.visitorKey, first_at: f.event.occurredAt })));

    const deltas = new Map<string, CounterDelta>();
    const add = (id: string, d: CounterDelta) => {
      const cur = deltas.get(id) ?? {};
      for (const k of Object.keys(d) as (keyof CounterDelta)[]) cur[k] = (cur[k] ?? 0) + (d[k] ?? 0);
      deltas.set(id, cur);
    };
    const spreaders = new Map<string, { node: ShareNodeEntity; visitors: number }>();
    for (const f of fresh) {
      add(f.node.id, { visitors: 1 });
      for (const ancestor of await this.ancestorIds(em, f.node)) add(ancestor, { subtreeVisitors: 1 });
      const s = spreaders.get(f.node.id) ?? { node: f.node, visitors: 0 };
      s.visitors += 1;
      spreaders.set(f.node.id, s);
    }
    await this.nodes.addToNodes(em, deltas);
    await this.nodes.addToSpreaders(
      em,
      [...spreaders.values()].map(({ node, visitors }) => ({ contentType: node.contentType, contentId: node.contentId, personId: node.sharerPersonId, staffId: node.sharerStaffId, shares: 0, visitors, conversions: 0 })),
    );
    return fresh.length;
  }

  /**
   * Marks shares as having happened. A node joins its tree's counts (its ancestors'
   * subtree_nodes, its sharer's shares) once; inactive ancestors are activated with it.
   */
  private async activate(em: EntityManager, nodes: ShareNodeEntity[]): Promise<void> {
    const deltas = new Map<string, CounterDelta>();
    const shares = new Map<string, { node: ShareNodeEntity; shares: number }>();
    const contents = new Map<string, { contentType: string; contentId: string; shares: number; at: Date }>();
    const done = new Set<string>();
    for (const node of nodes) {
      if (node.activatedAt || done.has(node.id)) continue;
      const chain = await this.nodes.chainOf(node.id, em);
      for (let i = 0; i < chain.length; i++) {
        const x = chain[i];
        if (x.activatedAt || done.has(x.id)) continue;
        const now = this.clock.now();
        const result = await em.createQueryBuilder().update(ShareNodeEntity).set({ activatedAt: now }).where('id = :id AND activated_at IS NULL', { id: x.id }).execute();
        if (result.affected !== 1) continue;
        done.add(x.id);
        x.activatedAt = now;
        for (const ancestor of chain.slice(0, i)) deltas.set(ancestor.id, { subtreeNodes: (deltas.get(ancestor.id)?.subtreeNodes ?? 0) + 1 });
        const s = shares.get(x.sharerPersonId + x.contentType + x.contentId) ?? { node: x, shares: 0 };
        s.shares += 1;
        shares.set(x.sharerPersonId + x.contentType + x.contentId, s);
        const content = contents.get(`${x.contentType}:${x.contentId}`) ?? { contentType: x.contentType, contentId: x.contentId, shares: 0, at: now };
        content.shares += 1;
        content.at = now;
        contents.set(`${x.contentType}:${x.contentId}`, content);
      }
    }
    for (const node of nodes) if (done.has(node.id)) node.activatedAt ??= this.clock.now();
    await this.nodes.addToNodes(em, deltas);
    await this.nodes.addToSharedContents(em, [...contents.values()]);
    await this.nodes.addToSpreaders(
      em,
      [...shares.values()].map(({ node, shares: n }) => ({ contentType: node.contentType, contentId: node.contentId, personId: node.sharerPersonId, staffId: node.sharerStaffId, shares: n, visitors: 0, conversions: 0 })),
    );
  }

  private readonly lineageCache = new Map<string, string[]>();

  /** The node and all its ancestors' ids, from the lineage index and a small cache (nodes never move). */
  private async ancestorIds(em: EntityManager, node: ShareNodeEntity): Promise<string[]> {
    if (!node.parentId) return [node.id];
    let lineage = this.lineageCache.get(node.parentId);
    if (!lineage) {
      if (this.lineageCache.size > 50_000) this.lineageCache.clear();
      lineage = await this.nodes.lineageOf(node.parentId, em);
      this.lineageCache.set(node.parentId, lineage);
    }
    return [node.id, ...lineage];
  }

  /** Records why events do not count (self-referral, staff, repeat) on the events themselves. */
  private async markDiscounted(em: EntityManager, discounts: Map<string, string>): Promise<void> {
    const byReason = new Map<string, string[]>();
    for (const [id, reason] of discounts) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
    for (const [reason, ids] of byReason) await em.update(EventEntity, { id: In(ids) }, { discount: reason });
  }

  // --- login: first touch

  /**
   * Called on every login. Joins the install's anonymous touchpoints to the person and, the first
   * time, records their first touch (the share or channel that brought them) and its owner.
   */
  async onLogin(personId: string, entry: EntryContext | undefined): Promise<void> {
    if (entry?.anonymousId) {
      await this.dataSource.query('UPDATE events SET person_id = ? WHERE anonymous_id = ? AND person_id IS NULL', [personId, entry.anonymousId]);
    }
    const existing = await this.dataSource.manager.findOneBy(PersonAttributionEntity, { personId });
    if (existing?.firstAt) return;
    const touch = await this.firstTouch(personId, entry);
    if (!touch) return;
    const isStaff = (await this.staff.activeStaffByPerson([personId])).has(personId);
    const selfShare = touch.node?.sharerPersonId === personId;
    const node = selfShare ? null : touch.node;
    await this.dataSource
      .transaction(async (em) => {
        const locked = await this.owners.lockAttribution(em, personId);
        if (locked?.firstAt) return;
        const first = { firstEventId: touch.eventId, firstNodeId: node?.id ?? null, firstChannelId: touch.channel?.id ?? null, firstAt: touch.at, updatedAt: this.clock.now() };
        if (locked) await em.update(PersonAttributionEntity, { personId }, first);
        else await em.insert(PersonAttributionEntity, { personId, ...first, ownerStaffId: null, ownerNodeId: null, ownedAt: null });
        const candidate = node?.rootStaffId ?? touch.channel?.ownerStaffId ?? null;
        if (candidate && !isStaff) await this.owners.consider(em, personId, candidate, { nodeId: node?.id ?? null, eventId: touch.eventId, at: touch.at, reason: 'first touch' });
      })
      .catch((error: unknown) => {
        // a concurrent login of the same person recorded it first
        if (!isUniqueViolation(error)) throw error;
      });
  }

  private async firstTouch(personId: string, entry: EntryContext | undefined): Promise<{ node: ShareNodeEntity | null; channel: ChannelEntity | null; eventId: string | null; at: Date } | null> {
    const earliest = await this.dataSource.manager
      .createQueryBuilder(EventEntity, 'e')
      .where('e.person_id = :personId AND e.type = :type', { personId, type: 'entry' })
      .andWhere("(e.discount IS NULL OR e.discount IN ('repeat', 'self_referral', 'staff'))")
      .andWhere('(e.share_node_id IS NOT NULL OR e.channel_id IS NOT NULL)')
      .orderBy('e.occurred_at', 'ASC')
      .getOne();
    if (earliest) {
      const [node] = earliest.shareNodeId ? await this.nodes.findByIds([earliest.shareNodeId]) : [];
      const [channel] = earliest.channelId ? await this.nodes.findChannelsByIds([earliest.channelId]) : [];
      return { node: node ?? null, channel: channel ?? null, eventId: earliest.id, at: earliest.occurredAt };
    }
    const node = entry?.shareToken ? await this.nodes.findByToken(entry.shareToken) : null;
    const channel = entry?.channelCode ? await this.nodes.findChannelByCode(entry.channelCode) : null;
    return node || channel ? { node, channel, eventId: null, at: this.clock.now() } : null;
  }

  // --- conversions: last touch and chain credit

  /** Records a conversion once per business record, with its last touch and the chain's credit. */
  private async recordConversion(em: EntityManager, input: ConversionInput): Promise<string> {
    const existing = await em.findOne(ConversionEntity, { select: { id: true }, where: { kind: input.kind, refId: input.refId } });
    if (existing) return existing.id;
    const at = input.at;
    const lastTouch: { id: string; share_node_id: string }[] = await em.query(
      `SELECT e.id, e.share_node_id FROM events e JOIN share_nodes n ON n.id = e.share_node_id
        WHERE e.person_id = ? AND e.type = 'entry' AND n.sharer_person_id <> ?
          AND (e.discount IS NULL OR e.discount = 'repeat') AND e.occurred_at <= ?
        ORDER BY e.occurred_at DESC LIMIT 1`,
      [input.personId, input.personId, sqlTime(at)],
    );
    const attribution = lastTouch[0] ? null : await em.findOneBy(PersonAttributionEntity, { personId: input.personId });
    const nodeId = lastTouch[0]?.share_node_id ?? attribution?.firstNodeId ?? null;
    const chain = nodeId ? await this.nodes.chainOf(nodeId, em) : [];
    const conversionId = newId(at.getTime());
    await em.insert(ConversionEntity, {
      id: conversionId,
      personId: input.personId,
      kind: input.kind,
      refId: input.refId,
      contentType: input.contentType ?? null,
      contentId: input.contentId ?? null,
      lastTouchEventId: lastTouch[0]?.id ?? null,
      lastTouchNodeId: nodeId,
      occurredAt: at,
    });
    if (chain.length === 0) return conversionId;
    const credits: ConversionCreditEntity[] = CreditModels.flatMap((model) =>
      splitCredit(chain.length, model).map((weightBp, position) => ({
        conversionId,
        model,
        position,
        nodeId: chain[position].id,
        personId: chain[position].sharerPersonId,
        staffId: chain[position].sharerStaffId,
        weightBp,
      })),
    );
    await em.insert(ConversionCreditEntity, credits);
    const last = chain[chain.length - 1];
    await this.nodes.addToNodes(em, new Map(chain.map((n) => [n.id, n.id === last.id ? { conversions: 1, subtreeConversions: 1 } : { subtreeConversions: 1 }])));
    await this.nodes.addToSpreaders(em, [{ contentType: last.contentType, contentId: last.contentId, personId: last.sharerPersonId, staffId: last.sharerStaffId, shares: 0, visitors: 0, conversions: 1 }]);
    return conversionId;
  }
}

/**
 * A conversion is an activity the server recorded (origin `server`, a conversion kind): the app's own
 * reports can never be one, whatever their props say.
 */
function conversionOf(event: EventEntity): ConversionInput | null {
  if (event.origin !== 'server' || !event.personId || !ConversionKinds.has(event.type) || !event.props) return null;
  const props = JSON.parse(event.props) as ActivityProps;
  return { personId: event.personId, kind: event.type, refId: props.refId, contentType: props.contentType, contentId: props.contentId, at: event.occurredAt };
}

function channelOwner(channels: Map<string, ChannelEntity>, channelId: string | null): string | null {
  return channelId ? (channels.get(channelId)?.ownerStaffId ?? null) : null;
}

