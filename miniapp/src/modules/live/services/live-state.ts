import type { LiveEventView } from '@leadloop/shared';
import { livePhase, type LivePhase } from './live-format';

/** The live room opens this long before the start (the server admits heartbeats from then). */
export const ROOM_OPENS_BEFORE_MS = 30 * 60_000;

export type SignupState = 'none' | 'pending_payment' | 'confirmed';

export interface LiveActions {
  phase: LivePhase;
  signup: SignupState;
  /** Sign-up is open to this person: published, not over, seats left, not signed up yet. */
  canSignUp: boolean;
  full: boolean;
  /** Published but not taking sign-ups (a draft preview, a cancelled event). */
  unavailable: boolean;
  canPay: boolean;
  canCancel: boolean;
  canEnterRoom: boolean;
  /** Minutes until the room opens, while a confirmed person waits for it. */
  roomOpensInMinutes: number | null;
  canWatchReplay: boolean;
  canAnswerSurvey: boolean;
}

/** What a person can do on an event's page right now. */
export function liveActions(event: LiveEventView, nowMs: number): LiveActions {
  const phase = livePhase(nowMs, event.startAt, event.endAt);
  const status = event.mySignup?.status;
  const signup: SignupState = status === 'confirmed' || status === 'pending_payment' ? status : 'none';
  const published = event.status === 'published';
  const startMs = Date.parse(event.startAt);
  const open = published && phase !== 'ended';
  const roomOpensAt = startMs - ROOM_OPENS_BEFORE_MS;
  const confirmed = signup === 'confirmed';
  return {
    phase,
    signup,
    canSignUp: open && signup === 'none' && event.seatsLeft > 0,
    full: open && signup === 'none' && event.seatsLeft <= 0,
    unavailable: !published,
    canPay: open && signup === 'pending_payment',
    canCancel: signup !== 'none' && nowMs < startMs,
    canEnterRoom: confirmed && phase !== 'ended' && nowMs >= roomOpensAt,
    roomOpensInMinutes: confirmed && phase === 'upcoming' && nowMs < roomOpensAt ? Math.ceil((roomOpensAt - nowMs) / 60_000) : null,
    canWatchReplay: phase === 'ended' && !!event.replayUrl,
    canAnswerSurvey: confirmed && event.survey.length > 0 && phase !== 'upcoming',
  };
}
