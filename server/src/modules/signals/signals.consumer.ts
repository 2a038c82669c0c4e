import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import type { ActivityProps } from '../activity/activity';
import type { EventEntity } from '../activity/activity.entity';
import type { StreamConsumer } from '../activity/pipeline';
import { sqlTime } from '../../database/sql';
import { ContentTitles } from '../share-chain/content-titles';
import { type NewSignal, SalesSignals } from './sales-signals';

/** Server activities that mean a person is active again (not staff acting on them). */
const OWN_ACTIONS = new Set(['signup', 'order', 'payment', 'download', 'contact_request', 'card_view', 'attend', 'watch', 'card_return', 'survey']);
const DAY_MS = 86_400_000;
/** Signals are news: an action older than this when the consumer reaches it (a backfill after deploying, a consumer held up) is not signalled. */
const FRESH_MS = DAY_MS;

type Activity = { event: EventEntity; personId: string; props: ActivityProps; at: Date };

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * What a lead does that its salesperson should hear about, from the activity stream: watched the
 * live for the set minutes, downloaded, came back to a card, asked to be contacted, or an owned
 * customer silent for `dormantDays` acting again. The lead's owner is told; a card's own events
 * also tell the card's owner (the returning visitor was the card-only signal before). Keyed by
 * event, so a replayed event adds nothing; only actions of the last day are news.
 */
@Injectable()
export class SignalsConsumer implements StreamConsumer {
  readonly name = 'sales-signals';
  readonly startAt = 'beginning' as const;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signals: SalesSignals,
    private readonly titles: ContentTitles,
    private readonly clock: Clock,
  ) {}

  async handle(em: EntityManager, events: EventEntity[]): Promise<void> {
    const freshAfter = this.clock.nowMs() - FRESH_MS;
    const activities: Activity[] = events.flatMap((e) =>
      e.origin === 'server' && e.personId && OWN_ACTIONS.has(e.type) && e.occurredAt.getTime() > freshAfter ? [{ event: e, personId: e.personId, props: JSON.parse(e.props ?? '{}') as ActivityProps, at: e.occurredAt }] : [],
    );
    if (activities.length === 0) return;
    const owners = await this.owners(em, [...new Set(activities.map((a) => a.personId))]);
    const cardOwners = await this.cardOwners(em, activities);
    const titleOf = await this.titles.titlesOf(activities.filter((a) => a.event.type === 'watch' || a.event.type === 'download').map((a) => a.props));
    const out: NewSignal[] = [];
    for (const a of activities) {
      const recipients = new Set<string>();
      const owner = owners.get(a.personId);
      if (owner) recipients.add(owner);
      const cardOwner = a.props.contentType === 'card' ? cardOwners.get(a.props.contentId) : undefined;
      if (cardOwner) recipients.add(cardOwner);
      const signal = this.signalOf(a, titleOf(a.props));
      if (signal) for (const staffId of recipients) out.push({ ...signal, staffId, personId: a.personId, dedupeKey: `${signal.kind}:${a.event.id}`, at: a.at });
    }
    out.push(...(await this.activeAgain(em, activities, owners)));
    await this.signals.send(em, out);
  }

  private signalOf(a: Activity, title: string | null): Pick<NewSignal, 'kind' | 'detail'> | null {
    switch (a.event.type) {
      case 'watch':
        return a.props.value === this.config.signals.watchMinutes ? { kind: 'live_watched', detail: `${a.props.value} 分钟${title ? ` · ${title}` : ''}` } : null;
      case 'download':
        return { kind: 'downloaded', detail: title };
      case 'card_return':
        return { kind: 'card_return', detail: null };
      case 'contact_request':
        return { kind: 'contact_request', detail: null };
      default:
        return null;
    }
  }

  /** An owned customer's first action after `dormantDays` without one. */
  private async activeAgain(em: EntityManager, activities: Activity[], owners: Map<string, string>): Promise<NewSignal[]> {
    const first = new Map<string, Activity>();
    for (const a of activities) if (owners.has(a.personId) && !first.has(a.personId)) first.set(a.personId, a);
    const out: NewSignal[] = [];
    for (const a of first.values()) {
      const [row] = await em.query(`SELECT MAX(occurred_at) AS at FROM events WHERE person_id = ? AND origin = 'server' AND occurred_at < ?`, [a.personId, sqlTime(a.at)]);
      const previous = row?.at ? new Date(row.at instanceof Date ? row.at : `${String(row.at).replace(' ', 'T')}Z`) : null;
      if (previous && a.at.getTime() - previous.getTime() >= this.config.signals.dormantDays * DAY_MS) {
        out.push({ staffId: owners.get(a.personId)!, kind: 'customer_active', personId: a.personId, detail: null, dedupeKey: `customer_active:${a.event.id}`, at: a.at });
      }
    }
    return out;
  }

  private async owners(em: EntityManager, personIds: string[]): Promise<Map<string, string>> {
    const rows: { person_id: string; owner_staff_id: string }[] = await em.query(`SELECT person_id, owner_staff_id FROM leads WHERE person_id IN (${marks(personIds.length)}) AND owner_staff_id IS NOT NULL`, personIds);
    return new Map(rows.map((r) => [r.person_id, r.owner_staff_id]));
  }

  private async cardOwners(em: EntityManager, activities: Activity[]): Promise<Map<string, string>> {
    const ids = [...new Set(activities.filter((a) => a.props.contentType === 'card').map((a) => a.props.contentId))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; staff_id: string }[] = await em.query(`SELECT id, staff_id FROM cards WHERE id IN (${marks(ids.length)})`, ids);
    return new Map(rows.map((r) => [r.id, r.staff_id]));
  }
}
