import type { EntityManager } from 'typeorm';
import { TimerHandlers } from '../src/modules/timers/timer-handlers';
import { Timers } from '../src/modules/timers/timers.service';
import { staffAs, startTestServer, type TestServer } from './support/app';
import { moveClock, serverNow } from './support/clock';
import { createTestDatabase, type TestDatabase } from './support/database';
import { eventually } from './support/eventually';
import { count } from './support/share';

const KIND = 'test.ping';
const FLAKY = 'test.flaky';
const MINUTE = 60_000;
/** The timer job on every instance, often (tests move the clock and watch the rows). */
const FAST = { TIMER_JOB_INTERVAL_MS: '50', EVENT_PROCESSOR_INTERVAL_MS: '0' };

/**
 * A handler that writes one row per firing into a table with no unique key, so a timer fired
 * twice would show as two rows; `failing` subjects throw as many times as it says.
 */
function pingHandler(kind = KIND, failing = new Map<string, number>()) {
  return {
    kind,
    async fire(em: EntityManager, timers: readonly { id: string; subject: string }[]) {
      for (const t of timers) {
        const left = failing.get(t.subject) ?? 0;
        if (left > 0) {
          failing.set(t.subject, left - 1);
          throw new Error(`${t.subject} fails`);
        }
        await em.query('INSERT INTO test_pings (timer_id, subject) VALUES (?, ?)', [t.id, t.subject]);
      }
    },
  };
}

async function schedule(server: TestServer, specs: { subject: string; inMs: number; dedupeKey?: string }[], kind = KIND): Promise<void> {
  const now = await serverNow(server);
  await server.dataSource.transaction((em) => server.app.get(Timers).schedule(em, specs.map((s) => ({ kind, subject: s.subject, dueAt: new Date(now.getTime() + s.inMs), dedupeKey: s.dedupeKey }))));
}

const advance = (servers: TestServer[], ms: number) => Promise.all(servers.map((s) => moveClock(s, { advanceMs: ms })));
const pings = (server: TestServer) => count(server, 'SELECT COUNT(*) AS n FROM test_pings');

describe('durable timers on two instances', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startTestServer('timers', FAST);
    b = await startTestServer('timers', FAST, { db: a.db });
    await a.dataSource.query('CREATE TABLE test_pings (timer_id VARCHAR(26) NOT NULL, subject VARCHAR(64) NOT NULL)');
    a.app.get(TimerHandlers).register(pingHandler());
    b.app.get(TimerHandlers).register(pingHandler());
    // a kind only instance a handles (b leaves it alone): it fails in its batch and again alone
    a.app.get(TimerHandlers).register(pingHandler(FLAKY, new Map([['lead:flaky', 2]])));
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('refuses a second handler for a kind', () => {
    expect(() => a.app.get(TimerHandlers).register(pingHandler())).toThrow(/test.ping/);
  });

  it('fires each due timer exactly once with both instances claiming, and none before it is due', async () => {
    await schedule(a, Array.from({ length: 300 }, (_, i) => ({ subject: `lead:${i}`, inMs: 10 * MINUTE + (i % 7) * 1000 })));
    await advance([a, b], 9 * MINUTE);
    await Promise.all([a.app.get(Timers).fireDue(), b.app.get(Timers).fireDue()]);
    expect(await pings(a)).toBe(0);

    await advance([a, b], MINUTE + 7_000);
    await eventually(() => pings(a), (n) => n >= 300, 'every timer to fire', 15_000);
    await Promise.all([a.app.get(Timers).fireDue(), b.app.get(Timers).fireDue()]); // more rounds: nothing fires again
    expect(await pings(a)).toBe(300);
    expect(await count(a, 'SELECT COUNT(DISTINCT timer_id) AS n FROM test_pings')).toBe(300);
    expect(await count(a, "SELECT COUNT(*) AS n FROM timers WHERE kind = ? AND (state <> 'fired' OR fires <> 1)", [KIND])).toBe(0);
  });

  it('stops the timers of a subject that moved on, and keeps one timer per dedupe key', async () => {
    await schedule(a, [
      { subject: 'lead:accepted', inMs: MINUTE },
      { subject: 'lead:accepted', inMs: 2 * MINUTE },
      { subject: 'lead:waiting', inMs: MINUTE, dedupeKey: 'sla:waiting:1' },
      { subject: 'lead:waiting', inMs: MINUTE, dedupeKey: 'sla:waiting:1' },
    ]);
    expect(await a.dataSource.transaction((em) => a.app.get(Timers).cancel(em, 'lead:accepted'))).toBe(2);
    const before = await pings(a);
    await advance([a, b], 2 * MINUTE + 1_000);
    await eventually(() => pings(a), (n) => n > before, 'the waiting timer to fire', 15_000);
    await Promise.all([a.app.get(Timers).fireDue(), b.app.get(Timers).fireDue()]);
    expect(await count(a, "SELECT COUNT(*) AS n FROM test_pings WHERE subject IN ('lead:accepted', 'lead:waiting')")).toBe(1);
    expect(await count(a, "SELECT COUNT(*) AS n FROM timers WHERE subject = 'lead:accepted' AND state = 'cancelled'")).toBe(2);
  });

  it('retries a timer whose handler failed, later, and fires it once', async () => {
    await schedule(a, [{ subject: 'lead:flaky', inMs: MINUTE }], FLAKY);
    await advance([a, b], MINUTE + 1_000);
    await eventually(() => count(a, "SELECT COUNT(*) AS n FROM timers WHERE subject = 'lead:flaky' AND (attempts > 0 OR state = 'fired')"), (n) => n === 1, 'the first try', 15_000);
    expect(await count(a, "SELECT COUNT(*) AS n FROM test_pings WHERE subject = 'lead:flaky'")).toBe(0);
    await advance([a, b], 11_000); // the retry waits 10 s
    await eventually(() => count(a, "SELECT COUNT(*) AS n FROM test_pings WHERE subject = 'lead:flaky'"), (n) => n === 1, 'the retry', 15_000);
    await Promise.all([a.app.get(Timers).fireDue(), b.app.get(Timers).fireDue()]);
    expect(await count(a, "SELECT COUNT(*) AS n FROM test_pings WHERE subject = 'lead:flaky'")).toBe(1);
    const [timer] = await a.dataSource.query("SELECT state, attempts, fires, last_error FROM timers WHERE subject = 'lead:flaky'");
    expect(timer).toEqual({ state: 'fired', attempts: 1, fires: 1, last_error: 'Error: lead:flaky fails' });
    expect(await count(a, "SELECT COUNT(*) AS n FROM timers WHERE subject = 'lead:flaky' AND fired_by = ?", [a.app.get(Timers).workerId])).toBe(1);
  });
});

describe('durable timers across a restart', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('timers-restart');
  });
  afterAll(() => db.drop());

  it('fires a timer scheduled before the restart once, after it', async () => {
    const before = await startTestServer('timers-restart', FAST, { db });
    await before.dataSource.query('CREATE TABLE test_pings (timer_id VARCHAR(26) NOT NULL, subject VARCHAR(64) NOT NULL)');
    before.app.get(TimerHandlers).register(pingHandler());
    await schedule(before, [{ subject: 'lead:restart', inMs: 30 * MINUTE }]);
    await before.close(); // the process stops before the timer is due

    const after = await startTestServer('timers-restart', FAST, { db });
    try {
      after.app.get(TimerHandlers).register(pingHandler());
      await moveClock(after, { advanceMs: 30 * MINUTE + 1_000 });
      await eventually(() => pings(after), (n) => n > 0, 'the timer after the restart', 15_000);
      await after.app.get(Timers).fireDue();
      expect(await pings(after)).toBe(1);
    } finally {
      await after.close();
    }
  });
});

describe('working calendar settings', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('calendar', { TIMER_JOB_INTERVAL_MS: '0' });
  });
  afterAll(() => server.close());

  it('starts Mon–Fri 09:00–18:00 Beijing time; admins save holidays and make-up days, marketers only read', async () => {
    const admin = await staffAs(server, 'calendar-admin', 'admin');
    const marketer = await staffAs(server, 'calendar-marketer', 'marketer');
    const sales = await staffAs(server, 'calendar-sales', 'sales');
    expect((await server.http('GET', '/api/console/working-calendar', undefined, marketer.token)).body).toEqual({
      timeZone: 'Asia/Shanghai',
      weekdays: [1, 2, 3, 4, 5],
      dayStart: '09:00',
      dayEnd: '18:00',
      holidays: [],
      workdays: [],
      updatedAt: null,
    });
    const settings = { weekdays: [5, 1, 2, 3, 4], dayStart: '09:30', dayEnd: '18:30', holidays: ['2027-01-01', '2026-12-31', '2027-01-01'], workdays: ['2027-01-09'] };
    const saved = await server.http('PUT', '/api/console/working-calendar', settings, admin.token);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ weekdays: [1, 2, 3, 4, 5], dayStart: '09:30', dayEnd: '18:30', holidays: ['2026-12-31', '2027-01-01'], workdays: ['2027-01-09'] });

    expect((await server.http('PUT', '/api/console/working-calendar', settings, marketer.token)).body.code).toBe('FORBIDDEN');
    expect((await server.http('GET', '/api/console/working-calendar', undefined, sales.token)).body.code).toBe('FORBIDDEN');
    const backwards = await server.http('PUT', '/api/console/working-calendar', { ...settings, dayStart: '18:00', dayEnd: '09:00' }, admin.token);
    expect([backwards.status, backwards.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badDate = await server.http('PUT', '/api/console/working-calendar', { ...settings, holidays: ['2027-02-30'] }, admin.token);
    expect([badDate.status, badDate.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
