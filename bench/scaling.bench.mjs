// One process against two API instances and a worker, on one MariaDB:
// 1. ingest flat out (32 connections, batches of 20 events), spread evenly over the API instances;
// 2. the activity stream's lag (events stored but not yet through every consumer) while 1 000
//    events/s arrive (50 requests/s of 20 events), sampled every 250 ms.
//   node bench/scaling.bench.mjs [seconds=20]
// Layout "one": a single process with ROLE=all. Layout "two+worker": ROLE=api twice, ROLE=worker once.
// Each load generator aims at one instance, as a balancer would split the traffic.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createDatabase, load, machine, ROOT, startServer } from './support.mjs';

const seconds = Number(process.argv[2] ?? 20);
let n = 0;
const body = () => {
  const install = randomBytes(16).toString('base64url');
  return JSON.stringify({ events: Array.from({ length: 20 }, () => ({ id: `s${++n}-${randomBytes(4).toString('hex')}`, type: n % 4 === 0 ? 'view' : 'entry', at: new Date().toISOString(), page: 'pages/index/index', anonymousId: install })) });
};

async function layout(name, roles) {
  const db = await createDatabase(`scaling_${name.replace(/\W/g, '')}`);
  const processes = [];
  try {
    const startSeconds = [];
    for (const role of roles) {
      const started = Date.now();
      processes.push({ role, server: await startServer(db.url, { ROLE: role, EVENT_PROCESSOR_INTERVAL_MS: '200' }) });
      startSeconds.push((Date.now() - started) / 1000);
    }
    const apis = processes.filter((p) => p.role !== 'worker').map((p) => p.server);
    const split = (connections, rate) => Promise.all(apis.map((s) => load({ url: s.url, path: '/api/events', makeBody: body, seconds, connections: Math.max(1, Math.round(connections / apis.length)), ...(rate ? { rate: rate / apis.length } : {}) })));
    await split(8); // warm-up
    const flat = await split(32);
    const conn = await mysql.createConnection({ uri: db.url });
    // let the consumers catch up with the flat-out run before the steady one
    for (let i = 0; i < 600; i++) {
      const [[{ waiting }]] = await conn.query("SELECT COUNT(*) AS waiting FROM events WHERE seq IS NULL OR seq > (SELECT MIN(position) FROM stream_consumers)");
      if (Number(waiting) === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const samples = [];
    const sampler = setInterval(async () => {
      try {
        const [[{ waiting }]] = await conn.query("SELECT COUNT(*) AS waiting FROM events WHERE seq IS NULL OR seq > (SELECT MIN(position) FROM stream_consumers WHERE name IN ('attribution', 'leads', 'scoring'))");
        samples.push(Number(waiting));
      } catch {
        // the sample is skipped
      }
    }, 250);
    const steady = await split(8, 50);
    clearInterval(sampler);
    await conn.end();
    const sorted = [...samples].sort((a, b) => a - b);
    const sum = (rs, k) => rs.reduce((s, r) => s + r[k], 0);
    return {
      // from spawn to a 200 from /api/health (the first process also runs the migrations)
      startSeconds,
      flatOut: { requestsPerSec: sum(flat, 'requestsPerSec'), eventsPerSec: sum(flat, 'requestsPerSec') * 20, p99ms: Math.max(...flat.map((r) => r.p99ms)), errors: sum(flat, 'errors') },
      steady1000: { eventsPerSec: Math.round(sum(steady, 'total') * 20 / seconds), p99ms: Math.max(...steady.map((r) => r.p99ms)), errors: sum(steady, 'errors'), lagEvents: { p50: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.floor(sorted.length * 0.99)], max: sorted.at(-1) }, lagSecondsAt1000: { p50: sorted[Math.floor(sorted.length / 2)] / 1000, p99: sorted[Math.floor(sorted.length * 0.99)] / 1000 } },
    };
  } finally {
    for (const p of processes.reverse()) await p.server.stop();
    await db.drop();
  }
}

const results = {
  one: await layout('one', ['all']),
  twoPlusWorker: await layout('two+worker', ['api', 'api', 'worker']),
};
console.log(JSON.stringify(results, null, 2));
writeFileSync(join(ROOT, 'bench/results/scaling.json'), `${JSON.stringify({ machine: machine(), seconds, results }, null, 2)}\n`);
