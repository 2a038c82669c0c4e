import { clientAddress } from '../src/core/rate-limits';
import { startTestServer, type TestServer } from './support/app';
import { entryEvent, newInstall } from './support/share';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Limits on what can be guessed or flooded: 429 with Retry-After and a code, shared between instances through Redis. */
describe('rate limits', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    // a prefix of its own per run: the limits' counters in the shared Redis start at zero
    a = await startTestServer('limits', { RATE_LIMIT_SCALE: '1', REDIS_URL });
    b = await startTestServer('limits', { RATE_LIMIT_SCALE: '1', REDIS_URL }, { db: a.db });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('stops a flood of bad login codes after a handful per code, before WeChat is asked again', async () => {
    const code = `guess-${newInstall()}`;
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await a.http('POST', '/api/auth/wechat/login', { code }));
    const codes = answers.map((r) => r.body.code);
    expect(codes.slice(0, 5).every((c) => c !== 'RATE_LIMITED')).toBe(true);
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    const limited = answers[7];
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('counts one install’s event batches on every instance together (Redis), on the direct route too', async () => {
    const install = newInstall();
    const statuses: number[] = [];
    // 600 a minute per install: 320 through each instance
    for (let i = 0; i < 640; i += 32) {
      const burst = await Promise.all(Array.from({ length: 32 }, (_, k) => (k % 2 ? a : b).http('POST', '/api/events', { events: [entryEvent(install)] })));
      statuses.push(...burst.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(600);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    // another install is not held back
    expect((await a.http('POST', '/api/events', { events: [entryEvent(newInstall())] })).status).toBe(200);
  });

  it('trusts X-Forwarded-For only as far as the configured proxies', () => {
    const headers = { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' };
    expect(clientAddress(headers, '127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddress(headers, '127.0.0.1', 1)).toBe('10.0.0.2');
    expect(clientAddress(headers, '127.0.0.1', 2)).toBe('203.0.113.7');
    expect(clientAddress({}, '127.0.0.1', 1)).toBe('127.0.0.1');
  });
});
