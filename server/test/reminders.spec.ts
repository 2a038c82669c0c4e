import { startTestServer, type TestServer } from './support/app';
import { advance, FAST, inAnHour, marketerVia, messagesFor, MINUTE, signUpWithReminder } from './support/reminders';
import { serverNow } from './support/clock';
import { createTestDatabase, type TestDatabase } from './support/database';
import { eventually } from './support/eventually';
import { publishEvent } from './support/live';
import { count } from './support/share';
import { LiveJob } from '../src/modules/live/jobs/live.job';

/** Two job rounds per instance, one after the other: the second surely started after any clock move. */
async function rounds(servers: TestServer[]): Promise<void> {
  await Promise.all(servers.map(async (s) => {
    await s.app.get(LiveJob).tick();
    await s.app.get(LiveJob).tick();
  }));
}

describe('live reminders', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startTestServer('remind', FAST);
    // a second instance on the same database, talking to the same WeChat
    b = await startTestServer('remind', { ...FAST, WECHAT_API_BASE: `${a.url}/sandbox/wx` }, { db: a.db });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('sends each reminder once with two instances running, and records a refused subscription without retrying it', async () => {
    const marketer = await marketerVia(a, a, 'remind-marketer');
    const event = await publishEvent(a, marketer, inAnHour(await serverNow(a)));
    for (let i = 0; i < 4; i++) await signUpWithReminder(a, i % 2 ? a : b, `remind-${i}`, event.id, true);
    await signUpWithReminder(a, b, 'remind-refused', event.id, false);
    const unsent = () => count(a, "SELECT COUNT(*) AS n FROM live_reminders WHERE event_id = ? AND status IN ('pending', 'sending')", [event.id]);

    // a minute before the reminder offset, both instances' rounds find nothing due
    await advance([a, b], 44 * MINUTE);
    await rounds([a, b]);
    expect(await unsent()).toBe(5);
    expect(await messagesFor(a, event.id)).toEqual([]);

    // at 15 minutes before the start, the jobs running on both instances send them
    await advance([a, b], MINUTE + 1_000);
    await eventually(unsent, (n) => n === 0, 'every reminder to be sent or refused', 15_000);
    await rounds([a, b]); // more rounds on both instances: nothing more goes out
    const messages = await messagesFor(a, event.id);
    expect(messages.map((m) => m.persona).sort()).toEqual(['remind-0', 'remind-1', 'remind-2', 'remind-3']);
    expect(await count(a, "SELECT COUNT(*) AS n FROM live_reminders WHERE event_id = ? AND status = 'sent'", [event.id])).toBe(4);
    expect(await count(a, "SELECT COUNT(*) AS n FROM live_reminders WHERE event_id = ? AND status = 'refused'", [event.id])).toBe(1);
    expect(await count(a, "SELECT COUNT(*) AS n FROM subscription_grants WHERE event_id = ? AND status = 'refused'", [event.id])).toBe(1);
    expect((await a.http('GET', '/sandbox/calls')).body.subscribe_send).toBe(5);
  }, 40_000);
});

describe('a restart between scheduling and sending', () => {
  let wechat: TestServer;
  let db: TestDatabase;

  beforeAll(async () => {
    wechat = await startTestServer('remind-wx', { LIVE_JOB_INTERVAL_MS: '0' });
    db = await createTestDatabase('remind-restart');
  });
  afterAll(async () => {
    await wechat.close();
    await db.drop();
  });

  it('still sends the reminder, once', async () => {
    const env = { ...FAST, WECHAT_API_BASE: `${wechat.url}/sandbox/wx` };
    const before = await startTestServer('remind-restart', env, { db });
    const marketer = await marketerVia(wechat, before, 'restart-marketer');
    const event = await publishEvent(before, marketer, inAnHour(await serverNow(before)));
    await signUpWithReminder(wechat, before, 'restart-person', event.id, true);
    await before.close(); // the process stops before the reminder is due

    const after = await startTestServer('remind-restart', env, { db });
    try {
      await advance([wechat, after], 45 * MINUTE + 1_000);
      await eventually(() => messagesFor(wechat, event.id), (m) => m.length > 0, 'the reminder after the restart', 15_000);
      await rounds([after]);
      expect((await messagesFor(wechat, event.id)).map((m) => m.persona)).toEqual(['restart-person']);
    } finally {
      await after.close();
    }
  }, 40_000);
});
