import { Pages } from '@leadloop/shared';
import type { ActivityRecord } from '../activity/activity';
import type { LiveSignupEntity } from './live.entity';

export const DETAIL_PAGE = Pages.liveDetail;
export const ROOM_PAGE = Pages.liveRoom;

type Signup = Pick<LiveSignupEntity, 'id' | 'eventId' | 'personId' | 'shareNodeId' | 'channelId'>;

/** A confirmed sign-up (free, or paid once the payment arrived): a conversion, through the share that brought it. */
export function signupActivity(signup: Signup, unknownToken = false): ActivityRecord {
  return { kind: 'signup', personId: signup.personId, refId: signup.id, page: DETAIL_PAGE, contentType: 'live', contentId: signup.eventId, source: { nodeId: signup.shareNodeId, channelId: signup.channelId }, unknownToken };
}

/** A paid event's order, placed: the person is a lead even if they never pay. */
export function orderActivity(signup: Signup, orderId: string): ActivityRecord {
  return { kind: 'order', personId: signup.personId, refId: orderId, page: DETAIL_PAGE, contentType: 'live', contentId: signup.eventId, source: { nodeId: signup.shareNodeId, channelId: signup.channelId } };
}

/** The payment for a sign-up arrived: a conversion of its own. */
export function paymentActivity(signup: Signup, orderId: string): ActivityRecord {
  return { kind: 'payment', personId: signup.personId, refId: orderId, page: DETAIL_PAGE, contentType: 'live', contentId: signup.eventId, source: { nodeId: null, channelId: null } };
}

/** The person entered the live room (recorded once per event). */
export function attendActivity(eventId: string, personId: string, at: Date): ActivityRecord {
  return { kind: 'attend', personId, refId: eventId, page: ROOM_PAGE, contentType: 'live', contentId: eventId, source: { nodeId: null, channelId: null }, at };
}

/** Watch time is reported to the stream at every 5 minutes reached (scoring rules say "watched ≥ N minutes"). */
export const WATCH_MILESTONE_MINUTES = 5;

/** The person has watched `minutes` (a multiple of 5) of the event: one activity per milestone. */
export function watchActivity(eventId: string, personId: string, minutes: number, at: Date): ActivityRecord {
  return { kind: 'watch', personId, refId: `${eventId}:${minutes}`, page: ROOM_PAGE, contentType: 'live', contentId: eventId, source: { nodeId: null, channelId: null }, at, value: minutes };
}

/** The milestone reached when the watched minutes went from `before` to `after`, if one was. */
export function watchMilestone(before: number, after: number): number | null {
  const reached = Math.floor(after / WATCH_MILESTONE_MINUTES) * WATCH_MILESTONE_MINUTES;
  return reached > 0 && reached > before ? reached : null;
}

/** The person answered the event's survey (one answer set per person and event). */
export function surveyActivity(eventId: string, personId: string): ActivityRecord {
  return { kind: 'survey', personId, refId: eventId, page: DETAIL_PAGE, contentType: 'live', contentId: eventId, source: { nodeId: null, channelId: null } };
}
