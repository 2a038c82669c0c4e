import { createConnection } from 'mysql2/promise';
import type { EntityManager } from 'typeorm';
import { type ControllableClock, Clock } from '../src/core/clock';
import { newId } from '../src/database/ids';
import { Activity, type ActivityRecord } from '../src/modules/activity/activity';
import type { EventEntity } from '../src/modules/activity/activity.entity';
import { Pipeline, type StreamConsumer } from '../src/modules/activity/pipeline';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { firstSignup, publishEvent } from './support/live';
import { arrive, count, drain, entryEvent, mint, newInstall } from './support/share';
import { consent, publishedWhitepaper, requestDownload } from './support/whitepaper';

/** A consumer that remembers what it was handed (and can be told to fail on some events). */
class Recorder implements StreamConsumer {
  readonly seen: string[] = [];
  failOn: (e: EventEntity) => boolean = () => false;

  constructor(
    readonly name: string,
    readonly startAt: 'beginning' | 'now' = 'now',
    private readonly shared?: string[],
  ) {}

  async handle(_: EntityManager, events: EventEntity[]): Promise<void> {
    for (const e of events) if (this.failOn(e)) throw new Error(`cannot handle ${e.page}`);
    this.seen.push(...events.map((e) => e.id));
    this.shared?.push(...events.map((e) => e.id));
  }
}

const pipelineOf = (server: TestServer) => server.app.get(Pipeline);
const clockOf = (server: TestServer) => server.app.get(Clock) as ControllableClock;

async function ingest(server: TestServer, n: number, extra: Record<string, unknown> = {}): Promise<void> {
  const install = newInstall();
  const events = Array.from({ length: n }, () => entryEvent(install, undefined, extra));
  const res = await server.http('POST', '/api/events', { events });
  expect(res.body).toMatchObject({ accepted: n, rejected: [] });
}

describe('activity stream: recorder, consumers, poison', () => {
  let server: TestServer;
  let admin: { token: string };

  beforeAll(async () => {
    server = await startTestServer('stream', { EVENT_PROCESSOR_INTERVAL_MS: '0', STREAM_MAX_ATTEMPTS: '3', STREAM_RETRY_BASE_MS: '60000' });
    admin = await staffAs(server, 'stream-admin', 'admin');
  });
  afterAll(() => server.close());

  it('runs every connection in strict SQL mode', async () => {
    const [{ mode }] = await server.dataSource.query('SELECT @@SESSION.sql_mode AS mode');
    expect(mode).toContain('STRICT_ALL_TABLES');
    expect(mode).toContain('NO_ZERO_DATE');
  });

  it('writes one event per activity inside the action: none when it rolls back, one when it is retried', async () => {
    const person = await loginAs(server, 'stream-recorder');
    const activity = server.app.get(Activity);
    const record = (refId: string): ActivityRecord => ({ kind: 'signup', personId: person.personId, refId, page: 'packages/live/pages/detail/index', contentType: 'live', contentId: 'ev-1', source: { nodeId: null, channelId: null } });
    await expect(
      server.dataSource.transaction(async (em) => {
        await activity.record(em, record('rolled-back'));
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE client_event_id = 'signup:rolled-back'")).toBe(0);
    for (let i = 0; i < 2; i++) await server.dataSource.transaction((em) => activity.record(em, record('retried')));
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE client_event_id = 'signup:retried'")).toBe(1);
    expect(await count(server, "SELECT resends FROM events WHERE client_event_id = 'signup:retried'")).toBe(1);
  });

  it('records sign-ups and downloads through the features once each, and nothing for a refused sign-up', async () => {
    const marketer = await staffAs(server, 'stream-marketer', 'marketer');
    const event = await publishEvent(server, marketer.token, { capacity: 1 });
    const first = await loginAs(server, 'stream-first');
    for (let i = 0; i < 2; i++) expect((await server.http('POST', `/api/live/${event.id}/signups`, firstSignup('一号'), first.token)).status).toBe(200);
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE person_id = ? AND type = 'signup' AND origin = 'server'", [first.personId])).toBe(1);
    // the event is full: the one-by-one path rolls the sign-up back, activity and all
    const second = await loginAs(server, 'stream-second');
    expect((await server.http('POST', `/api/live/${event.id}/signups`, firstSignup('二号'), second.token)).body.code).toBe('LIVE_FULL');
    expect(await count(server, 'SELECT COUNT(*) FROM events WHERE person_id = ?', [second.personId])).toBe(0);

    const paper = await publishedWhitepaper(server, marketer.token, 'name');
    const reader = await loginAs(server, 'stream-reader');
    const body = { requestId: 'stream-download-1', gate: { profile: { name: '读者' }, consent: consent() } };
    for (let i = 0; i < 2; i++) expect((await requestDownload(server, reader.token, paper, body)).status).toBe(201);
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE person_id = ? AND type = 'download'", [reader.personId])).toBe(1);
    await drain(server);
    expect(await count(server, "SELECT COUNT(*) FROM leads WHERE person_id = ? AND last_kind = 'whitepaper_download'", [reader.personId])).toBe(1);
    expect(await count(server, "SELECT COUNT(*) FROM conversions WHERE person_id = ? AND kind = 'download'", [reader.personId])).toBe(1);
  });

  it('refuses instants and props the columns cannot hold, item by item', async () => {
    const install = newInstall();
    const good = entryEvent(install);
    const events = [
      good,
      { ...entryEvent(install), at: '0000-01-01T00:00:00Z' },
      { ...entryEvent(install), at: '9999-12-31T23:59:59.999+14:00' },
      { ...entryEvent(install), at: new Date(Date.now() - 40 * 86_400_000).toISOString() },
      { ...entryEvent(install), props: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, '长'.repeat(100)])) },
    ];
    const res = await server.http('POST', '/api/events', { events });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [1, 'EVENT_TIME_OUT_OF_RANGE'],
      [2, 'EVENT_TIME_OUT_OF_RANGE'],
      [3, 'EVENT_TIME_OUT_OF_RANGE'],
      [4, 'EVENT_PROPS_TOO_LARGE'],
    ]);
  });

  it('lets no client event become a conversion, whatever its props say', async () => {
    const staff = await staffAs(server, 'stream-forger-staff', 'sales');
    const token = await mint(server, staff.token);
    const prospect = await arrive(server, 'stream-forger', token);
    const forged = { ...entryEvent(prospect.install, token), type: 'action', props: { conversion: true, refId: 'forged-1', contentType: 'page', contentId: 'home' } };
    const signup = { ...entryEvent(prospect.install, token), type: 'action', page: 'packages/live/pages/detail/index', props: { conversion: true, refId: 'forged-2' } };
    expect((await server.http('POST', '/api/events', { events: [forged, signup] }, prospect.token)).body.accepted).toBe(2);
    await drain(server);
    expect(await count(server, 'SELECT COUNT(*) FROM conversions WHERE person_id = ?', [prospect.personId])).toBe(0);
    const [node] = await server.dataSource.query('SELECT visitors, conversions FROM share_nodes WHERE token = ?', [token]);
    expect(node).toMatchObject({ visitors: 1, conversions: 0 });
  });

  it('runs consumers apart: one failing retries with backoff, is quarantined, and never holds the other back', async () => {
    const failing = new Recorder('test-failing');
    const counting = new Recorder('test-counting');
    failing.failOn = (e) => e.page === 'poison/page';
    pipelineOf(server).register(failing);
    pipelineOf(server).register(counting);
    expect(() => pipelineOf(server).register(new Recorder('test-counting'))).toThrow('registered already');
    await drain(server);

    await ingest(server, 3);
    await ingest(server, 1, { page: 'poison/page' });
    await ingest(server, 2);
    await drain(server);
    expect(counting.seen).toHaveLength(6);
    expect(failing.seen).toHaveLength(3);
    const status = async () => (await server.http('GET', '/api/stream/status', undefined, admin.token)).body;
    const stuck = (await status()).consumers.find((c: { name: string }) => c.name === 'test-failing');
    expect(stuck).toMatchObject({ attempts: 1, lag: 3, lastError: expect.stringContaining('cannot handle poison/page') });
    expect((await status()).consumers.find((c: { name: string }) => c.name === 'test-counting')).toMatchObject({ lag: 0, attempts: 0 });

    // the retry waits for its time: nothing happens before it, the next try after it
    await drain(server);
    expect((await status()).consumers.find((c: { name: string }) => c.name === 'test-failing').attempts).toBe(1);
    clockOf(server).advance(60_000);
    await drain(server);
    expect((await status()).consumers.find((c: { name: string }) => c.name === 'test-failing').attempts).toBe(2);
    clockOf(server).advance(120_000);
    await drain(server);
    expect(failing.seen).toHaveLength(5);
    expect((await status()).consumers.find((c: { name: string }) => c.name === 'test-failing')).toMatchObject({ lag: 0, attempts: 0, deadLetters: 1 });

    // admins see the dead letter and replay it once the consumer can handle it
    expect((await server.http('GET', '/api/stream/dead-letters', undefined, (await staffAs(server, 'stream-peek', 'marketer')).token)).status).toBe(403);
    const letters = (await server.http('GET', '/api/stream/dead-letters', undefined, admin.token)).body.items;
    expect(letters).toEqual([expect.objectContaining({ consumer: 'test-failing', eventType: 'entry', attempts: 3 })]);
    expect((await server.http('POST', `/api/stream/dead-letters/${letters[0].id}/replay`, undefined, admin.token)).body.code).toBe('DEAD_LETTER_REPLAY_FAILED');
    failing.failOn = () => false;
    expect((await server.http('POST', `/api/stream/dead-letters/${letters[0].id}/replay`, undefined, admin.token)).status).toBe(200);
    expect(failing.seen).toContain(letters[0].eventId);
    expect((await server.http('GET', '/api/stream/dead-letters', undefined, admin.token)).body.items).toEqual([]);
  });

  it('quarantines an event attribution cannot handle, and attributes a visit sent after it', async () => {
    const staff = await staffAs(server, 'stream-canary-staff', 'sales');
    const token = await mint(server, staff.token);
    await drain(server);
    const victim = await loginAs(server, 'stream-broken');
    const at = new Date();
    await server.dataSource.query(
      "INSERT INTO events (id, origin, source_key, client_event_id, type, person_id, page, props, occurred_at, received_at) VALUES (?, 'server', ?, 'download:broken', 'download', ?, 'packages/whitepaper/pages/detail/index', '{not json', ?, ?)",
      [newId(at.getTime()), `p:${victim.personId}`, victim.personId, at, at],
    );
    await arrive(server, 'stream-canary', token);
    for (let i = 0; i < 3; i++) {
      await drain(server);
      clockOf(server).advance(300_000);
    }
    const [node] = await server.dataSource.query('SELECT visitors FROM share_nodes WHERE token = ?', [token]);
    expect(node.visitors).toBe(1);
    const letters = (await server.http('GET', '/api/stream/dead-letters', undefined, admin.token)).body.items;
    // every consumer that reads the row gives up on it alone
    expect(letters.map((l: { consumer: string }) => l.consumer).sort()).toEqual(['attribution', 'leads', 'sales-signals', 'scoring']);
    expect(letters).toContainEqual(expect.objectContaining({ consumer: 'attribution', eventType: 'download', error: expect.stringContaining('JSON') }));
  });

  it('never skips an event whose transaction commits after a later one', async () => {
    const late = new Recorder('test-late');
    pipelineOf(server).register(late);
    await drain(server);
    const conn = await createConnection({ uri: server.db.url });
    try {
      await conn.query('START TRANSACTION');
      const at = new Date();
      const earlyId = newId(at.getTime() - 1000);
      await conn.query(
        "INSERT INTO events (id, origin, source_key, client_event_id, type, page, occurred_at, received_at) VALUES (?, 'app', 'late-install-000001', 'late-1', 'view', 'late/page', ?, ?)",
        [earlyId, at, at],
      );
      await ingest(server, 2);
      await drain(server);
      expect(late.seen).toHaveLength(2);
      expect(late.seen).not.toContain(earlyId);
      await conn.query('COMMIT');
      await drain(server);
      expect(late.seen).toHaveLength(3);
      expect(late.seen[2]).toBe(earlyId);
    } finally {
      await conn.end();
    }
  });

  it('answers every ingest request while positions are handed out beside it (no deadlock reaches a client)', async () => {
    let sending = true;
    const sequencing = (async () => {
      while (sending) await drain(server);
    })();
    const statuses: number[] = [];
    const install = newInstall();
    let next = 0;
    const sender = async () => {
      while (next < 3000) {
        next += 10;
        statuses.push((await server.http('POST', '/api/events', { events: Array.from({ length: 10 }, () => entryEvent(install)) })).status);
      }
    };
    await Promise.all(Array.from({ length: 32 }, sender));
    sending = false;
    await sequencing;
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await count(server, 'SELECT COUNT(*) FROM events WHERE source_key = ?', [install])).toBe(3000);
  });

  it('backfills a new consumer from the beginning, or starts it at the head', async () => {
    const backfill = new Recorder('test-backfill', 'beginning');
    const fromNow = new Recorder('test-from-now', 'now');
    pipelineOf(server).register(backfill);
    pipelineOf(server).register(fromNow);
    await drain(server);
    expect(backfill.seen).toHaveLength(await count(server, 'SELECT COUNT(*) FROM events'));
    expect(fromNow.seen).toHaveLength(0);
    await ingest(server, 1);
    await drain(server);
    expect(fromNow.seen).toHaveLength(1);
  });

  it('never hands one batch to two instances, and resumes from its position after a restart', async () => {
    const handled: string[] = [];
    const second = await startTestServer('stream', { EVENT_PROCESSOR_INTERVAL_MS: '0' }, { db: server.db });
    try {
      for (const s of [server, second]) pipelineOf(s).register(new Recorder('test-shared', 'now', handled));
      await drain(server);
      const sent = async () => {
        for (let i = 0; i < 8; i++) await ingest(server, 25);
      };
      const race = async (s: TestServer) => {
        for (let i = 0; i < 12; i++) await drain(s);
      };
      await Promise.all([sent(), race(server), race(second), race(second)]);
      await Promise.all([drain(server), drain(second)]);
      expect(handled).toHaveLength(200);
      expect(new Set(handled).size).toBe(200);
    } finally {
      await second.close();
    }
    // a restarted instance picks up where the consumer stopped
    const restarted = await startTestServer('stream', { EVENT_PROCESSOR_INTERVAL_MS: '0' }, { db: server.db });
    try {
      pipelineOf(restarted).register(new Recorder('test-shared', 'now', handled));
      await ingest(restarted, 5);
      await drain(restarted);
      expect(handled).toHaveLength(205);
      expect(new Set(handled).size).toBe(205);
    } finally {
      await restarted.close();
    }
  });
});
