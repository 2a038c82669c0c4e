import type { AttendanceRequest, GateStatus, LiveEventView, SignupRequest, SignupResponse, SurveyAnswerRequest } from '@leadloop/shared';
import type { z } from 'zod';
import type { CancelSignupResponse, LiveRoomResponse, AttendanceResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { entryStore } from '@/core/entry';
import type { SubscribeResults } from '@/core/platform';

export type LiveRoom = z.infer<typeof LiveRoomResponse>;
export type Attendance = z.infer<typeof AttendanceResponse>;
export type CancelResult = z.infer<typeof CancelSignupResponse>;

const byId = (id: string) => ({ params: { id } });

/** Upcoming published events, soonest first (with my sign-up when I am signed in). */
export async function listUpcoming(limit = 10): Promise<LiveEventView[]> {
  return (await api('liveEvents', undefined, { query: { limit }, sessionIfAny: true })).items;
}

export function fetchLiveEvent(id: string): Promise<LiveEventView> {
  return api('liveEvent', undefined, { ...byId(id), sessionIfAny: true });
}

export function fetchGate(id: string): Promise<GateStatus> {
  return api('liveGate', undefined, byId(id));
}

/** Signs up with what the gate asked for, crediting the share token or channel the person arrived with. */
export function signUp(id: string, gate: SignupRequest['gate']): Promise<SignupResponse> {
  const entry = entryStore.get();
  const body: SignupRequest = { gate };
  if (entry.shareToken) body.shareToken = entry.shareToken;
  if (entry.channelCode) body.channelCode = entry.channelCode;
  return api('signUp', body, byId(id));
}

export function cancelSignup(id: string): Promise<CancelResult> {
  return api('cancelSignup', undefined, byId(id));
}

/** Records what the person answered to the subscribe prompt; nothing to record when nothing was answered. */
export async function recordReminderAnswers(id: string, results: SubscribeResults): Promise<number> {
  if (Object.keys(results).length === 0) return 0;
  return (await api('grantReminders', { results }, byId(id))).scheduled;
}

export function fetchRoom(id: string): Promise<LiveRoom> {
  return api('liveRoom', undefined, byId(id));
}

export function reportAttendance(id: string, kind: AttendanceRequest['kind'], sessionId: string): Promise<Attendance> {
  return api('reportAttendance', { kind, sessionId }, byId(id));
}

export function answerSurvey(id: string, answers: SurveyAnswerRequest['answers']): Promise<{ saved: boolean }> {
  return api('answerSurvey', { answers }, byId(id));
}
