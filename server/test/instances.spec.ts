import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { httpClient, startTestServer, type TestServer } from './support/app';
import { serverNow } from './support/clock';
import { eventually } from './support/eventually';
import { publishEvent } from './support/live';
import { advance, inAnHour, loginVia, marketerVia, messagesFor, MINUTE, signUpWithReminder } from './support/reminders';
import { count, entryEvent, mint, newInstall } from './support/share';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A round-robin balancer in front of `targets`, as a load balancer would stand. */
async function roundRobin(targets: string[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const proxy: Server = createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]);
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => new Promise((r) => proxy.close(() => r())) };
}

/** Two API instances and one worker on one database, behind a round-robin balancer. */
describe('more than one instance', () => {
  let a: TestServer;
  let b: TestServer;
  let worker: TestServer;
  let balancer: { url: string; close(): Promise<void> };
  let lb: TestServer;

  beforeAll(async () => {
    // A's sandbox stands in for WeChat for everyone (each process has its own sandbox state)
    a = await startTestServer('instances', { ROLE: 'api', REDIS_URL, RATE_LIMIT_SCALE: '1' });
    const shared = { WECHAT_API_BASE: `${a.url}/sandbox/wx`, REDIS_URL, RATE_LIMIT_SCALE: '1' };
    b = await startTestServer('instances', { ...shared, ROLE: 'api' }, { db: a.db });
    worker = await startTestServer('instances', { ...shared, ROLE: 'worker', EVENT_PROCESSOR_INTERVAL_MS: '50', LIVE_JOB_INTERVAL_MS: '100' }, { db: a.db });
    balancer = await roundRobin([a.url, b.url]);
    lb = { ...a, url: balancer.url, http: httpClient(balancer.url) };
  });
  afterAll(async () => {
    await balancer.close();
    await worker.close();
    await b.close();
    await a.close();
  });

  it('runs background work on the worker only, which answers nothing but its health check', async () => {
    expect(a.app.get<AppConfig>(APP_CONFIG).pipeline.intervalMs).toBe(0);
    expect(b.app.get<AppConfig>(APP_CONFIG).live.jobIntervalMs).toBe(0);
    expect(worker.app.get<AppConfig>(APP_CONFIG).pipeline.intervalMs).toBe(50);
    expect((await worker.http('GET', '/api/health')).status).toBe(200);
    expect((await worker.http('GET', '/api/live')).status).toBe(404);
  });

  it('drives a whole flow through the balancer: sessions on either instance, visits attributed and reminders sent once, by the worker', async () => {
    const marketer = await marketerVia(a, lb, 'lb-marketer');
    // the same session works whichever instance answers
    for (let i = 0; i < 4; i++) expect((await lb.http('GET', '/api/me', undefined, marketer)).status).toBe(200);
    const event = await publishEvent(lb, marketer, inAnHour(await serverNow(worker)));
    const token = await mint(lb, marketer, undefined, { contentType: 'live', contentId: event.id });
    for (let i = 0; i < 3; i++) {
      const install = newInstall();
      await lb.http('POST', '/api/events', { events: [entryEvent(install, token)] });
      await signUpWithReminder(a, lb, `lb-prospect-${i}`, event.id, true);
    }
    // the worker's consumers attribute the three visitors, once each
    await eventually(() => count(a, 'SELECT COALESCE(SUM(visitors), 0) FROM share_nodes WHERE token = ?', [token]), (n) => n === 3, 'three visitors attributed by the worker');

    // the reminders come due on every process's clock; only the worker's job sends them
    await advance([a, b, worker], 45 * MINUTE + 1_000);
    await eventually(() => count(a, "SELECT COUNT(*) FROM live_reminders WHERE event_id = ? AND status = 'sent'", [event.id]), (n) => n === 3, 'three reminders sent');
    expect((await messagesFor(a, event.id)).map((m) => m.persona).sort()).toEqual(['lb-prospect-0', 'lb-prospect-1', 'lb-prospect-2']);
  }, 60_000);

  it('shares rate limits between the instances through Redis', async () => {
    const code = `lb-guess-${newInstall()}`;
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) codes.push((await lb.http('POST', '/api/auth/wechat/login', { code })).body.code);
    // five tries of one code in all, whichever instance answered each
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
    expect(await loginVia(a, lb, 'lb-after-limit')).toEqual(expect.any(String));
  });
});
