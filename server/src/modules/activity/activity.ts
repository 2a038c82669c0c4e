import { Injectable } from '@nestjs/common';
import type { ContentType } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { insertNew } from '../../database/sql';

/** What the server records as it sees it happen. Only these can be conversions, and only the server writes them. */
export const ActivityKinds = [
  'signup',
  'order',
  'payment',
  'download',
  'contact_request',
  'card_view',
  'attend',
  // watch-time milestones (`value`: minutes watched so far), a card visitor coming back, a survey answered
  'watch',
  'card_return',
  'survey',
  // a consent withdrawn; a lead rejected by sales as junk (refId: the feedback row; scored by the `sales_rejected` rule)
  'consent_withdrawn',
  'sales_rejected',
  // any feedback from sales on a lead (refId: the lead_feedback row): for SLA timers, reminders, webhooks, reports
  'sales_feedback',
  // a lead's lifecycle stage changed (refId: the lead_stage_changes row); a profile changed (refId: the change)
  'stage_change',
  'profile_update',
] as const;
export type ActivityKind = (typeof ActivityKinds)[number];

/** Activities credited along the share chain that led to them. */
export const ConversionKinds: ReadonlySet<string> = new Set<ActivityKind>(['signup', 'payment', 'download', 'contact_request']);

/** The share node and channel an action came through (resolved by the share chain before recording). */
export interface ActivitySource {
  nodeId: string | null;
  channelId: string | null;
}

export interface ActivityRecord {
  kind: ActivityKind;
  personId: string;
  /** The business record behind it (sign-up id, download id…): recording it again stores it once. */
  refId: string;
  /** The mini-program page it happened on. */
  page: string;
  contentType: ContentType;
  contentId: string;
  source: ActivitySource;
  /** A share token was named but matched no share node: kept as direct traffic, with the reason. */
  unknownToken?: boolean;
  at?: Date;
  /** A measure that goes with the activity (minutes watched, for `watch`). */
  value?: number;
}

/** What the `props` of a server activity hold (written here, read by the stream's consumers). */
export interface ActivityProps {
  contentType: ContentType;
  contentId: string;
  refId: string;
  /** Present only on kinds that carry a measure (older rows have none). */
  value?: number;
}

/**
 * The one way a feature records what a person did: one `events` row per activity, written inside
 * the caller's transaction (so it commits or rolls back with the action) and keyed by the business
 * record (a retry stores one). Everything that reacts — attribution, the lead, scoring, webhooks —
 * is a consumer of the stream, never another write at the call site.
 */
@Injectable()
export class Activity {
  constructor(private readonly clock: Clock) {}

  async record(em: EntityManager, activity: ActivityRecord): Promise<void> {
    await this.recordMany(em, [activity]);
  }

  /** Many activities in one statement. */
  async recordMany(em: EntityManager, activities: ActivityRecord[]): Promise<void> {
    if (activities.length === 0) return;
    const received = this.clock.now();
    await insertNew(
      em,
      'events',
      activities.map((a) => {
        const at = a.at ?? received;
        const props: ActivityProps = { contentType: a.contentType, contentId: a.contentId, refId: a.refId, ...(a.value === undefined ? {} : { value: a.value }) };
        return {
          id: newId(at.getTime()),
          origin: 'server',
          source_key: `p:${a.personId}`,
          client_event_id: activityKey(a.kind, a.refId),
          type: a.kind,
          person_id: a.personId,
          anonymous_id: null,
          share_node_id: a.source.nodeId,
          channel_id: a.source.channelId,
          launch_scene: null,
          page: a.page,
          props: JSON.stringify(props),
          discount: a.unknownToken ? 'unknown_token' : null,
          occurred_at: at,
          received_at: received,
        };
      }),
      { countResendsIn: 'resends' },
    );
  }
}

/** The stream key of an activity: its kind and business record (ids are 26-character ULIDs). */
export function activityKey(kind: ActivityKind, refId: string): string {
  return `${kind}:${refId}`;
}
