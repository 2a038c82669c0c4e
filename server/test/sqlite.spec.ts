import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningApp, startApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { LiveJob } from '../src/modules/live/jobs/live.job';
import { StaffService } from '../src/modules/staff/staff.service';
import { clockOf } from './support/clock';
import { eventually } from './support/eventually';

/** `npm start` runs on the embedded SQLite database: the same migrations and flows must hold there. */
describe('embedded SQLite (the npm start default)', () => {
  let dir: string;
  let running: RunningApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadloop-sqlite-'));
    running = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'leadloop.sqlite'), LOG_LEVEL: 'warn' }));
  });
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('migrates, reports healthy, and creates one person for concurrent logins', async () => {
    expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
    const codes = await Promise.all(Array.from({ length: 10 }, async () => (await post('/sandbox/personas/lite/login-code')).body.code));
    const logins = await Promise.all(codes.map((code) => post('/api/auth/wechat/login', { code })));
    expect(logins.map((l) => l.status)).toEqual(Array(10).fill(200));
    expect(new Set(logins.map((l) => l.body.person.id)).size).toBe(1);
  });

  it('binds a phone and shows it masked', async () => {
    const { body: login } = await post('/api/auth/wechat/login', { code: (await post('/sandbox/personas/lite-phone/login-code')).body.code });
    const { body: phone } = await post('/sandbox/personas/lite-phone/phone-code', { phone: '13712345678' });
    const bound = await post('/api/me/phone', { code: phone.code }, login.token);
    expect(bound.body.phoneMasked).toBe('137****5678');
  });

  it('merges two records on a phone and undoes the merge exactly', async () => {
    const login = async (persona: string) => (await post('/api/auth/wechat/login', { code: (await post(`/sandbox/personas/${persona}/login-code`)).body.code })).body;
    const bind = async (persona: string, token: string) => post('/api/me/phone', { code: (await post(`/sandbox/personas/${persona}/phone-code`, { phone: '13600001234' })).body.code }, token);
    const me = async (token: string) => (await fetch(`${running.url}/api/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())) as any;
    const first = await login('lite-merge-a');
    await bind('lite-merge-a', first.token);
    const second = await login('lite-merge-b');
    await fetch(`${running.url}/api/me`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${second.token}` }, body: JSON.stringify({ company: '轻量科技' }) });
    const before = await me(second.token);
    expect((await bind('lite-merge-b', second.token)).body.mergedFrom).toBe(second.person.id);
    expect((await me(first.token)).person.company).toBe('轻量科技');

    const invite = await running.app.get(StaffService).issueInvite(null, { name: 'lite-merge-admin', role: 'admin', ttlHours: 1 });
    const admin = (await post('/api/staff/invites/accept', { token: invite.token }, (await login('lite-merge-admin')).token)).body.token;
    const list = (await fetch(`${running.url}/api/persons/merges`, { headers: { authorization: `Bearer ${admin}` } }).then((r) => r.json())) as any;
    expect((await post(`/api/persons/merges/${list.items[0].id}/unmerge`, undefined, admin)).status).toBe(200);
    expect((await me(first.token)).person.company).toBeNull();
    expect(await me(second.token)).toEqual(before);
  });

  it('runs live sign-ups, payments and reminders: capacity holds and each reminder goes out once', async () => {
    const login = async (persona: string) => (await post('/api/auth/wechat/login', { code: (await post(`/sandbox/personas/${persona}/login-code`)).body.code })).body.token as string;
    const invite = await running.app.get(StaffService).issueInvite(null, { name: 'lite-admin', role: 'admin', ttlHours: 1 });
    const admin = (await post('/api/staff/invites/accept', { token: invite.token }, await login('lite-admin'))).body.token;
    // starts in 10 minutes; its reminder is due 5 minutes before
    const soon = { startAt: new Date(Date.now() + 10 * 60_000).toISOString(), endAt: new Date(Date.now() + 3_600_000).toISOString(), watch: { kind: 'stream', url: 'https://live.example.com/a.m3u8' }, signupFields: ['name'], reminderOffsets: [5] };
    const event = (await post('/api/live', { title: '轻量直播', capacity: 3, priceFen: 0, ...soon }, admin)).body;
    await post(`/api/live/${event.id}/publish`, undefined, admin);
    const form = (name: string) => ({ gate: { profile: { name }, consent: { policyVersion: '2026-11', accepted: true } } });

    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => login(`lite-crowd-${i}`)));
    const results = await Promise.all(people.map((token, i) => post(`/api/live/${event.id}/signups`, form(`观众${i}`), token)));
    expect(results.filter((r) => r.body.signup?.status === 'confirmed')).toHaveLength(3);
    expect(results.filter((r) => r.body.code === 'LIVE_FULL')).toHaveLength(3);

    const confirmed = people[results.findIndex((r) => r.body.signup?.status === 'confirmed')];
    await post(`/api/live/${event.id}/reminders`, { results: { 'sandbox-live-reminder': 'accept' } }, confirmed);
    const persona = `lite-crowd-${people.indexOf(confirmed)}`;
    await post(`/sandbox/personas/${persona}/subscriptions`, { templateIds: ['sandbox-live-reminder'] });
    const job = running.app.get(LiveJob);
    clockOf(running.app).advance(5 * 60_000 + 1_000);
    await job.tick(); // a round that began before the move may answer first
    await Promise.all([job.tick(), job.tick()]);
    await job.tick();
    const messages = (await (await fetch(`${running.url}/sandbox/messages?persona=${persona}`)).json()) as { items: unknown[] };
    expect(messages.items).toHaveLength(1);

    const paid = (await post('/api/live', { title: '付费直播', capacity: 5, priceFen: 1990, ...soon }, admin)).body;
    await post(`/api/live/${paid.id}/publish`, undefined, admin);
    const buyer = await login('lite-buyer');
    const order = (await post(`/api/live/${paid.id}/signups`, form('买家'), buyer)).body;
    expect((await post('/sandbox/pay/request-payment', { appId: 'wx0000000000000000', ...order.payment.params })).body.errMsg).toBe('requestPayment:ok');
    await eventually(
      async () => (await (await fetch(`${running.url}/api/live/${paid.id}`, { headers: { authorization: `Bearer ${buyer}` } })).json()) as { mySignup: { status: string } },
      (view) => view.mySignup.status === 'confirmed',
      'the paid sign-up to be confirmed by its notification',
      5_000,
    );
  }, 30_000);
});
