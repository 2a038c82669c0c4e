import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ModulesContainer } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { discoverDirectRoutes } from '../src/core/direct-routes';
import { staffAs, startTestServer, type TestServer } from './support/app';
import { eventually } from './support/eventually';
import { payInSandbox, publishEvent, signUpAs } from './support/live';

/**
 * The two direct routes (event ingest, sign-up) answer the same whether `startApp`'s fast path
 * serves them ahead of Express or Nest serves them: `createApp()` alone serves every route, and
 * its sandbox and payment notifications find this server's URL without being told after listen.
 */
describe('direct routes: the fast path and Nest answer alike', () => {
  let fast: TestServer;
  let nestOnly: NestExpressApplication;
  let plain: TestServer;

  beforeAll(async () => {
    fast = await startTestServer('direct', { SANDBOX_PAY_TIME_SCALE: '0.001' });
    // the same database, served by createApp() alone: no fast path, nothing set after listen
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: fast.db.url, LOG_LEVEL: 'warn', SANDBOX_PAY_TIME_SCALE: '0.001' });
    nestOnly = await createApp(config);
    await nestOnly.listen(0, '127.0.0.1');
    const address = nestOnly.getHttpServer().address() as { port: number };
    plain = { ...fast, url: `http://127.0.0.1:${address.port}`, app: nestOnly, dataSource: nestOnly.get(DataSource), http: httpFor(`http://127.0.0.1:${address.port}`) };
  });

  afterAll(async () => {
    await nestOnly?.close();
    await fast?.close();
  });

  it('finds the @Direct() controller methods at start', () => {
    const routes = discoverDirectRoutes(fast.app.get(ModulesContainer)).map((r) => `${r.route.method} ${r.route.path}`);
    expect(routes.sort()).toEqual(['POST /events', 'POST /live/{id}/signups']);
  });

  it('answers every case the same way through both, and the payment comes back to the server that took the order', async () => {
    const viaFast = await scenario(fast, 'fast');
    const viaNest = await scenario(plain, 'nest');
    expect(viaNest.results).toEqual(viaFast.results);
    // the fast path answered ahead of Express (which tags its responses with an ETag); Nest served the other
    expect(viaFast.etags.every((e) => e === null)).toBe(true);
    expect(viaNest.etags.every((e) => e !== null)).toBe(true);
    // spot checks that the compared answers are the real ones
    const byCase = Object.fromEntries(viaNest.results.map((r) => [r.case, r]));
    expect(byCase['ingest: two good, one bad']).toMatchObject({ status: 200, body: { accepted: 2, duplicates: 0, rejected: [{ index: 2 }] } });
    expect(byCase['ingest: the same batch again']).toMatchObject({ status: 200, body: { accepted: 2, duplicates: 2 } });
    expect(byCase['sign-up: no session']).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(byCase['sign-up: free']).toMatchObject({ status: 200, body: { signup: { status: 'confirmed' }, payment: null } });
    expect(byCase['sign-up: paid']).toMatchObject({ status: 200, body: { payment: { amountFen: 100 } } });
    // the sandbox's WeChat Pay notified the Nest-only server at its own URL, read when the order was placed
    for (const run of [viaFast, viaNest]) {
      const paid = await eventually(
        () => fast.dataSource.query('SELECT status FROM payment_orders WHERE out_trade_no = ?', [run.orderNo]).then((rows: { status: string }[]) => rows[0]?.status),
        (status) => status === 'paid',
        `order ${run.orderNo} to be paid`,
      );
      expect(paid).toBe('paid');
    }
  });
});

interface CaseResult {
  case: string;
  status: number;
  body: unknown;
}

/** The same requests against one server; answers normalised (ids, times, signatures) so the two servers' can be compared. */
async function scenario(server: TestServer, label: string): Promise<{ results: CaseResult[]; etags: (string | null)[]; orderNo: string }> {
  const results: CaseResult[] = [];
  const etags: (string | null)[] = [];
  const call = async (name: string, method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    etags.push(res.headers.get('etag'));
    const parsed = JSON.parse(text) as unknown;
    results.push({ case: name, status: res.status, body: normalise(parsed) });
    return parsed as any;
  };

  const marketer = await staffAs(server, `direct-marketer-${label}`, 'marketer');
  const free = await publishEvent(server, marketer.token);
  const paid = await publishEvent(server, marketer.token, { priceFen: 100 });
  const { person } = await signUpAs(server, `direct-warmup-${label}`, free.id);
  const bearer = { authorization: `Bearer ${person.token}` };
  const visit = (n: number) => ({ id: `direct-${label}-${n}-000`, type: 'view', at: new Date().toISOString(), page: 'pages/index/index', anonymousId: `anon-direct-${label}-0001` });
  const batch = { events: [visit(1), visit(2), { id: 'x' }] };

  await call('ingest: two good, one bad', 'POST', '/api/events', batch);
  await call('ingest: the same batch again', 'POST', '/api/events', batch);
  await call('ingest: signed in', 'POST', '/api/events', { events: [visit(3)] }, bearer);
  await call('ingest: a session that is not valid (public route goes on anonymously)', 'POST', '/api/events', { events: [visit(4)] }, { authorization: 'Bearer not-a-token' });
  await call('ingest: malformed Authorization header', 'POST', '/api/events', { events: [visit(5)] }, { authorization: 'Basic abc' });
  await call('ingest: body breaks the contract', 'POST', '/api/events', { events: [], extra: 1 });
  await call('ingest: not JSON', 'POST', '/api/events', '{"events": [', {});
  await call('ingest: over the body limit', 'POST', '/api/events', { events: [{ id: 'x'.repeat(300 * 1024) }] });
  await call('sign-up: no session', 'POST', `/api/live/${free.id}/signups`, {});
  await call('sign-up: no session, and a body that breaks the contract (access is checked first)', 'POST', `/api/live/${free.id}/signups`, { gate: 'yes' });
  await call('sign-up: unknown event', 'POST', '/api/live/01ARZ3NDEKTSV4RRFFQ69G5FAV/signups', {}, bearer);
  await call('sign-up: body breaks the contract', 'POST', `/api/live/${free.id}/signups`, { gate: 'yes' }, bearer);
  const again = await call('sign-up: free (already signed up: the same sign-up back)', 'POST', `/api/live/${free.id}/signups`, {}, bearer);
  expect(again.signup.status).toBe('confirmed');
  const newcomer = await server.http('POST', `/sandbox/personas/${encodeURIComponent(`direct-new-${label}`)}/login-code`);
  const login = await server.http('POST', '/api/auth/wechat/login', { code: newcomer.body.code });
  const consent = { gate: { profile: { name: '周敏' }, consent: { policyVersion: '2026-11', accepted: true } } };
  await call('sign-up: free', 'POST', `/api/live/${free.id}/signups`, consent, { authorization: `Bearer ${login.body.token}` });
  const order = await call('sign-up: paid', 'POST', `/api/live/${paid.id}/signups`, {}, { authorization: `Bearer ${login.body.token}` });
  expect(await payInSandbox(server, order.payment.params)).toBe('requestPayment:ok');
  return { results, etags, orderNo: order.payment.orderNo };
}

const HIDDEN = new Set(['requestId', 'paySign', 'nonceStr', 'timeStamp', 'package', 'orderNo']);

function normalise(value: unknown, key = ''): unknown {
  if (HIDDEN.has(key)) return `<${key}>`;
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  if (typeof value === 'string' && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value)) return '<id>';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return '<time>';
  return value;
}

function httpFor(url: string): TestServer['http'] {
  return async (method, path, body, token) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
}
