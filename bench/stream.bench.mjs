// The activity stream's consumers: how fast they work through a backlog, and how far they lag
// behind a steady flow.
//   node bench/stream.bench.mjs [backlog=1000000] [seconds=30]
// 1. attribution alone through `backlog` stored events (the lead consumer parked at the head),
// 2. attribution + lead consumer through the same backlog on a second database,
// 3. every consumer at once (attribution, leads, scoring, accounts, …) through the same backlog,
// 4. lag while 1 000 events/s arrive over HTTP (50 requests/s of 20 events),
// 5. ingest to updated score at 1 000 events/s, each an entry that scores its sharer.
// The backlog is written straight into `events` (no positions yet, as ingest leaves them) with
// the share nodes it names: 70 % entries through a share by new visitors, 25 % page views, 5 %
// server-recorded downloads by 10 000 people (conversions, and lead activities). On a database without the stream
// tables (the commit before them) it measures that commit's processor the same way (until no
// event waits for attribution), so the script can run against the parent commit.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createDatabase, load, machine, ROOT, startServer, ulid } from './support.mjs';

const backlog = Number(process.argv[2] ?? 1_000_000);
const seconds = Number(process.argv[3] ?? 30);
const NODES = 2000;
/** The stream's consumers besides attribution. */
const OTHER_CONSUMERS = ['leads', 'scoring', 'accounts', 'identity.email'];

const time = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

async function fill(url) {
  const conn = await mysql.createConnection({ uri: url });
  const [cols] = await conn.query("SHOW COLUMNS FROM events LIKE 'state'");
  const legacy = cols.length > 0;
  const start = Date.now() - 3_600_000;
  const nodes = Array.from({ length: NODES }, (_, i) => ({ id: ulid(start + i), sharer: ulid(start + i) }));
  for (let i = 0; i < nodes.length; i += 500) {
    const rows = nodes.slice(i, i + 500).map((n, k) => [n.id, randomBytes(12).toString('base64url').slice(0, 16), randomBytes(32).toString('hex'), n.sharer, null, 'page', 'home', null, null, n.id, null, 0, time(start), time(start + i + k)]);
    await conn.query(
      'INSERT INTO share_nodes (id, token, mint_key, sharer_person_id, sharer_staff_id, content_type, content_id, channel_id, parent_id, root_id, root_staff_id, depth, created_at, activated_at) VALUES ?',
      [rows],
    );
  }
  // downloads come from 10 000 people (a handful each), as a whitepaper campaign's would
  const people = Array.from({ length: 10_000 }, (_, i) => ulid(start + i));
  const BATCH = 5000;
  for (let done = 0; done < backlog; done += BATCH) {
    const rows = [];
    for (let i = done; i < Math.min(done + BATCH, backlog); i++) {
      const at = time(start + Math.floor((i * 3_000_000) / backlog));
      const id = ulid(start + Math.floor((i * 3_000_000) / backlog));
      const r = i % 20;
      const base = { id, type: 'view', person: null, anon: `bench-install-${i}`, node: null, page: 'pages/index/index', props: null, key: `bench-install-${i}`, client: `e${i}`, origin: 'app' };
      if (r < 14) Object.assign(base, { type: 'entry', node: nodes[i % NODES].id });
      else if (r === 19) Object.assign(base, { type: 'download', person: people[i % people.length], anon: null, key: `p:bench-${i}`, client: `download:${id}`, origin: 'server', page: 'packages/whitepaper/pages/detail/index', props: JSON.stringify({ contentType: 'whitepaper', contentId: 'wp-bench', refId: id, ...(legacy ? { conversion: true } : {}) }) });
      const row = [base.id, base.key, base.client, base.type, base.person, base.anon, base.node, null, null, base.page, base.props, null, at, at];
      rows.push(legacy ? row : [...row, base.origin]);
    }
    await conn.query(
      `INSERT INTO events (id, source_key, client_event_id, type, person_id, anonymous_id, share_node_id, channel_id, launch_scene, page, props, discount, occurred_at, received_at${legacy ? '' : ', origin'}) VALUES ?`,
      [rows],
    );
  }
  await conn.end();
  return legacy;
}

/** Seconds until the measured consumers have worked through everything stored. */
async function timeToDrain(url, legacy, consumers) {
  const conn = await mysql.createConnection({ uri: url });
  const started = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    if (legacy) {
      const [[{ n }]] = await conn.query('SELECT COUNT(*) AS n FROM events WHERE state = 0');
      if (Number(n) === 0) break;
    } else {
      const [[{ head }]] = await conn.query("SELECT next_seq - 1 AS head FROM stream_sequences WHERE stream = 'events'");
      const [[{ waiting }]] = await conn.query('SELECT COUNT(*) AS waiting FROM events WHERE seq IS NULL');
      const [rows] = await conn.query('SELECT name, position FROM stream_consumers WHERE name IN (?)', [consumers]);
      if (Number(waiting) === 0 && rows.length === consumers.length && rows.every((c) => Number(c.position) >= Number(head))) break;
    }
  }
  await conn.end();
  return (Date.now() - started) / 1000;
}

async function drainRun(label, consumers) {
  const db = await createDatabase(`stream_${label}`);
  try {
    const setup = await startServer(db.url, { EVENT_PROCESSOR_INTERVAL_MS: '0' }); // migrations
    await setup.stop();
    const filled = Date.now();
    const legacy = await fill(db.url);
    console.log(`${label}: ${backlog} events written in ${((Date.now() - filled) / 1000).toFixed(1)} s`);
    if (!legacy) {
      // park every consumer not measured at the end of the backlog: only the measured ones work
      const parked = OTHER_CONSUMERS.filter((c) => !consumers.includes(c));
      const conn = await mysql.createConnection({ uri: db.url });
      if (parked.length) await conn.query('INSERT INTO stream_consumers (name, position, attempts, updated_at) VALUES ? ON DUPLICATE KEY UPDATE position = VALUES(position)', [parked.map((c) => [c, backlog, 0, time(Date.now())])]);
      await conn.end();
    }
    const server = await startServer(db.url, { EVENT_PROCESSOR_INTERVAL_MS: '50' });
    const took = await timeToDrain(db.url, legacy, legacy ? [] : ['attribution', ...consumers]);
    await server.stop();
    return { legacy, seconds: took, eventsPerSec: Math.round(backlog / took) };
  } finally {
    await db.drop();
  }
}

async function lagRun() {
  const db = await createDatabase('stream_lag');
  const server = await startServer(db.url, { EVENT_PROCESSOR_INTERVAL_MS: '200' });
  const conn = await mysql.createConnection({ uri: db.url });
  const samples = [];
  let legacy = false;
  const sampler = setInterval(async () => {
    try {
      const [cols] = await conn.query("SHOW COLUMNS FROM events LIKE 'state'");
      legacy = cols.length > 0;
      if (legacy) {
        const [[{ n }]] = await conn.query('SELECT COUNT(*) AS n FROM events WHERE state = 0');
        samples.push(Number(n));
      } else {
        const [[{ n }]] = await conn.query("SELECT COUNT(*) AS n FROM events WHERE seq IS NULL OR seq > (SELECT MIN(position) FROM stream_consumers WHERE name IN ('attribution', 'leads'))");
        samples.push(Number(n));
      }
    } catch {
      // the sample is skipped
    }
  }, 250);
  let n = 0;
  const a = () => randomBytes(16).toString('base64url');
  const tokens = [];
  const body = () => {
    const install = a();
    return JSON.stringify({ events: Array.from({ length: 20 }, () => ({ id: `l${++n}-${randomBytes(4).toString('hex')}`, type: n % 4 === 0 ? 'view' : 'entry', at: new Date().toISOString(), page: 'pages/index/index', anonymousId: install, ...(tokens.length ? { shareToken: tokens[n % tokens.length] } : {}) })) });
  };
  try {
    const result = await load({ url: server.url, path: '/api/events', makeBody: body, seconds, rate: 50, connections: 8 });
    clearInterval(sampler);
    const sorted = [...samples].sort((x, y) => x - y);
    return { legacy, offeredEventsPerSec: 1000, ingested: result.total * 20, errors: result.errors, lagEvents: { p50: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.floor(sorted.length * 0.99)], max: sorted.at(-1) } };
  } finally {
    clearInterval(sampler);
    await conn.end();
    await server.stop();
    await db.drop();
  }
}

/**
 * Ingest to updated score: 1 000 entries/s arrive over HTTP through the share links of 200 people,
 * each entry a new visitor who scores its sharer. The scoring consumer's stored position is read
 * every 100 ms; an event's latency is from its `received_at` to the first reading at or past its
 * position (the transaction that scored it had committed), so the figure is good to 100 ms.
 */
async function scoreLagRun() {
  const db = await createDatabase('stream_score_lag');
  const server = await startServer(db.url, { EVENT_PROCESSOR_INTERVAL_MS: '200' });
  const conn = await mysql.createConnection({ uri: db.url, timezone: 'Z' });
  const start = Date.now() - 3_600_000;
  const sharers = Array.from({ length: 200 }, (_, i) => ({ person: ulid(start + i), node: ulid(start + i), token: randomBytes(12).toString('base64url') }));
  await conn.query('INSERT INTO persons (id, nickname, created_at, updated_at) VALUES ?', [sharers.map((s, i) => [s.person, `分享者${i}`, time(start), time(start)])]);
  await conn.query(
    'INSERT INTO share_nodes (id, token, mint_key, sharer_person_id, sharer_staff_id, content_type, content_id, channel_id, parent_id, root_id, root_staff_id, depth, created_at, activated_at) VALUES ?',
    [sharers.map((s) => [s.node, s.token, randomBytes(32).toString('hex'), s.person, null, 'page', 'home', null, null, s.node, null, 0, time(start), time(start)])],
  );
  const readings = [];
  const sampler = setInterval(async () => {
    try {
      const [[row]] = await conn.query("SELECT position FROM stream_consumers WHERE name = 'scoring'");
      if (row) readings.push([Date.now(), Number(row.position)]);
    } catch {
      // the reading is skipped
    }
  }, 100);
  let n = 0;
  const body = () =>
    JSON.stringify({ events: Array.from({ length: 20 }, () => ({ id: `score-${++n}`, type: 'entry', at: new Date().toISOString(), page: 'pages/index/index', anonymousId: `visitor-${n}-${randomBytes(4).toString('hex')}`, shareToken: sharers[n % sharers.length].token })) });
  try {
    const result = await load({ url: server.url, path: '/api/events', makeBody: body, seconds, rate: 50, connections: 8 });
    // until every stored event has its position and the scoring consumer is past the last one
    for (let waited = 0; waited < 120_000; waited += 200) {
      const [[{ waiting, last }]] = await conn.query('SELECT COUNT(*) - COUNT(seq) AS waiting, MAX(seq) AS last FROM events');
      if (Number(waiting) === 0 && readings.at(-1)?.[1] >= Number(last)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    clearInterval(sampler);
    const [events] = await conn.query('SELECT seq, received_at FROM events WHERE seq IS NOT NULL ORDER BY seq');
    const latencies = [];
    let r = 0;
    for (const e of events) {
      while (r < readings.length && readings[r][1] < Number(e.seq)) r++;
      latencies.push(r < readings.length ? readings[r][0] - new Date(e.received_at).getTime() : Number.POSITIVE_INFINITY);
    }
    latencies.sort((x, y) => x - y);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))];
    const [[{ items }]] = await conn.query("SELECT COUNT(*) AS items FROM score_items WHERE dimension = 'intent'");
    return { offeredEventsPerSec: 1000, ingested: result.total * 20, errors: result.errors, ingestP99ms: result.p99ms, scored: events.length, intentItems: Number(items), ingestToScoreMs: { p50: at(0.5), p99: at(0.99), max: latencies.at(-1) } };
  } finally {
    clearInterval(sampler);
    await conn.end();
    await server.stop();
    await db.drop();
  }
}

// BENCH_RUNS=attr,both,all,lag,score picks the runs (default: all five); `all` is every consumer at once
const runs = (process.env.BENCH_RUNS ?? 'attr,both,all,lag,score').split(',');
const results = {};
const run = async (name, result) => {
  results[name] = await result();
  console.log(name, JSON.stringify(results[name]));
};
if (runs.includes('attr')) await run('attributionAlone', () => drainRun('attr', []));
if (runs.includes('both')) await run('attributionAndLeads', () => drainRun('both', ['leads']));
if (runs.includes('all')) await run('allConsumers', () => drainRun('all', OTHER_CONSUMERS));
if (runs.includes('lag')) await run('lagAt1000PerSec', lagRun);
if (runs.includes('score')) await run('ingestToScoreAt1000PerSec', scoreLagRun);
console.log(JSON.stringify(results, null, 2));
writeFileSync(join(ROOT, 'bench/results/stream.json'), `${JSON.stringify({ machine: machine(), backlog, seconds, results }, null, 2)}\n`);
