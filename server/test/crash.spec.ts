import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { httpClient, startTestServer, staffAs, type TestServer } from './support/app';
import { createTestDatabase, TEST_MYSQL_URL, type TestDatabase } from './support/database';
import { eventually } from './support/eventually';
import { firstSignup, publishEvent } from './support/live';
import { count, entryEvent, newInstall } from './support/share';

const MAIN = join(__dirname, '../dist/main.js');

/** A TCP relay to MariaDB that the test can cut (the database "goes away") and restore. */
class DatabaseLink {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async open(): Promise<void> {
    const target = new URL(TEST_MYSQL_URL);
    this.server = createServer((client) => {
      const db = connect(Number(target.port || 3306), target.hostname);
      // either side closing closes the other, as a direct connection would (a killed client's
      // transactions must end at once, not hold their locks)
      for (const [s, other] of [
        [client, db],
        [db, client],
      ] as const) {
        this.sockets.add(s);
        s.on('close', () => {
          this.sockets.delete(s);
          other.destroy();
        });
        s.on('error', () => undefined);
      }
      client.pipe(db).pipe(client);
    });
    await new Promise<void>((r) => this.server?.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Every connection dropped, new ones refused. */
  async cut(): Promise<void> {
    const closed = new Promise((r) => this.server?.close(r));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  urlFor(db: TestDatabase): string {
    return `mysql://root@127.0.0.1:${this.port}/${db.name}`;
  }
}

/** The built server as its own process (so it can be killed), on the database behind `link`. */
async function startProcess(databaseUrl: string): Promise<{ child: ChildProcess; http: TestServer['http'] }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', RATE_LIMIT_SCALE: '100', EVENT_PROCESSOR_INTERVAL_MS: '100' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const http = httpClient(`http://127.0.0.1:${port}`);
  // a cold start on a busy machine takes a while; a crash at start shows its message
  await eventually(() => http('GET', '/api/health').then((r) => r.status, () => (child.exitCode === null ? 0 : -1)), (s) => s === 200 || s === -1, 'the server process to answer', 60_000);
  if (child.exitCode !== null) throw new Error(`the server process exited: ${stderr.slice(0, 2000)}`);
  return { child, http };
}

/** Sends `bodies` with `inFlight` requests at a time; answers which were acknowledged (200). */
async function send(http: TestServer['http'], path: string, bodies: { body: unknown; token?: string }[], inFlight: number, onAck: (i: number) => void): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < bodies.length) {
      const i = next++;
      const res = await http('POST', path, bodies[i].body, bodies[i].token).catch(() => null);
      if (res?.status === 200) onAck(i);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}

/** Crashes and outages lose nothing acknowledged, and nothing resent is stored twice. */
describe('crash and restart', () => {
  let db: TestDatabase;
  const link = new DatabaseLink();
  let setup: TestServer;
  let eventId: string;

  beforeAll(async () => {
    db = await createTestDatabase('crash');
    await link.open();
    // the schema, a marketer and a free event, made in-process on the same database
    setup = await startTestServer('crash', {}, { db });
    const marketer = await staffAs(setup, 'crash-marketer', 'marketer');
    eventId = (await publishEvent(setup, marketer.token, { capacity: 25 })).id;
  });
  afterAll(async () => {
    await setup.close();
    await link.cut().catch(() => undefined);
    await db.drop();
  });

  it('keeps every acknowledged event and sign-up exactly once across a SIGKILL, and takes every resend safely', async () => {
    let server = await startProcess(link.urlFor(db));
    const install = newInstall();
    const events = Array.from({ length: 600 }, () => ({ body: { events: [entryEvent(install)] } }));
    const people: { token: string; personId: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const { body: minted } = await server.http('POST', `/sandbox/personas/crash-${i}/login-code`);
      const { body: session } = await server.http('POST', '/api/auth/wechat/login', { code: minted.code });
      people.push({ token: session.token, personId: session.person.id });
    }
    const signups = people.map((p, i) => ({ body: firstSignup(`观众${i}`), token: p.token }));
    const ackedEvents = new Set<number>();
    const ackedSignups = new Set<number>();

    // kill the process once a third of the events are acknowledged, with requests in flight
    const killer = eventually(async () => ackedEvents.size, (n) => n >= 200, 'a third of the events acknowledged').then(() => server.child.kill('SIGKILL'));
    await Promise.all([send(server.http, '/api/events', events, 16, (i) => ackedEvents.add(i)), send(server.http, `/api/live/${eventId}/signups`, signups, 8, (i) => ackedSignups.add(i)), killer]);
    expect(ackedEvents.size).toBeGreaterThanOrEqual(200);
    expect(ackedEvents.size).toBeLessThan(600);

    const ids = (set: Set<number>) => [...set].map((i) => (events[i].body.events[0] as { id: string }).id);
    const stored = await count(setup, `SELECT COUNT(*) FROM events WHERE source_key = ? AND client_event_id IN (${[...ackedEvents].map(() => '?').join(', ')})`, [install, ...ids(ackedEvents)]);
    expect(stored).toBe(ackedEvents.size);
    for (const i of ackedSignups) {
      expect(await count(setup, "SELECT COUNT(*) FROM live_signups WHERE event_id = ? AND person_id = ? AND status = 'confirmed'", [eventId, people[i].personId])).toBe(1);
    }

    // restarted, it takes every request again: acknowledged ones are stored once, the rest once too
    server = await startProcess(link.urlFor(db));
    await send(server.http, '/api/events', events, 16, () => undefined);
    await send(server.http, `/api/live/${eventId}/signups`, signups, 8, () => undefined);
    expect(await count(setup, 'SELECT COUNT(*) FROM events WHERE source_key = ?', [install])).toBe(600);
    expect(await count(setup, "SELECT COUNT(*) FROM live_signups WHERE event_id = ? AND status = 'confirmed'", [eventId])).toBe(25);
    expect(await count(setup, 'SELECT COUNT(*) FROM (SELECT person_id FROM live_signups WHERE event_id = ? GROUP BY person_id HAVING COUNT(*) > 1) d', [eventId])).toBe(0);

    // the consumers resume where they were: everything stored is worked through
    await eventually(
      () => count(setup, "SELECT COUNT(*) FROM events e JOIN stream_consumers c ON c.name = 'attribution' WHERE e.seq IS NULL OR e.seq > c.position"),
      (n) => n === 0,
      'attribution to catch up after the restart',
      30_000,
    );
    server.child.kill('SIGKILL');
  }, 180_000);

  it('answers 503 with a code within seconds while the database is away, and recovers without a restart', async () => {
    const server = await startProcess(link.urlFor(db));
    try {
      const install = newInstall();
      expect((await server.http('POST', '/api/events', { events: [entryEvent(install)] })).status).toBe(200);
      await link.cut();
      const [ingest, health] = await Promise.all([timed(() => server.http('POST', '/api/events', { events: [entryEvent(install)] })), timed(() => server.http('GET', '/api/health'))]);
      expect([ingest.status, ingest.body.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
      expect(health.status).toBe(503);
      await link.open();
      await eventually(() => server.http('GET', '/api/health').then((r) => r.status), (s) => s === 200, 'health once the database is back', 30_000);
      expect((await server.http('POST', '/api/events', { events: [entryEvent(install)] })).status).toBe(200);
      expect(await count(setup, 'SELECT COUNT(*) FROM events WHERE source_key = ?', [install])).toBe(2);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);
});

/** The answer, or a failure if it takes longer than a few seconds (a hang is what this guards against). */
async function timed<T>(call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 8 s')), 8000);
  });
  try {
    return await Promise.race([call(), limit]);
  } finally {
    clearTimeout(timer);
  }
}
