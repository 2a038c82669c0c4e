import { Injectable } from '@nestjs/common';
import { type ConsentPurpose, ConsentPurposeTitles, type ContentType, LeadStageLabels, LeadTimelineKindLabels, type LeadTimelineItem, type LeadTimelineKind, MergeMatchedKindLabels, type MergeMatchedKind, type Page, profileChangeLine } from '@leadloop/shared';
import { DataSource, In } from 'typeorm';
import { z } from 'zod';
import { IdKey, InstantKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { CardContactRequestEntity } from '../card/card.entity';
import { HomeContactRequestEntity } from '../home-page/home-page.entity';
import { ContentTitles, type ContentRef } from '../share-chain/content-titles';
import { ChannelEntity, ShareNodeEntity } from '../share-chain/share-chain.entity';
import { LeadAccess } from './lead-access';
import { EventTimelineKinds, TIMELINE_WATCH_MILESTONES } from './lead-timeline-kinds';
import { LeadViews } from './lead-views';
import { LeadTimelineSources, timelineKeyset, type TimelineAfter } from './timeline-sources';

const cursor = new KeysetCursor('lead-timeline', z.tuple([InstantKey, IdKey]));

/** Touchpoints that were real people (crawlers and link prefetches are not the lead's doing). */
const HUMAN = "(e.discount IS NULL OR e.discount IN ('repeat', 'self_referral', 'unknown_token'))";
const EVENT_TYPES = [...EventTimelineKinds.keys()];
/** Watch milestones other than those the timeline shows are left out by their key (`watch:{event}:{minutes}`). */
const SHOWN_WATCH = `(e.type <> 'watch' OR ${TIMELINE_WATCH_MILESTONES.map(() => 'e.client_event_id LIKE ?').join(' OR ')})`;
const SHOWN_WATCH_PARAMS = TIMELINE_WATCH_MILESTONES.map((m) => `%:${m}`);

interface Entry {
  id: string;
  at: Date;
  kind: LeadTimelineKind;
  content: ContentRef | null;
  /** A registered source's own label for the item. */
  label?: string;
  detail: string | null;
  by: string | null;
  /** Filled in once per page: the event's minutes watched, note typed or channel. */
  attendEventId?: string;
  requestId?: string;
  channelId?: string | null;
}

interface EventRow {
  id: string;
  type: string;
  origin: string;
  props: string | null;
  share_node_id: string | null;
  channel_id: string | null;
  occurred_at: Date | string;
}

/**
 * A lead's timeline, newest first: touchpoints and activities (the activity stream), profile
 * changes, stage changes and merged duplicates, each read from its own person index after the
 * cursor and merged. Which event type shows as what is `lead-timeline-kinds.ts`.
 */
@Injectable()
export class LeadTimelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly views: LeadViews,
    private readonly titles: ContentTitles,
    private readonly sources: LeadTimelineSources,
  ) {}

  async timeline(auth: AuthContext, personId: string, query: { cursor?: string; limit: number }): Promise<Page<LeadTimelineItem>> {
    await this.access.readable(auth, personId);
    const after = cursor.decode(query.cursor);
    const take = query.limit + 1;
    const [events, edits, stages, merges, ...others] = await Promise.all([
      this.events(personId, after, take),
      this.profileEdits(personId, after, take),
      this.stageChanges(personId, after, take),
      this.merges(personId, after, take),
      ...this.sources.all().map(async (source): Promise<Entry[]> => (await source.entries(personId, after, take)).map((e) => ({ ...e, kind: source.kind, content: null }))),
    ]);
    const merged = [...events, ...edits, ...stages, ...merges, ...others.flat()].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).slice(0, take);
    const page = cursor.page(merged, query.limit, (e) => [e.at.getTime(), e.id]);
    await this.describe(personId, page.items);
    const titleOf = await this.titles.titlesOf(page.items.flatMap((e) => (e.content ? [e.content] : [])));
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        kind: e.kind,
        label: e.label ?? LeadTimelineKindLabels[e.kind],
        contentTitle: e.content ? titleOf(e.content) : null,
        detail: e.detail,
        by: e.by,
      })),
    };
  }

  private async events(personId: string, after: TimelineAfter, take: number): Promise<Entry[]> {
    const k = timelineKeyset('e', 'occurred_at', after);
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.id, e.type, e.origin, e.props, e.share_node_id, e.channel_id, e.occurred_at FROM events e
        WHERE e.person_id = ? AND e.type IN (${EVENT_TYPES.map(() => '?').join(', ')}) AND ${HUMAN} AND ${SHOWN_WATCH}${k.sql}
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${take}`,
      [personId, ...EVENT_TYPES, ...SHOWN_WATCH_PARAMS, ...k.params],
    );
    const nodes = await this.nodeContents(rows.map((r) => r.share_node_id));
    return rows.map((r) => {
      const props = r.origin === 'server' && r.props ? (JSON.parse(r.props) as { contentType?: ContentType; contentId?: string; refId?: string; value?: number }) : null;
      const content = props?.contentType && props.contentId ? { contentType: props.contentType, contentId: props.contentId } : r.share_node_id ? (nodes.get(r.share_node_id) ?? null) : null;
      const kind = EventTimelineKinds.get(r.type) as LeadTimelineKind;
      return {
        id: r.id,
        at: new Date(r.occurred_at),
        kind,
        // an entry to a page, or a consent's purpose, is not content with a title
        content: (kind === 'touch' || kind === 'consent_withdrawn') && content?.contentType === 'page' ? null : content,
        detail: eventDetail(kind, r, props),
        by: null,
        attendEventId: kind === 'attend' ? props?.contentId : undefined,
        requestId: kind === 'contact_request' ? props?.refId : undefined,
        channelId: kind === 'touch' ? r.channel_id : null,
      };
    });
  }

  private async profileEdits(personId: string, after: TimelineAfter, take: number): Promise<Entry[]> {
    const k = timelineKeyset('c', 'created_at', after);
    const rows: { id: string; field: string; old_value: string | null; new_value: string | null; by_staff_id: string | null; created_at: Date | string }[] = await this.dataSource.query(
      `SELECT c.id, c.field, c.old_value, c.new_value, c.by_staff_id, c.created_at FROM profile_changes c WHERE c.person_id = ?${k.sql} ORDER BY c.created_at DESC, c.id DESC LIMIT ${take}`,
      [personId, ...k.params],
    );
    // a change made by staff names them (`by_staff_id`); the person's own correction is 本人
    const staff = await this.views.staffNames(rows.map((r) => r.by_staff_id));
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.created_at),
      kind: 'profile_edit',
      content: null,
      detail: profileChangeLine(r.field, r.old_value, r.new_value),
      by: r.by_staff_id ? (staff.get(r.by_staff_id) ?? '同事') : '本人',
    }));
  }

  private async stageChanges(personId: string, after: TimelineAfter, take: number): Promise<Entry[]> {
    const k = timelineKeyset('s', 'created_at', after);
    const rows: { id: string; from_stage: string | null; to_stage: string; reason: string | null; by_staff_id: string | null; by_rule: string | null; created_at: Date | string }[] = await this.dataSource.query(
      `SELECT s.id, s.from_stage, s.to_stage, s.reason, s.by_staff_id, s.by_rule, s.created_at FROM lead_stage_changes s WHERE s.person_id = ?${k.sql} ORDER BY s.created_at DESC, s.id DESC LIMIT ${take}`,
      [personId, ...k.params],
    );
    const staff = await this.views.staffNames(rows.map((r) => r.by_staff_id));
    const label = (stage: string | null) => (stage ? (LeadStageLabels[stage as keyof typeof LeadStageLabels] ?? stage) : '（无）');
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.created_at),
      kind: 'stage_change',
      content: null,
      detail: `${label(r.from_stage)} → ${label(r.to_stage)}${r.reason ? `（${r.reason}）` : ''}`,
      by: r.by_staff_id ? (staff.get(r.by_staff_id) ?? '同事') : r.by_rule ? '系统规则' : null,
    }));
  }

  /** Duplicate records folded into this person (phone, email or CRM id), and whether an admin undid it since. */
  private async merges(personId: string, after: TimelineAfter, take: number): Promise<Entry[]> {
    const k = timelineKeyset('m', 'created_at', after);
    const rows: { id: string; matched_kind: MergeMatchedKind; reverted_at: Date | string | null; created_at: Date | string }[] = await this.dataSource.query(
      `SELECT m.id, m.matched_kind, m.reverted_at, m.created_at FROM person_merges m WHERE m.survivor_id = ?${k.sql} ORDER BY m.created_at DESC, m.id DESC LIMIT ${take}`,
      [personId, ...k.params],
    );
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.created_at),
      kind: 'merge',
      content: null,
      detail: `${MergeMatchedKindLabels[r.matched_kind] ?? '身份信息'}相同的另一条记录已并入${r.reverted_at ? '（管理员已撤销合并）' : ''}`,
      by: null,
    }));
  }

  private async nodeContents(ids: (string | null)[]): Promise<Map<string, ContentRef>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const nodes = await this.dataSource.manager.find(ShareNodeEntity, { where: { id: In(wanted) }, select: { id: true, contentType: true, contentId: true } });
    return new Map(nodes.map((n) => [n.id, { contentType: n.contentType, contentId: n.contentId }]));
  }

  /** Minutes watched, the note typed in 请联系我 and the channel of an entry, for one page in a few reads. */
  private async describe(personId: string, entries: Entry[]): Promise<void> {
    const em = this.dataSource.manager;
    const eventIds = [...new Set(entries.flatMap((e) => (e.attendEventId ? [e.attendEventId] : [])))];
    const requestIds = [...new Set(entries.flatMap((e) => (e.requestId ? [e.requestId] : [])))];
    const channelIds = [...new Set(entries.flatMap((e) => (e.channelId ? [e.channelId] : [])))];
    const [minutes, cardNotes, homeNotes, channels] = await Promise.all([
      eventIds.length ? (em.query(`SELECT event_id, minutes FROM live_attendance WHERE person_id = ? AND event_id IN (${eventIds.map(() => '?').join(', ')})`, [personId, ...eventIds]) as Promise<{ event_id: string; minutes: number }[]>) : [],
      requestIds.length ? em.find(CardContactRequestEntity, { where: { id: In(requestIds) }, select: { id: true, note: true } }) : [],
      requestIds.length ? em.find(HomeContactRequestEntity, { where: { id: In(requestIds) }, select: { id: true, note: true } }) : [],
      channelIds.length ? em.find(ChannelEntity, { where: { id: In(channelIds) }, select: { id: true, name: true } }) : [],
    ]);
    const watched = new Map(minutes.map((m) => [m.event_id, Number(m.minutes)]));
    const notes = new Map([...cardNotes, ...homeNotes].map((r) => [r.id, r.note]));
    const channelNames = new Map(channels.map((c) => [c.id, c.name]));
    for (const e of entries) {
      if (e.attendEventId && watched.has(e.attendEventId)) e.detail = `累计观看 ${watched.get(e.attendEventId)} 分钟`;
      if (e.requestId) e.detail = notes.get(e.requestId) ? `留言：${notes.get(e.requestId)}` : '未留言';
      if (e.channelId && channelNames.has(e.channelId)) e.detail = `渠道：${channelNames.get(e.channelId)}`;
    }
  }
}

/** The line under an event's label, where the event itself says it (minutes and notes are filled in per page). */
function eventDetail(kind: LeadTimelineKind, row: EventRow, props: { contentId?: string; value?: number } | null): string | null {
  if (kind === 'touch' && row.share_node_id) return '通过分享进入';
  if (kind === 'watch' && props?.value) return `已满 ${props.value} 分钟`;
  if (kind === 'consent_withdrawn' && props?.contentId) return `不再同意：${ConsentPurposeTitles[props.contentId as ConsentPurpose] ?? '部分用途'}`;
  return null;
}
