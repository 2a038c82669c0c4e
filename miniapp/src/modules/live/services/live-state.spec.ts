import { describe, expect, it } from '@jest/globals';
import type { LiveEventView } from '@leadloop/shared';
import { liveActions } from './live-state';

const START = Date.parse('2026-11-23T11:00:00Z');
const MIN = 60_000;

function event(overrides: Partial<LiveEventView> = {}): LiveEventView {
  return {
    id: '01JABCDEFGHJKMNPQRSTVWXYZ0',
    title: '制造业数字化转型直播',
    summary: '',
    speakers: [],
    coverUrl: null,
    startAt: new Date(START).toISOString(),
    endAt: new Date(START + 120 * MIN).toISOString(),
    capacity: 100,
    seatsLeft: 40,
    priceFen: 0,
    watchKind: 'stream',
    signupFields: ['name'],
    status: 'published',
    replayUrl: null,
    survey: [],
    mySignup: null,
    ...overrides,
  };
}

const signed = (status: 'confirmed' | 'pending_payment' | 'cancelled', paid = false) => ({ id: 's1', status, paid, createdAt: '2026-11-01T00:00:00Z', reminderOn: false });

describe('what a person can do on an event page', () => {
  it('offers sign-up while seats are left, and says 名额已满 when none are', () => {
    expect(liveActions(event(), START - 60 * MIN)).toMatchObject({ canSignUp: true, full: false, signup: 'none' });
    expect(liveActions(event({ seatsLeft: 0 }), START - 60 * MIN)).toMatchObject({ canSignUp: false, full: true });
  });

  it('treats a cancelled sign-up as none: the person may sign up again', () => {
    expect(liveActions(event({ mySignup: signed('cancelled') }), START - 60 * MIN)).toMatchObject({ signup: 'none', canSignUp: true });
  });

  it('lets a person awaiting payment pay or cancel, never sign up twice', () => {
    const actions = liveActions(event({ priceFen: 9900, mySignup: signed('pending_payment') }), START - 60 * MIN);
    expect(actions).toMatchObject({ signup: 'pending_payment', canSignUp: false, canPay: true, canCancel: true, canEnterRoom: false });
  });

  it('opens the room to confirmed people 30 minutes before the start, until the end', () => {
    const e = event({ mySignup: signed('confirmed') });
    expect(liveActions(e, START - 31 * MIN)).toMatchObject({ canEnterRoom: false, roomOpensInMinutes: 1 });
    expect(liveActions(e, START - 30 * MIN)).toMatchObject({ canEnterRoom: true, roomOpensInMinutes: null });
    expect(liveActions(e, START + 60 * MIN)).toMatchObject({ canEnterRoom: true, canCancel: false, phase: 'live' });
    expect(liveActions(e, START + 121 * MIN)).toMatchObject({ canEnterRoom: false, phase: 'ended' });
    expect(liveActions(event(), START - 10 * MIN).canEnterRoom).toBe(false);
  });

  it('offers the replay after the end when there is one, to everybody', () => {
    expect(liveActions(event({ replayUrl: 'https://x.example.com/r.mp4' }), START + 3 * 60 * MIN)).toMatchObject({ canWatchReplay: true, canSignUp: false });
    expect(liveActions(event(), START + 3 * 60 * MIN).canWatchReplay).toBe(false);
  });

  it('asks confirmed people for the survey once the event has started', () => {
    const survey = [{ id: 'useful', text: '有帮助吗？', choices: ['有', '没有'] }];
    expect(liveActions(event({ survey, mySignup: signed('confirmed') }), START - MIN).canAnswerSurvey).toBe(false);
    expect(liveActions(event({ survey, mySignup: signed('confirmed') }), START + MIN).canAnswerSurvey).toBe(true);
    expect(liveActions(event({ survey }), START + MIN).canAnswerSurvey).toBe(false);
  });

  it('does not take sign-ups for an event that is not published', () => {
    expect(liveActions(event({ status: 'draft' }), START - 60 * MIN)).toMatchObject({ canSignUp: false, unavailable: true });
  });
});
