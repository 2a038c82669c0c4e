// Event ingest: ours (NestJS, validation, token lookup, group commit) side by side with a bare
// baseline (Node http + mysql2 multi-row insert) on the same MariaDB, in one run.
//   node bench/ingest.bench.mjs [seconds]
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, freePort, load, machine, ROOT, startProcess, startServer } from './support.mjs';

const seconds = Number(process.argv[2] ?? 10);
const install = () => randomBytes(16).toString('base64url');
let seq = 0;
const event = (anonymousId) => ({ id: `b${++seq}-${randomBytes(4).toString('hex')}`, type: 'view', at: new Date().toISOString(), page: 'pages/index/index', anonymousId });
const single = () => JSON.stringify({ events: [event(install())] });
const batch = () => {
  const a = install();
  return JSON.stringify({ events: Array.from({ length: 50 }, () => event(a)) });
};

const db = await createDatabase('ingest');
const ours = await startServer(db.url, { EVENT_PROCESSOR_INTERVAL_MS: '0', DB_POOL_SIZE: '20' });
const barePort = await freePort();
const bare = await startProcess(join(ROOT, 'bench/bare-ingest-server.mjs'), { PATH: process.env.PATH, DATABASE_URL: db.url, PORT: String(barePort) }, barePort);

const results = {};
try {
  for (const [name, target] of [['ours', ours], ['bare', bare]]) {
    await load({ url: target.url, path: '/api/events', makeBody: single, seconds: 2 }); // warm-up
    await load({ url: target.url, path: '/api/events', makeBody: batch, seconds: 2 });
    // flat out (32 connections), then at the goal rates (3 000 single-event requests/s, 15 000
    // events/s in batches). At a fixed rate autocannon fires its connections in step, so 32 of them
    // send 32 batches (1 600 events) at the same instant; 8 connections sending every ~27 ms are the
    // steadier model of many apps flushing their queues, and both are reported.
    results[`${name}.single`] = await load({ url: target.url, path: '/api/events', makeBody: single, seconds });
    results[`${name}.batch50`] = await load({ url: target.url, path: '/api/events', makeBody: batch, seconds });
    results[`${name}.single@3000rps`] = await load({ url: target.url, path: '/api/events', makeBody: single, seconds, rate: 3000 });
    results[`${name}.batch50@300rps`] = await load({ url: target.url, path: '/api/events', makeBody: batch, seconds, rate: 300 });
    results[`${name}.batch50@300rps.8conn`] = await load({ url: target.url, path: '/api/events', makeBody: batch, seconds, rate: 300, connections: 8 });
  }
} finally {
  await ours.stop();
  await bare.stop();
  await db.drop();
}

const rows = Object.entries(results).map(([k, r]) => ({ case: k, 'req/s': r.requestsPerSec, 'events/s': r.requestsPerSec * (k.includes('batch50') ? 50 : 1), 'p50 ms': r.p50ms, 'p99 ms': r.p99ms, errors: r.errors }));
console.table(rows);
const ratio = (c) => (results[`ours.${c}`].requestsPerSec / results[`bare.${c}`].requestsPerSec).toFixed(2);
console.log(`ours/bare: single ${ratio('single')}, batch50 ${ratio('batch50')}`);
writeFileSync(join(ROOT, 'bench/results/ingest.json'), `${JSON.stringify({ machine: machine(), seconds, connections: 32, results }, null, 2)}\n`);
