import type { TestServer } from './app';
import { loginAs } from './app';

export const POLICY = '2026-11';
const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** A published live event; defaults: starts in a day, 2 hours long, free, 100 seats, asks for a name. */
export async function publishEvent(server: TestServer, token: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const created = await server.http(
    'POST',
    '/api/live',
    {
      title: '制造业数字化转型直播',
      startAt: minutes(24 * 60),
      endAt: minutes(26 * 60),
      capacity: 100,
      priceFen: 0,
      signupFields: ['name'],
      watch: { kind: 'stream', url: 'https://live.example.com/stream.m3u8' },
      ...overrides,
    },
    token,
  );
  expect(created.status).toBe(201);
  const published = await server.http('POST', `/api/live/${created.body.id}/publish`, undefined, token);
  expect(published.status).toBe(200);
  return published.body;
}

/** The sign-up form a new person fills: their name and an explicit consent. */
export const firstSignup = (name: string, extra: Record<string, unknown> = {}) => ({ gate: { profile: { name }, consent: { policyVersion: POLICY, accepted: true } }, ...extra });

export async function signUpAs(server: TestServer, persona: string, eventId: string, extra: Record<string, unknown> = {}) {
  const person = await loginAs(server, persona);
  const res = await server.http('POST', `/api/live/${eventId}/signups`, firstSignup(persona, extra), person.token);
  return { person, res };
}

/** Pays as `wx.requestPayment` would in the app, with the parameters the server signed. */
export async function payInSandbox(server: TestServer, params: Record<string, string>, notify = true): Promise<string> {
  const { body } = await server.http('POST', '/sandbox/pay/request-payment', { appId: 'wx0000000000000000', ...params, notify });
  return body.errMsg;
}
