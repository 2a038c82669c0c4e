import { Injectable } from '@nestjs/common';
import { ClientEvent, type ErrorCode, ErrorCodes, type IngestEventsResponse } from '@leadloop/shared';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { type EventRow, EventWriter } from './event-writer';
import { ShareChainRepository } from './share-chain.repository';

/** Link-preview crawlers and fetch tools: their requests never count as visitors. */
const CRAWLER = /bot\b|bot\/|spider|crawler|mpcrawler|preview|facebookexternalhit|slurp|curl\/|wget\/|python-requests|go-http-client|okhttp/i;
/** Client clocks drift; an event claiming to be from the future is clamped to now. */
const MAX_FUTURE_MS = 60_000;
/** The app sends what it queued within days; anything older is not a touchpoint we can attribute. */
const MAX_AGE_MS = 30 * 24 * 3600_000;
const CACHE_LIMIT = 50_000;

export interface IngestContext {
  personId: string | null;
  userAgent: string | undefined;
  /** `Purpose: prefetch` / `Sec-Purpose: prefetch`: a browser warming a page, not a person. */
  prefetch: boolean;
}

/**
 * Accepts batches of touchpoints and in-app actions. Invalid items are rejected one by one with
 * a code while the valid ones are kept; a resent event (same install, same client id) is stored
 * once. Attribution (visitors, ownership) happens afterwards, off the request path.
 */
@Injectable()
export class EventsService {
  private readonly tokenCache = new Map<string, string | null>();
  private readonly channelCache = new Map<string, string | null>();

  constructor(
    private readonly writer: EventWriter,
    private readonly nodes: ShareChainRepository,
    private readonly clock: Clock,
  ) {}

  async ingest(ctx: IngestContext, items: unknown[]): Promise<IngestEventsResponse> {
    const rejected: IngestEventsResponse['rejected'] = [];
    const valid: ClientEvent[] = [];
    const now = this.clock.now();
    items.forEach((item, index) => {
      const parsed = ClientEvent.safeParse(item);
      if (!parsed.success) rejected.push({ index, code: codeOf(parsed.error.issues), message: parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ') });
      else if (Date.parse(parsed.data.at) < now.getTime() - MAX_AGE_MS) rejected.push({ index, code: 'EVENT_TIME_OUT_OF_RANGE', message: 'at: older than 30 days' });
      else valid.push(parsed.data);
    });
    const nodeIds = await this.resolve(this.tokenCache, valid.map((e) => e.shareToken), async (t) => (await this.nodes.findByTokens(t)).map((n) => [n.token, n.id]));
    const channelIds = await this.resolve(this.channelCache, valid.map((e) => e.channelCode), async (c) => (await this.nodes.findChannelsByCodes(c)).map((ch) => [ch.code, ch.id]));
    const discount = ctx.prefetch ? 'prefetch' : ctx.userAgent && CRAWLER.test(ctx.userAgent) ? 'crawler' : null;
    const rows: EventRow[] = valid.map((e) => {
      const nodeId = e.shareToken ? (nodeIds.get(e.shareToken) ?? null) : null;
      const at = new Date(Math.min(Date.parse(e.at), now.getTime() + MAX_FUTURE_MS));
      return {
        id: newId(now.getTime()),
        origin: 'app',
        source_key: e.anonymousId,
        client_event_id: e.id,
        type: e.type,
        person_id: ctx.personId,
        anonymous_id: e.anonymousId,
        share_node_id: nodeId,
        channel_id: e.channelCode ? (channelIds.get(e.channelCode) ?? null) : null,
        launch_scene: e.launchScene ?? null,
        page: e.page,
        props: e.props ? JSON.stringify(e.props) : null,
        // an unknown or forged token is kept as direct traffic, with the reason
        discount: discount ?? (e.shareToken && !nodeId ? 'unknown_token' : null),
        occurred_at: at,
        received_at: now,
      };
    });
    const stored = await this.writer.write(rows);
    return { accepted: valid.length, duplicates: valid.length - stored, rejected };
  }

  /** Looks up keys not seen before in one query and remembers what it found (tokens never change). */
  private async resolve(
    cache: Map<string, string | null>,
    keys: (string | undefined)[],
    load: (missing: string[]) => Promise<[string, string][]>,
  ): Promise<Map<string, string | null>> {
    const wanted = [...new Set(keys.filter((k): k is string => !!k))];
    const missing = wanted.filter((k) => !cache.has(k));
    if (missing.length > 0) {
      if (cache.size > CACHE_LIMIT) cache.clear();
      const found = new Map(await load(missing));
      // misses are not cached: a token minted a moment ago may arrive before its cache entry
      for (const [k, v] of found) cache.set(k, v);
    }
    return new Map(wanted.map((k) => [k, cache.get(k) ?? null]));
  }
}

/** The code a rejected item is reported with: a refinement's own (time range, props size) or VALIDATION_FAILED. */
function codeOf(issues: readonly object[]): ErrorCode {
  const own = issues.map((i) => (i as { params?: { code?: unknown } }).params?.code).find((c): c is ErrorCode => typeof c === 'string' && c in ErrorCodes);
  return own ?? 'VALIDATION_FAILED';
}
