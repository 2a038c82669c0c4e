import type { TestServer } from './app';
import { moveClock } from './clock';
import { firstSignup } from './live';
import { StaffService } from '../../src/modules/staff/staff.service';

export const REMINDER = 'sandbox-live-reminder';
export const FAST = { LIVE_JOB_INTERVAL_MS: '100' };

/** Signs a persona in on `api`, with a login code from the sandbox that stands in for WeChat (`wechat`). */
export async function loginVia(wechat: TestServer, api: TestServer, persona: string): Promise<string> {
  const { body } = await wechat.http('POST', `/sandbox/personas/${persona}/login-code`);
  const res = await api.http('POST', '/api/auth/wechat/login', { code: body.code });
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  return res.body.token;
}

export async function marketerVia(wechat: TestServer, api: TestServer, persona: string): Promise<string> {
  const invite = await api.app.get(StaffService).issueInvite(null, { name: persona, role: 'marketer', ttlHours: 1 });
  const person = await loginVia(wechat, api, persona);
  return (await api.http('POST', '/api/staff/invites/accept', { token: invite.token }, person)).body.token;
}

/** Signs up and answers the subscribe-message prompt as the app does right after the tap. */
export async function signUpWithReminder(wechat: TestServer, api: TestServer, persona: string, eventId: string, grantedOnWechat: boolean) {
  const token = await loginVia(wechat, api, persona);
  expect((await api.http('POST', `/api/live/${eventId}/signups`, firstSignup(persona), token)).body.signup.status).toBe('confirmed');
  expect((await api.http('POST', `/api/live/${eventId}/reminders`, { results: { [REMINDER]: 'accept' } }, token)).body.scheduled).toBe(1);
  if (grantedOnWechat) await wechat.http('POST', `/sandbox/personas/${persona}/subscriptions`, { templateIds: [REMINDER] });
}

export const MINUTE = 60_000;
/** An event starting in an hour, with a reminder 15 minutes before it: due 45 minutes from `now`. */
export const inAnHour = (now: Date) => ({
  startAt: new Date(now.getTime() + 60 * MINUTE).toISOString(),
  endAt: new Date(now.getTime() + 120 * MINUTE).toISOString(),
  reminderOffsets: [15],
});

/** Moves the clock of every instance (each process has its own) by the same amount. */
export const advance = (servers: TestServer[], ms: number) => Promise.all(servers.map((s) => moveClock(s, { advanceMs: ms })));

export const messagesFor = async (wechat: TestServer, eventId: string) =>
  (await wechat.http('GET', '/sandbox/messages')).body.items.filter((m: { page: string }) => m.page?.includes(eventId)) as { persona: string }[];

