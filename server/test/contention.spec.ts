import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { firstSignup, publishEvent } from './support/live';
import { count } from './support/share';

/** Contention is retried, never answered with a 500: a sign-up rush and an ingest burst. */
describe('contention', () => {
  let server: TestServer;
  let marketer: string;

  beforeAll(async () => {
    server = await startTestServer('contention');
    marketer = (await staffAs(server, 'rush-marketer', 'marketer')).token;
  });
  afterAll(() => server.close());

  /** 120 people tap 报名 twice at the same moment on a 50-seat free event, each tap to `instances[tap]`. */
  async function rush(label: string, instances: [TestServer, TestServer]) {
    const event = await publishEvent(server, marketer, { capacity: 50 });
    const people = [];
    for (let i = 0; i < 120; i++) people.push(await loginAs(server, `${label}-${i}`));
    const taps = await Promise.all(
      people.flatMap((p, i) => instances.map(async (s) => ({ person: p.personId, res: await s.http('POST', `/api/live/${event.id}/signups`, firstSignup(`观众${i}`), p.token) }))),
    );
    expect(taps.filter((t) => t.res.status >= 500).map((t) => t.res.body)).toEqual([]);
    expect(new Set(taps.filter((t) => t.res.status !== 200).map((t) => `${t.res.status} ${t.res.body.code}`))).toEqual(new Set(['409 LIVE_FULL']));
    const seated = new Set(taps.filter((t) => t.res.status === 200).map((t) => t.person));
    expect(seated.size).toBe(50);
    expect(await count(server, "SELECT COUNT(*) FROM live_signups WHERE event_id = ? AND status = 'confirmed'", [event.id])).toBe(50);
    // a person's two taps got the same answer
    for (const p of people) {
      const mine = taps.filter((t) => t.person === p.personId);
      expect(new Set(mine.map((t) => t.res.status)).size).toBe(1);
      if (mine[0].res.status === 200) expect(mine[0].res.body.signup.id).toBe(mine[1].res.body.signup.id);
    }
  }

  it('answers 120 people tapping 报名 twice at once on a 50-seat event with a seat or LIVE_FULL, never a 500', () => rush('rush', [server, server]), 120_000);

  it('does the same when each person’s two taps reach two server instances', async () => {
    const second = await startTestServer('contention', {}, { db: server.db });
    try {
      await rush('split', [server, second]);
    } finally {
      await second.close();
    }
  }, 120_000);
});
