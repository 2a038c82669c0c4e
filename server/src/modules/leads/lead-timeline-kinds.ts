import type { ClientEventType, LeadTimelineKind } from '@leadloop/shared';
import type { ActivityKind } from '../activity/activity';

/** Every type an `events` row can have: the app's touchpoints and the server's activities. */
export type StoredEventType = ClientEventType | ActivityKind;

/**
 * Where each stored event type shows on a lead's timeline. A kind: read from `events` as that
 * line. `table`: the line comes from the record behind the event, which says more (who changed
 * what, from → to). `hidden`: not the lead's story, and why. A new event type does not compile
 * until it is placed here.
 */
export type TimelinePlacement = { kind: LeadTimelineKind } | { table: string; kind: LeadTimelineKind } | { hidden: string };

export const TimelinePlacements: Record<StoredEventType, TimelinePlacement> = {
  entry: { kind: 'touch' },
  view: { kind: 'view' },
  share_request: { kind: 'share' },
  action: { hidden: 'in-page taps the app records for funnels, with free-form props' },
  signup: { kind: 'signup' },
  order: { kind: 'order' },
  payment: { kind: 'payment' },
  attend: { kind: 'attend' },
  watch: { kind: 'watch' },
  survey: { kind: 'survey' },
  download: { kind: 'download' },
  card_view: { kind: 'card_view' },
  card_return: { kind: 'card_return' },
  contact_request: { kind: 'contact_request' },
  consent_withdrawn: { kind: 'consent_withdrawn' },
  sales_rejected: { kind: 'sales_rejected' },
  stage_change: { table: 'lead_stage_changes', kind: 'stage_change' },
  profile_update: { table: 'profile_changes', kind: 'profile_edit' },
  sales_feedback: { table: 'lead_feedback', kind: 'feedback' },
};

/** The event types read from `events`, each with its timeline kind. */
export const EventTimelineKinds: ReadonlyMap<string, LeadTimelineKind> = new Map(
  Object.entries(TimelinePlacements).flatMap(([type, placement]) => ('kind' in placement && !('table' in placement) ? [[type, placement.kind] as const] : [])),
);

/**
 * Watch time reaches the stream every 5 minutes; the timeline shows the milestones a salesperson
 * acts on (the attend line carries the total), matched on the activity's key `watch:{event}:{minutes}`.
 */
export const TIMELINE_WATCH_MILESTONES = [30, 60, 120] as const;
