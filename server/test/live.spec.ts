import { loginAs, startTestServer, staffAs, type TestServer } from './support/app';
import { clockOf } from './support/clock';
import { firstSignup, POLICY, publishEvent, signUpAs } from './support/live';
import { arrive, count, drain, mint } from './support/share';
import { LiveJob } from '../src/modules/live/jobs/live.job';

const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('live events', () => {
  let server: TestServer;
  let marketer: string;

  beforeAll(async () => {
    server = await startTestServer('live', { LIVE_JOB_INTERVAL_MS: '0' });
    marketer = (await staffAs(server, 'live-marketer', 'marketer')).token;
  });
  afterAll(() => server.close());

  it('refuses an event that ends before it starts, a negative price or no seats, naming each field', async () => {
    const res = await server.http(
      'POST',
      '/api/live',
      { title: '直播', startAt: at(60), endAt: at(30), capacity: 0, priceFen: -1, watch: { kind: 'stream', url: 'https://x.example.com/a.m3u8' } },
      marketer,
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.map((d: { path: string }) => d.path).sort()).toEqual(['capacity', 'endAt', 'priceFen']);
    const bad = await server.http('POST', '/api/live', { title: '直播', startAt: at(60), endAt: at(90), capacity: 10, priceFen: 0, watch: { kind: 'channels', finderUserName: 'not-a-finder' } }, marketer);
    expect(bad.body.details.fields[0].path).toBe('watch.finderUserName');
  });

  it('lets only marketers and admins create events; drafts are invisible to prospects', async () => {
    const sales = await staffAs(server, 'live-sales', 'sales');
    const body = { title: '草稿', startAt: at(60), endAt: at(90), capacity: 10, priceFen: 0, watch: { kind: 'stream', url: 'https://x.example.com/a.m3u8' } };
    expect((await server.http('POST', '/api/live', body, sales.token)).body.code).toBe('FORBIDDEN');
    const draft = await server.http('POST', '/api/live', body, marketer);
    expect(draft.body.status).toBe('draft');
    expect((await server.http('GET', `/api/live/${draft.body.id}`)).status).toBe(404);
    const prospect = await loginAs(server, 'draft-peeker');
    expect((await server.http('POST', `/api/live/${draft.body.id}/signups`, firstSignup('x'), prospect.token)).body.code).toBe('NOT_FOUND');
    expect((await server.http('GET', '/api/live/not-an-id')).body.code).toBe('NOT_FOUND');
  });

  it('gives exactly 50 of 100 concurrent sign-ups a seat, and the same person one seat however often they tap', async () => {
    const event = await publishEvent(server, marketer, { capacity: 50 });
    const people = [];
    for (let i = 0; i < 100; i++) people.push(await loginAs(server, `crowd-${i}`));
    const results = await Promise.all(people.map((p, i) => server.http('POST', `/api/live/${event.id}/signups`, firstSignup(`观众${i}`), p.token)));
    const confirmed = results.filter((r) => r.status === 200 && r.body.signup.status === 'confirmed');
    const refused = results.filter((r) => r.status !== 200);
    expect(confirmed).toHaveLength(50);
    expect(refused).toHaveLength(50);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(new Set(['409 LIVE_FULL']));
    expect(await count(server, "SELECT COUNT(*) AS n FROM live_signups WHERE event_id = ? AND status = 'confirmed'", [event.id])).toBe(50);
    expect((await server.http('GET', `/api/live/${event.id}`)).body.seatsLeft).toBe(0);

    const roomy = await publishEvent(server, marketer, { capacity: 5 });
    const eager = people[0];
    const taps = await Promise.all(Array.from({ length: 8 }, () => server.http('POST', `/api/live/${roomy.id}/signups`, firstSignup('观众0'), eager.token)));
    expect(taps.every((t) => t.status === 200)).toBe(true);
    expect(new Set(taps.map((t) => t.body.signup.id)).size).toBe(1);
    expect((await server.http('GET', `/api/live/${roomy.id}`)).body.seatsLeft).toBe(4);
  }, 60_000);

  it('settles a burst of different sign-ups together, each with its own answer, and keeps nothing of the refused', async () => {
    const event = await publishEvent(server, marketer, { capacity: 10 });
    const sales = await staffAs(server, 'burst-sales', 'sales');
    const token = await mint(server, sales.token, undefined, { contentType: 'live', contentId: event.id });
    const [fresh0, fresh1, fresh2, noConsent, noName, outdated, before, returning, eager, shared] = await Promise.all(
      ['fresh0', 'fresh1', 'fresh2', 'no-consent', 'no-name', 'outdated', 'before', 'returning', 'eager', 'shared'].map((p) => loginAs(server, `burst-${p}`)),
    );
    const earlier = await server.http('POST', `/api/live/${event.id}/signups`, firstSignup('早到'), before.token);
    await server.http('POST', `/api/live/${event.id}/signups`, firstSignup('回头客'), returning.token);
    await server.http('POST', `/api/live/${event.id}/signups/cancel`, undefined, returning.token);
    // withdrawing consent later does not undo a sign-up: tapping again still answers it
    expect((await server.http('POST', '/api/me/consents/event_signup/withdraw', {}, before.token)).status).toBe(200);

    const signUp = (person: { token: string }, body: unknown) => server.http('POST', `/api/live/${event.id}/signups`, body, person.token);
    const answers = await Promise.all([
      ...[fresh0, fresh1, fresh2].map((p, i) => signUp(p, firstSignup(`新人${i}`))),
      signUp(noConsent, { gate: { profile: { name: '没同意' } } }),
      signUp(noName, { gate: { profile: {}, consent: { policyVersion: POLICY, accepted: true } } }),
      signUp(outdated, { gate: { profile: { name: '旧版本' }, consent: { policyVersion: '2020-01', accepted: true } } }),
      signUp(before, {}),
      signUp(returning, {}),
      signUp(eager, firstSignup('手快')),
      signUp(eager, firstSignup('手快')),
      signUp(eager, firstSignup('手快')),
      signUp(shared, firstSignup('转发来的', { shareToken: token })),
    ]);
    const [a0, a1, a2, refusedConsent, refusedName, refusedPolicy, again, back, e0, e1, e2, viaShare] = answers;
    for (const ok of [a0, a1, a2, again, back, e0, e1, e2, viaShare]) expect(ok.body.signup?.status).toBe('confirmed');
    expect(refusedConsent.body.code).toBe('CONSENT_REQUIRED');
    expect(refusedName.body).toMatchObject({ code: 'PROFILE_INCOMPLETE', details: { missing: ['name'] } });
    expect(refusedPolicy.body.code).toBe('CONSENT_POLICY_OUTDATED');
    expect(again.body.signup.id).toBe(earlier.body.signup.id);
    expect(new Set([e0, e1, e2].map((e) => e.body.signup.id)).size).toBe(1);

    // seats: the 3 new, the one who was there, the one who came back, the eager one, the one through the share
    expect((await server.http('GET', `/api/live/${event.id}`)).body.seatsLeft).toBe(10 - 7);
    expect(await count(server, "SELECT COUNT(*) AS n FROM live_signups WHERE event_id = ? AND status = 'confirmed' AND holds_seat = 1", [event.id])).toBe(7);
    expect(await count(server, 'SELECT COALESCE(SUM(taken), 0) AS n FROM live_seat_slots WHERE event_id = ?', [event.id])).toBe(7);
    const refused = [noConsent, noName, outdated].map((p) => p.personId);
    await drain(server); // leads follow from the activities, in the stream's consumer
    for (const table of ['live_signups', 'consents', 'leads', 'events']) {
      expect(await count(server, `SELECT COUNT(*) AS n FROM ${table} WHERE person_id IN (?, ?, ?)${table === 'events' ? " AND type = 'signup'" : ''}`, refused)).toBe(0);
    }
    expect(await count(server, 'SELECT COUNT(*) AS n FROM persons WHERE id = ? AND real_name IS NOT NULL', [noConsent.personId])).toBe(0);
    // each new sign-up wrote one consent, one lead activity and one touchpoint
    for (const p of [fresh0, fresh1, fresh2, eager, shared]) {
      expect(await count(server, "SELECT COUNT(*) AS n FROM consents WHERE person_id = ? AND purpose = 'event_signup'", [p.personId])).toBe(1);
      expect(await count(server, "SELECT COUNT(*) AS n FROM leads WHERE person_id = ? AND activity_count = 1 AND last_kind = 'event_signup'", [p.personId])).toBe(1);
      expect(await count(server, "SELECT COUNT(*) AS n FROM events WHERE person_id = ? AND type = 'signup'", [p.personId])).toBe(1);
    }
    expect(await count(server, 'SELECT COUNT(*) AS n FROM live_signups WHERE person_id = ? AND sharer_staff_id = ? AND share_node_id IS NOT NULL', [shared.personId, sales.staffId])).toBe(1);
  }, 60_000);

  it('answers malformed sign-ups with the contract’s codes, before any work', async () => {
    const event = await publishEvent(server, marketer);
    const person = await loginAs(server, 'malformed-signup');
    const raw = (body: string, headers: Record<string, string>) =>
      fetch(`${server.url}/api/live/${event.id}/signups`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'signup-trace-0001', ...headers }, body }).then(async (r) => ({ status: r.status, id: r.headers.get('x-request-id'), body: (await r.json()) as { code: string; requestId: string; details?: unknown } }));
    const bearer = { authorization: `Bearer ${person.token}` };
    expect(await raw('{}', {})).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(await raw('{}', { authorization: 'Token abc' })).toMatchObject({ body: { code: 'SESSION_INVALID' } });
    expect(await raw('{}', { authorization: `Bearer ${person.token}x` })).toMatchObject({ body: { code: 'SESSION_INVALID' } });
    const broken = await raw('{"gate":', bearer);
    expect(broken).toMatchObject({ status: 400, id: 'signup-trace-0001', body: { code: 'VALIDATION_FAILED', requestId: 'signup-trace-0001' } });
    const badEmail = await raw(JSON.stringify({ gate: { profile: { email: 'not-an-email' } } }), bearer);
    expect(badEmail).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ path: 'gate.profile.email' })] } } });
    expect(await raw('x'.repeat(300 * 1024), bearer)).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await raw('name=x', { ...bearer, 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const unknown = await fetch(`${server.url}/api/live/nope/signups`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer }, body: '{}' });
    expect(unknown.status).toBe(404);
    expect(await count(server, 'SELECT COUNT(*) AS n FROM live_signups WHERE person_id = ?', [person.personId])).toBe(0);
  });

  it('asks only for what is missing, records consent, and signs a known person up in one tap', async () => {
    const event = await publishEvent(server, marketer, { signupFields: ['name', 'company'] });
    const person = await loginAs(server, 'progressive');
    const gate = await server.http('GET', `/api/live/${event.id}/gate`, undefined, person.token);
    expect(gate.body).toMatchObject({ missing: ['name', 'company'], consentNeeded: true, policyVersion: POLICY });

    const noConsent = await server.http('POST', `/api/live/${event.id}/signups`, { gate: { profile: { name: '李雷', company: '示例科技' } } }, person.token);
    expect(noConsent.body.code).toBe('CONSENT_REQUIRED');
    const missing = await server.http('POST', `/api/live/${event.id}/signups`, { gate: { profile: { name: '李雷' }, consent: { policyVersion: POLICY, accepted: true } } }, person.token);
    expect(missing.body).toMatchObject({ code: 'PROFILE_INCOMPLETE', details: { missing: ['company'] } });
    expect(await count(server, 'SELECT COUNT(*) AS n FROM live_signups WHERE person_id = ?', [person.personId])).toBe(0);

    const ok = await server.http('POST', `/api/live/${event.id}/signups`, { gate: { profile: { name: '李雷', company: '示例科技' }, consent: { policyVersion: POLICY, accepted: true } } }, person.token);
    expect(ok.body.signup.status).toBe('confirmed');
    expect(ok.body.reminderTemplates.length).toBeGreaterThanOrEqual(1);
    expect(await count(server, "SELECT COUNT(*) AS n FROM consents WHERE person_id = ? AND purpose = 'event_signup' AND policy_version = ?", [person.personId, POLICY])).toBe(1);
    await drain(server); // the lead follows from the sign-up's activity, in the stream's consumer
    expect(await count(server, "SELECT COUNT(*) AS n FROM leads WHERE person_id = ? AND last_kind = 'event_signup'", [person.personId])).toBe(1);

    // the next event asks nothing: profile and consent are already there
    const next = await publishEvent(server, marketer, { signupFields: ['name', 'company'] });
    expect((await server.http('GET', `/api/live/${next.id}/gate`, undefined, person.token)).body).toMatchObject({ missing: [], consentNeeded: false });
    expect((await server.http('POST', `/api/live/${next.id}/signups`, {}, person.token)).body.signup.status).toBe('confirmed');
  });

  it('shows the console the replay URL ahead of the event, and a person whether their reminder is on', async () => {
    const event = await publishEvent(server, marketer, { replayUrl: 'https://live.example.com/replay.mp4' });
    expect((await server.http('GET', `/api/console/live/${event.id}`, undefined, marketer)).body).toMatchObject({ id: event.id, replayUrl: 'https://live.example.com/replay.mp4' });
    expect((await server.http('GET', `/api/live/${event.id}`)).body.replayUrl).toBeNull();
    const { person } = await signUpAs(server, 'reminder-flag', event.id);
    expect((await server.http('GET', `/api/live/${event.id}`, undefined, person.token)).body.mySignup.reminderOn).toBe(false);
    await server.http('POST', `/api/live/${event.id}/reminders`, { results: { 'sandbox-live-reminder': 'accept' } }, person.token);
    expect((await server.http('GET', `/api/live/${event.id}`, undefined, person.token)).body.mySignup.reminderOn).toBe(true);
  });

  it('changes capacity without losing seats, and never below the seats taken', async () => {
    const event = await publishEvent(server, marketer, { capacity: 3 });
    for (const name of ['cap-a', 'cap-b']) expect((await signUpAs(server, name, event.id)).res.body.signup.status).toBe('confirmed');
    expect((await server.http('PATCH', `/api/live/${event.id}`, { capacity: 1 }, marketer)).body.code).toBe('LIVE_LOCKED');
    expect((await server.http('PATCH', `/api/live/${event.id}`, { capacity: 2 }, marketer)).body.seatsLeft).toBe(0);
    expect((await signUpAs(server, 'cap-c', event.id)).res.body.code).toBe('LIVE_FULL');
    expect((await server.http('PATCH', `/api/live/${event.id}`, { capacity: 20 }, marketer)).body).toMatchObject({ capacity: 20, seatsLeft: 18 });
    expect((await signUpAs(server, 'cap-c', event.id)).res.body.signup.status).toBe('confirmed');
    expect((await server.http('PATCH', `/api/live/${event.id}`, { priceFen: 100 }, marketer)).body.code).toBe('LIVE_LOCKED');
  });

  it('cancels a free sign-up, frees the seat and lets the person come back', async () => {
    const event = await publishEvent(server, marketer, { capacity: 1 });
    const { person } = await signUpAs(server, 'fickle', event.id);
    const cancelled = await server.http('POST', `/api/live/${event.id}/signups/cancel`, undefined, person.token);
    expect(cancelled.body).toMatchObject({ signup: { status: 'cancelled' }, refund: null });
    expect((await server.http('GET', `/api/live/${event.id}`)).body.seatsLeft).toBe(1);
    const again = await server.http('POST', `/api/live/${event.id}/signups`, {}, person.token);
    expect(again.body.signup).toMatchObject({ status: 'confirmed', id: cancelled.body.signup.id });
  });

  it('lists my sign-ups in 我的, exports them, and erasing me frees my seat', async () => {
    const first = await publishEvent(server, marketer, { capacity: 3 });
    const second = await publishEvent(server, marketer, { capacity: 3 });
    const { person } = await signUpAs(server, 'mine-lister', first.id);
    await server.http('POST', `/api/live/${second.id}/signups`, {}, person.token);
    const mine = await server.http('GET', '/api/me/signups?limit=1', undefined, person.token);
    expect(mine.body.items).toEqual([expect.objectContaining({ eventId: second.id, status: 'confirmed', paid: false })]);
    const rest = await server.http('GET', `/api/me/signups?limit=1&cursor=${mine.body.nextCursor}`, undefined, person.token);
    expect(rest.body.items[0].eventId).toBe(first.id);

    const exported = (await server.http('GET', '/api/me/export', undefined, person.token)).body;
    expect(JSON.stringify(exported)).toContain(first.id);
    expect((await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, person.token)).status).toBeLessThan(300);
    expect((await server.http('GET', `/api/live/${first.id}`)).body.seatsLeft).toBe(3);
    expect(await count(server, "SELECT COUNT(*) AS n FROM live_signups WHERE person_id = ? AND status <> 'cancelled'", [person.personId])).toBe(0);
  });

  it('makes a personal poster for a published event, and a new one after an edit', async () => {
    const event = await publishEvent(server, marketer);
    const sharer = await loginAs(server, 'poster-sharer');
    const first = await server.http('POST', '/api/posters', { contentType: 'live', contentId: event.id }, sharer.token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ width: 750, height: 1334, cached: false });
    const image = await fetch(`${server.url}${first.body.url}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    await server.http('PATCH', `/api/live/${event.id}`, { title: '改名后的直播' }, marketer);
    const second = await server.http('POST', '/api/posters', { contentType: 'live', contentId: event.id }, sharer.token);
    expect(second.body.url).not.toBe(first.body.url);
    expect(second.body.token).toBe(first.body.token);
    const draft = await server.http('POST', '/api/live', { title: '草稿', startAt: at(60), endAt: at(90), capacity: 10, priceFen: 0, watch: { kind: 'stream', url: 'https://x.example.com/a.m3u8' } }, marketer);
    expect((await server.http('POST', '/api/posters', { contentType: 'live', contentId: draft.body.id }, sharer.token)).body.code).toBe('POSTER_CONTENT_NOT_FOUND');
  });

  it('counts watch minutes once however many heartbeats or devices report the same minute', async () => {
    const event = await publishEvent(server, marketer, { startAt: at(-10), endAt: at(50) });
    const { person } = await signUpAs(server, 'watcher', event.id);
    const outsider = await loginAs(server, 'gatecrasher');
    expect((await server.http('GET', `/api/live/${event.id}/room`, undefined, outsider.token)).body.code).toBe('LIVE_NOT_SIGNED_UP');

    const room = await server.http('GET', `/api/live/${event.id}/room`, undefined, person.token);
    expect(room.body).toMatchObject({ watch: { kind: 'stream' }, heartbeatSeconds: 30 });
    const beat = (kind: string, sessionId: string) => server.http('POST', `/api/live/${event.id}/attendance`, { kind, sessionId }, person.token);
    await beat('join', 'phone-session-1');
    await Promise.all([beat('heartbeat', 'phone-session-1'), beat('heartbeat', 'phone-session-1'), beat('join', 'pad-session-22'), beat('heartbeat', 'pad-session-22')]);
    const last = await beat('leave', 'phone-session-1');
    expect(last.body.watchMinutes).toBeGreaterThanOrEqual(1);
    expect(last.body.watchMinutes).toBeLessThanOrEqual(2); // a minute boundary may fall inside the test
    expect(await count(server, 'SELECT COUNT(*) AS n FROM live_attendance_minutes WHERE event_id = ?', [event.id])).toBe(last.body.watchMinutes);
  });

  it('reports sign-ups by channel and sharer, attendance, survey answers and revenue', async () => {
    const sales = await staffAs(server, 'report-sales', 'sales');
    const channel = (await server.http('POST', '/api/channels', { code: 'salon26', name: '线下沙龙', kind: 'offline_event' }, marketer)).body;
    const event = await publishEvent(server, marketer, { startAt: at(-5), endAt: at(55), survey: [{ id: 'useful', text: '内容有帮助吗？', choices: ['有', '没有'] }] });
    const token = await mint(server, sales.token, undefined, { contentType: 'live', contentId: event.id });
    const viaShare = await arrive(server, 'report-a', token);
    await drain(server);
    await server.http('POST', `/api/live/${event.id}/signups`, { ...firstSignup('甲'), shareToken: token }, viaShare.token);
    const viaChannel = await loginAs(server, 'report-b');
    await server.http('POST', `/api/live/${event.id}/signups`, { ...firstSignup('乙'), channelCode: channel.code }, viaChannel.token);

    await server.http('POST', `/api/live/${event.id}/attendance`, { kind: 'join', sessionId: 'report-a-session' }, viaShare.token);
    expect((await server.http('POST', `/api/live/${event.id}/survey`, { answers: { useful: '也许' } }, viaShare.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await server.http('POST', `/api/live/${event.id}/survey`, { answers: { useful: '有' } }, viaShare.token)).body.saved).toBe(true);

    expect((await server.http('GET', `/api/live/${event.id}/report`, undefined, sales.token)).body.code).toBe('FORBIDDEN');
    const report = (await server.http('GET', `/api/live/${event.id}/report`, undefined, marketer)).body;
    expect(report.signups).toMatchObject({ confirmed: 2, pendingPayment: 0, cancelled: 0 });
    expect(report.bySharer).toEqual(expect.arrayContaining([expect.objectContaining({ staffId: sales.staffId, name: 'report-sales', signups: 1 })]));
    expect(report.byChannel).toEqual(expect.arrayContaining([expect.objectContaining({ channelName: '线下沙龙', signups: 1 })]));
    expect(report.attendance).toMatchObject({ attendees: 1, rate: 0.5 });
    expect(report.attendance.averageWatchMinutes).toBeGreaterThanOrEqual(1);
    expect(report.survey[0]).toMatchObject({ id: 'useful', responses: 1, choices: [{ choice: '有', count: 1 }, { choice: '没有', count: 0 }] });
    expect(report.revenue).toMatchObject({ paidOrders: 0, grossFen: 0 });
  });

  it('after the event, pushes the survey to attendees and the replay to those who did not come', async () => {
    const event = await publishEvent(server, marketer, { startAt: at(-30), endAt: at(30), replayUrl: 'https://live.example.com/replay.mp4', survey: [{ id: 'score', text: '打分', choices: ['1', '5'] }] });
    const came = await signUpAs(server, 'came', event.id);
    const missed = await signUpAs(server, 'missed', event.id);
    for (const { person } of [came, missed]) {
      const res = await server.http('POST', `/api/live/${event.id}/reminders`, { results: { 'sandbox-live-replay': 'accept', 'sandbox-live-survey': 'accept' } }, person.token);
      expect(res.status).toBe(200);
    }
    await server.http('POST', '/sandbox/personas/came/subscriptions', { templateIds: ['sandbox-live-survey', 'sandbox-live-replay'] });
    await server.http('POST', '/sandbox/personas/missed/subscriptions', { templateIds: ['sandbox-live-survey', 'sandbox-live-replay'] });
    await server.http('POST', `/api/live/${event.id}/attendance`, { kind: 'join', sessionId: 'came-session-1' }, came.person.token);

    const job = server.app.get(LiveJob);
    const pushed = async () => (await server.http('GET', '/sandbox/messages')).body.items.filter((m: { page: string }) => m.page?.includes(event.id)).map((m: { persona: string; templateId: string }) => `${m.persona}:${m.templateId}`).sort();
    await job.tick();
    expect(await pushed()).toEqual([]); // still on air: nothing yet

    const clock = clockOf(server.app);
    clock.advance(31 * 60_000); // the event is over
    try {
      await job.tick();
      await job.tick(); // a second round sends nothing twice
      expect(await pushed()).toEqual(['came:sandbox-live-survey', 'missed:sandbox-live-replay']);
    } finally {
      clock.set(null);
    }
  }, 20_000);
});
