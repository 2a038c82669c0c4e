// Durable timers under load: with `open` timers stored, `due` of them fall due evenly over
// `window` seconds while two server instances run the timer job (every 1 s, the default).
//   node bench/timers.bench.mjs [open=100000] [due=30000] [window=60]
// Reports how late each timer fired after its deadline (p50/p99/max), that each fired exactly
// once (the row's `fires` counter, incremented without a state guard, would show a second firing),
// how the work split between the instances, and the job's cost per tick: a round with nothing
// due (the claim query over the open timers) and a claimed batch of 200 (claim + mark fired),
// measured on a kind no instance handles so the servers leave those rows alone.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createDatabase, machine, ROOT, startServer, ulid } from './support.mjs';

const open = Number(process.argv[2] ?? 100_000);
const due = Number(process.argv[3] ?? 30_000);
const windowSeconds = Number(process.argv[4] ?? 60);
const LEAD_IN_MS = 15_000; // the servers start before the first deadline
const BATCH = 200;

const time = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function insertTimers(conn, kind, count, dueAtOf) {
  const now = Date.now();
  for (let done = 0; done < count; done += 5000) {
    const rows = [];
    for (let i = done; i < Math.min(done + 5000, count); i++) rows.push([ulid(now), kind, `lead:${i}`, null, null, time(dueAtOf(i)), 'pending', 0, 0, time(now)]);
    await conn.query('INSERT INTO timers (id, kind, subject, dedupe_key, payload, due_at, state, attempts, fires, created_at) VALUES ?', [rows]);
  }
}

/** Mean milliseconds of `runs` claiming transactions as the job runs them (claim, mark fired, commit). */
async function tickCost(conn, kind, runs) {
  const took = [];
  let claimed = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await conn.beginTransaction();
    const [rows] = await conn.query("SELECT id FROM timers WHERE state = 'pending' AND due_at <= ? AND kind IN (?) ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED", [time(Date.now()), [kind], BATCH]);
    if (rows.length > 0) await conn.query("UPDATE timers SET state = 'fired', fires = fires + 1, fired_at = ?, fired_by = 'bench' WHERE id IN (?)", [time(Date.now()), rows.map((r) => r.id)]);
    await conn.commit();
    took.push(performance.now() - started);
    claimed += rows.length;
  }
  return { ms: Number((took.reduce((a, b) => a + b, 0) / runs).toFixed(2)), claimedPerRun: claimed / runs };
}

const db = await createDatabase('timers');
const servers = [];
try {
  const setup = await startServer(db.url, { TIMER_JOB_INTERVAL_MS: '0' }); // migrations
  await setup.stop();
  const conn = await mysql.createConnection({ uri: db.url });
  const filledAt = Date.now();
  const start = filledAt + LEAD_IN_MS;
  await insertTimers(conn, 'timers.probe', due, (i) => start + Math.floor((i * windowSeconds * 1000) / due));
  await insertTimers(conn, 'timers.probe', open - due, () => filledAt + 86_400_000); // open, due tomorrow
  console.log(`${open} open timers written in ${((Date.now() - filledAt) / 1000).toFixed(1)} s; ${due} fall due over ${windowSeconds} s`);

  for (let i = 0; i < 2; i++) servers.push(await startServer(db.url));
  const deadline = start + windowSeconds * 1000 + 20_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const [[{ n }]] = await conn.query("SELECT COUNT(*) AS n FROM timers WHERE kind = 'timers.probe' AND state = 'pending' AND due_at <= ?", [time(Date.now())]);
    if ((Number(n) === 0 && Date.now() > start + windowSeconds * 1000) || Date.now() > deadline) break;
  }
  const [fired] = await conn.query("SELECT TIMESTAMPDIFF(MICROSECOND, due_at, fired_at) / 1000 AS late, fires, fired_by FROM timers WHERE kind = 'timers.probe' AND state = 'fired'");
  const [[{ unfired }]] = await conn.query("SELECT COUNT(*) AS unfired FROM timers WHERE kind = 'timers.probe' AND state = 'pending' AND due_at <= ?", [time(Date.now())]);
  const [[{ early }]] = await conn.query("SELECT COUNT(*) AS early FROM timers WHERE kind = 'timers.probe' AND state = 'fired' AND fired_at < due_at");
  const late = fired.map((r) => Number(r.late)).sort((a, b) => a - b);
  const byInstance = {};
  for (const r of fired) byInstance[r.fired_by] = (byInstance[r.fired_by] ?? 0) + 1;

  for (const s of servers.splice(0)) await s.stop();
  // cost per tick, the servers stopped: nothing due among the open timers, then batches of 200 due
  const idle = await tickCost(conn, 'bench.measure', 50);
  await insertTimers(conn, 'bench.measure', 20 * BATCH, () => Date.now() - 1000);
  const loaded = await tickCost(conn, 'bench.measure', 20);
  await conn.end();

  const results = {
    fired: fired.length,
    unfiredPastDeadline: Number(unfired),
    firedEarly: Number(early),
    firedMoreThanOnce: fired.filter((r) => Number(r.fires) !== 1).length,
    lateMs: { p50: percentile(late, 50), p99: percentile(late, 99), max: late.at(-1) },
    byInstance: Object.values(byInstance),
    tickCost: { idleMs: idle.ms, batchOf200Ms: loaded.ms, perTimerMs: Number((loaded.ms / BATCH).toFixed(3)) },
  };
  console.log(JSON.stringify(results, null, 2));
  // the default run is timers.json; others are named by their arguments
  const file = open === 100_000 && due === 30_000 && windowSeconds === 60 ? 'timers.json' : `timers-${open}-${due}-${windowSeconds}.json`;
  writeFileSync(join(ROOT, 'bench/results', file), `${JSON.stringify({ machine: machine(), open, due, windowSeconds, instances: 2, jobIntervalMs: 1000, results }, null, 2)}\n`);
} finally {
  for (const s of servers) await s.stop();
  await db.drop();
}
