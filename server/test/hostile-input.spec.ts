import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { firstSignup, publishEvent } from './support/live';
import { count, entryEvent, mint, newInstall } from './support/share';
import { pdfPart, upload } from './support/whitepaper';

const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/** What a hostile client sends: instants the database cannot hold, values that outgrow their column, drafts probed, case variants of tokens. */
describe('hostile input', () => {
  let server: TestServer;
  let marketer: string;

  beforeAll(async () => {
    server = await startTestServer('hostile');
    marketer = (await staffAs(server, 'hostile-marketer', 'marketer')).token;
  });
  afterAll(() => server.close());

  it('refuses live-event instants an offset pushes out of range, and year 0000, naming the field', async () => {
    const base = { title: '边界', capacity: 10, priceFen: 0, watch: { kind: 'stream', url: 'https://x.example.com/a.m3u8' } };
    for (const [startAt, endAt] of [
      ['9999-12-31T23:00:00-05:00', '9999-12-31T23:30:00-05:00'],
      ['0000-01-01T00:00:00Z', '0000-01-01T01:00:00Z'],
      ['0001-01-01T00:30:00+01:00', '2030-01-01T00:00:00Z'],
    ]) {
      const res = await server.http('POST', '/api/live', { ...base, startAt, endAt }, marketer);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain('startAt');
    }
    expect(await count(server, "SELECT COUNT(*) FROM live_events WHERE title = '边界'")).toBe(0);
  });

  it('refuses whitepaper tags that would not fit their column once stored, and stores ten long tags whole', async () => {
    const quoted = Array.from({ length: 10 }, (_, i) => `"\\"\\"\\"\\"\\"\\"\\"\\"\\"${i}`.slice(0, 20)).join(',');
    const refused = await upload(server, '/console/whitepapers', marketer, { title: '标签', summary: '摘要', tags: quoted }, [pdfPart()]);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    const long = Array.from({ length: 10 }, (_, i) => `数字化转型与私域增长实践${i}号标签长长长长`.slice(0, 20)).join(',');
    const stored = await upload(server, '/console/whitepapers', marketer, { title: '长标签', summary: '摘要', tags: long }, [pdfPart()]);
    expect(stored.status).toBe(201);
    expect(stored.body.tags).toEqual(long.split(','));
  });

  it('answers a draft event exactly like a missing one on every prospect route', async () => {
    const draft = (await server.http('POST', '/api/live', { title: '草稿', startAt: new Date(Date.now() + 3_600_000).toISOString(), endAt: new Date(Date.now() + 7_200_000).toISOString(), capacity: 10, priceFen: 0, watch: { kind: 'stream', url: 'https://x.example.com/a.m3u8' } }, marketer)).body;
    const prospect = await loginAs(server, 'hostile-peeker');
    const missing = '01M00000000000000000000000';
    const probe = async (id: string) =>
      Promise.all([
        server.http('GET', `/api/live/${id}`, undefined, prospect.token),
        server.http('GET', `/api/live/${id}/gate`, undefined, prospect.token),
        server.http('POST', `/api/live/${id}/signups`, firstSignup('窥探'), prospect.token),
        server.http('GET', `/api/live/${id}/room`, undefined, prospect.token),
        server.http('POST', `/api/live/${id}/survey`, { answers: { q1: 'x' } }, prospect.token),
      ]).then((answers) => answers.map((a) => `${a.status} ${a.body.code}`));
    const forDraft = await probe(draft.id);
    expect(forDraft).toEqual(await probe(missing));
    expect(forDraft.every((a) => a === '404 NOT_FOUND')).toBe(true);
  });

  it('compares share tokens, channel codes and client event ids exactly: a case variant is another value', async () => {
    const sharer = await staffAs(server, 'hostile-sharer', 'sales');
    const token = await mint(server, sharer.token);
    expect(token).not.toBe(swapCase(token));
    expect(await count(server, 'SELECT COUNT(*) FROM share_nodes WHERE token = ?', [swapCase(token)])).toBe(0);
    for (const code of ['Expo2026', 'eXPO2026']) expect((await server.http('POST', '/api/channels', { code, name: `展会 ${code}`, kind: 'offline_event' }, marketer)).status).toBe(201);
    expect(await count(server, "SELECT COUNT(*) FROM channels WHERE code = 'Expo2026'")).toBe(1);
    const install = newInstall();
    const event = entryEvent(install);
    const variant = { ...entryEvent(install), id: swapCase(event.id) };
    const res = await server.http('POST', '/api/events', { events: [event, variant] });
    expect(res.body).toMatchObject({ accepted: 2, rejected: [] });
    expect(await count(server, 'SELECT COUNT(*) FROM events WHERE source_key = ?', [install])).toBe(2);
  });
});
