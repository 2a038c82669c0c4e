// Live events at volume: free sign-ups (distinct people, first-time form with consent) and
// WeChat Pay notifications (signed and encrypted by the sandbox), against the built server on
// MariaDB with the sandbox on.
//   [ROUNDS=n] node bench/live.bench.mjs [seconds]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDatabase, machine, ROOT, startServer } from './support.mjs';

const seconds = Number(process.argv[2] ?? 8);
const PEOPLE = 16_000;
const NOTIFICATIONS = 1_500;
const CONNECTIONS = 32;

const db = await createDatabase('live');
const server = await startServer(db.url, { NODE_ENV: 'development', WECHAT_APPID: '', WECHAT_SECRET: '', WECHAT_API_BASE: '', LIVE_JOB_INTERVAL_MS: '0', EVENT_PROCESSOR_INTERVAL_MS: '0', DB_POOL_SIZE: process.env.POOL ?? '20', PAYMENT_QUERY_AFTER_SECONDS: '3600' });
const post = async (path, body, token) => {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.json();
};
/** Runs `work` over `items` with `width` in flight. */
async function pool(items, width, work) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  }));
  return out;
}
const login = async (persona) => post('/api/auth/wechat/login', { code: (await post(`/sandbox/personas/${persona}/login-code`)).code }).then((r) => r.token);

/** An admin session through the CLI-equivalent invite flow is not needed: the first staff member comes from a direct invite. */
async function adminToken() {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, [join(ROOT, 'server/dist/cli/staff-invite.js'), '--name', 'bench-admin', '--role', 'admin', '--json'], {
    env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'development', PORT: new URL(server.url).port },
  });
  const invite = JSON.parse(out.toString());
  const person = await login('bench-admin');
  return (await post('/api/staff/invites/accept', { token: invite.token }, person)).token;
}

async function publish(admin, body) {
  const created = await post('/api/live', body, admin);
  return (await post(`/api/live/${created.id}/publish`, undefined, admin)).id;
}

const results = {};
try {
  const admin = await adminToken();
  const window = { startAt: new Date(Date.now() + 86_400_000).toISOString(), endAt: new Date(Date.now() + 90_000_000).toISOString(), watch: { kind: 'stream', url: 'https://live.example.com/a.m3u8' } };
  console.log(`logging in ${PEOPLE} people…`);
  const tokens = await pool(Array.from({ length: PEOPLE }, (_, i) => `bench-${i}`), 16, login);

  // each case signs people up for an event of its own, so every sign-up is a person's first
  const signupBody = JSON.stringify({ gate: { profile: {}, consent: { policyVersion: '2026-11', accepted: true } } });
  const run = async (rate) => {
    const free = await publish(admin, { title: '压测直播', capacity: 100_000, priceFen: 0, signupFields: [], ...window });
    let i = 0;
    const r = await autocannon({
      url: `${server.url}/api/live/${free}/signups`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: seconds,
      ...(rate ? { overallRate: rate } : {}),
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: signupBody, headers: { ...req.headers, authorization: `Bearer ${tokens[i++ % tokens.length]}` } }) }],
    });
    if (i > tokens.length) console.warn(`only ${tokens.length} people for ${i} sign-ups: later ones repeated an existing sign-up`);
    return r;
  };
  const summary = (r) => ({ requestsPerSec: Math.round(r.requests.average), p50ms: r.latency.p50, p99ms: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, total: r.requests.total });
  // ROUNDS=n repeats both cases (this machine's neighbours make single runs noisy)
  const rounds = Number(process.env.ROUNDS ?? 1);
  for (let k = 1; k <= rounds; k++) {
    const suffix = rounds > 1 ? ` #${k}` : '';
    results[`signup.flat-out${suffix}`] = summary(await run());
    results[`signup@1000rps${suffix}`] = summary(await run(1000));
  }

  // notifications: paid orders settled by WeChat, then their notifications delivered at once
  const paid = await publish(admin, { title: '付费压测直播', capacity: 100_000, priceFen: 990, signupFields: [], ...window });
  console.log(`placing ${NOTIFICATIONS} paid orders…`);
  const orders = await pool(tokens.slice(0, NOTIFICATIONS), 16, async (token) => (await post(`/api/live/${paid}/signups`, JSON.parse(signupBody), token)).payment.orderNo);
  const notifications = await pool(orders, 16, (outTradeNo) => post('/sandbox/pay/notifications/craft', { outTradeNo }));
  let n = 0;
  const r = await autocannon({
    url: `${server.url}/api/payments/wechat/notify`,
    method: 'POST',
    connections: 16,
    amount: notifications.length,
    requests: [{ setupRequest: (req) => { const x = notifications[n++]; return { ...req, headers: x.headers, body: x.body }; } }],
  });
  results['notification'] = summary(r);
} finally {
  await server.stop();
  await db.drop();
}

console.table(Object.entries(results).map(([k, r]) => ({ case: k, 'req/s': r.requestsPerSec, 'p50 ms': r.p50ms, 'p99 ms': r.p99ms, errors: r.errors, total: r.total })));
writeFileSync(join(ROOT, 'bench/results/live.json'), `${JSON.stringify({ machine: machine(), seconds, connections: CONNECTIONS, people: PEOPLE, results }, null, 2)}\n`);
