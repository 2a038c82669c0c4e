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
