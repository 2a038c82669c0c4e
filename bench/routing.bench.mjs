// Routing on MQL: how many leads per second the routing consumer decides and assigns, and whether
// round-robin stays exact.
//   node bench/routing.bench.mjs [leads=10000] [members=10]
// The built server (production mode) boots once on a fresh database (migrations, the routing
// consumer placed at the stream's head) and stops. One group of `members` salespeople and one rule
// that sends every lead there are written, then `leads` leads reaching MQL: their persons, leads,
// stage-change rows and `stage_change` events straight into the database (no positions yet, as
// recording leaves them). The server starts again and the clock runs from its first answer until
// every lead has its routing decision. The figure is end to end: sequencing, every stream consumer looking at the
// events, routing's reads, round-robin under the group's row lock, the decision rows, the
// assignments and the owner written to the share chain and the lead.
// Baseline: the bare writes of the same rows (decisions, assignments, lead owners) in batches of
// 500 over one connection, with no reading or deciding, on a second database.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createDatabase, machine, ROOT, startServer } from './support.mjs';

const LEADS = Number(process.argv[2] ?? 10_000);
const MEMBERS = Number(process.argv[3] ?? 10);
const BATCH = 1000;

const ulidChars = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastMs = 0;
let counter = 0;
/** ULIDs in creation order (a counter in the random part keeps one millisecond's ids sorted). */
const ulid = (ms = Date.now()) => {
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  let t = '';
  for (let i = 0, v = ms; i < 10; i++, v = Math.floor(v / 32)) t = ulidChars[v % 32] + t;
  let c = '';
  for (let i = 0, v = counter; i < 6; i++, v = Math.floor(v / 32)) c = ulidChars[v % 32] + c;
  let r = '';
  for (const b of randomBytes(10)) r += ulidChars[b % 32];
  return t + c + r;
};
const time = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(conn, sql, done, timeoutMs = 600_000) {
  const start = Date.now();
  for (;;) {
    const [[row]] = await conn.query(sql);
    if (done(Object.values(row)[0])) return;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${sql}`);
    await sleep(20);
  }
}

/** One group of MEMBERS salespeople, one rule that takes every lead. */
async function seedOrg(conn) {
  const now = time(Date.now());
  const staff = Array.from({ length: MEMBERS }, () => ulid());
  await conn.query('INSERT INTO staff (id, name, role, status, person_id, invited_by, created_at, updated_at) VALUES ?', [staff.map((id, i) => [id, `销售${i + 1}`, 'sales', 'active', null, null, now, now])]);
  const group = ulid();
  await conn.query("INSERT INTO sales_groups (id, name, manager_staff_id, partner_leads, last_seat, assigned, created_at, updated_at) VALUES (?, '全国组', NULL, 'partner', NULL, 0, ?, ?)", [group, now, now]);
  await conn.query('INSERT INTO sales_members (staff_id, group_id, seat, regions, industries, tiers, capacity, paused, away_until, updated_by, updated_at) VALUES ?', [
    staff.map((id) => [id, group, ulid(), '[]', '[]', '[]', null, 0, null, null, now]),
  ]);
  await conn.query("INSERT INTO routing_rules (id, position, name, regions, industries, size_bands, tiers, group_id, enabled, created_by, created_at) VALUES (?, 0, '全部', '[]', '[]', '[]', '[]', ?, 1, NULL, ?)", [ulid(), group, now]);
  return staff;
}

/** LEADS persons with a lead each, moved to MQL: the stage-change rows and their stream events, unsequenced. */
async function seedMqls(conn) {
  const provinces = ['广东', '浙江', '北京', '上海', '四川'];
  for (let done = 0; done < LEADS; done += BATCH) {
    const persons = [];
    const leads = [];
    const changes = [];
    const events = [];
    for (let i = done; i < Math.min(done + BATCH, LEADS); i++) {
      const at = Date.now();
      const person = ulid(at);
      const change = ulid(at);
      persons.push([person, `客户${i}`, provinces[i % provinces.length], 0, time(at), time(at)]);
      leads.push([person, 'new', 'whitepaper_download', 'wp', 'whitepaper_download', 'wp', 1, time(at), time(at), 'mql', 'B']);
      changes.push([change, person, 'engaged', 'mql', null, null, 'mql_thresholds', time(at)]);
      const props = JSON.stringify({ contentType: 'page', contentId: 'lead', refId: change });
      events.push([ulid(at), null, 'server', `p:${person}`, `stage_change:${change}`, 'stage_change', person, '', props, time(at), time(at)]);
    }
    await conn.query('INSERT INTO persons (id, real_name, province, seniority_edited, created_at, updated_at) VALUES ?', [persons]);
    await conn.query('INSERT INTO leads (person_id, status, first_kind, first_ref, last_kind, last_ref, activity_count, created_at, last_activity_at, stage, fit_grade) VALUES ?', [leads]);
    await conn.query('INSERT INTO lead_stage_changes (id, person_id, from_stage, to_stage, reason, by_staff_id, by_rule, created_at) VALUES ?', [changes]);
    await conn.query('INSERT INTO events (id, seq, origin, source_key, client_event_id, type, person_id, page, props, occurred_at, received_at) VALUES ?', [events]);
  }
}

async function routed() {
  const db = await createDatabase('routing');
  // a first boot applies the migrations and starts the routing consumer at the (empty) stream's head
  let server = await startServer(db.url);
  const conn = await mysql.createConnection({ uri: db.url });
  try {
    await waitFor(conn, "SELECT COUNT(*) FROM stream_consumers WHERE name = 'routing'", (n) => Number(n) === 1);
    await server.stop();
    const staff = await seedOrg(conn);
    await seedMqls(conn);
    // the clock runs from the moment the server answers until the last lead is decided
    server = await startServer(db.url);
    const start = Date.now();
    await waitFor(conn, 'SELECT COUNT(*) FROM routing_decisions', (n) => Number(n) >= LEADS);
    const seconds = (Date.now() - start) / 1000;
    const [[span]] = await conn.query('SELECT TIMESTAMPDIFF(MICROSECOND, MIN(created_at), MAX(created_at)) / 1e6 AS s, COUNT(DISTINCT created_at) AS batches FROM routing_decisions');
    const [perMember] = await conn.query('SELECT staff_id, COUNT(*) AS n FROM lead_assignments GROUP BY staff_id');
    const [[owners]] = await conn.query('SELECT COUNT(*) AS n FROM leads WHERE owner_staff_id IS NOT NULL');
    const counts = staff.map((id) => Number(perMember.find((r) => r.staff_id === id)?.n ?? 0));
    const fair = LEADS / MEMBERS;
    return {
      leads: LEADS,
      members: MEMBERS,
      seconds,
      mqlsPerSec: Math.round(LEADS / seconds),
      // from the first batch's decisions to the last's, as the server stamped them
      decidingSeconds: Number(span.s),
      batches: Number(span.batches),
      perMember: counts,
      fairWithinOne: counts.every((n) => Math.abs(n - fair) <= 1),
      leadOwnersSet: Number(owners.n),
    };
  } finally {
    await conn.end();
    await server.stop();
    await db.drop();
  }
}

/** The same rows written bare: decisions, assignments, lead owners, 500 at a time. */
async function bareWrites(staff) {
  const db = await createDatabase('routing_bare');
  const server = await startServer(db.url);
  await server.stop();
  const conn = await mysql.createConnection({ uri: db.url });
  try {
    const ids = Array.from({ length: LEADS }, () => ulid());
    for (let i = 0; i < LEADS; i += BATCH) {
      const at = Date.now();
      await conn.query('INSERT INTO persons (id, seniority_edited, created_at, updated_at) VALUES ?', [ids.slice(i, i + BATCH).map((id) => [id, 0, time(at), time(at)])]);
      await conn.query('INSERT INTO leads (person_id, status, first_kind, first_ref, last_kind, last_ref, activity_count, created_at, last_activity_at, stage, fit_grade) VALUES ?', [
        ids.slice(i, i + BATCH).map((id) => [id, 'new', 'x', 'x', 'x', 'x', 1, time(at), time(at), 'mql', 'B']),
      ]);
    }
    const start = Date.now();
    for (let i = 0; i < LEADS; i += 500) {
      const slice = ids.slice(i, i + 500);
      const now = time(Date.now());
      await conn.beginTransaction();
      await conn.query('INSERT INTO routing_decisions (id, person_id, event_id, trigger_kind, outcome, step, reason, staff_id, group_id, signalled, created_at) VALUES ?', [
        slice.map((id, k) => [ulid(), id, ulid(), 'mql', 'assigned', 'rule', '规则「全部」→「全国组」轮询', staff[k % staff.length], null, 0, now]),
      ]);
      await conn.query('INSERT INTO lead_assignments (person_id, staff_id, group_id, decision_id, assigned_at) VALUES ?', [slice.map((id, k) => [id, staff[k % staff.length], null, ulid(), now])]);
      for (let s = 0; s < staff.length; s++) {
        const mine = slice.filter((_, k) => k % staff.length === s);
        await conn.query('UPDATE leads SET owner_staff_id = ? WHERE person_id IN (?)', [staff[s], mine]);
      }
      await conn.commit();
    }
    const seconds = (Date.now() - start) / 1000;
    return { seconds, rowsPerSec: Math.round(LEADS / seconds) };
  } finally {
    await conn.end();
    await db.drop();
  }
}

const result = await routed();
const bare = await bareWrites(Array.from({ length: MEMBERS }, () => ulid()));
const results = { routed: result, bareWrites: bare, ratio: Number((bare.rowsPerSec / result.mqlsPerSec).toFixed(2)) };
console.log(JSON.stringify(results, null, 2));
writeFileSync(join(ROOT, 'bench/results/routing.json'), `${JSON.stringify({ machine: machine(), leads: LEADS, members: MEMBERS, results }, null, 2)}\n`);
if (!result.fairWithinOne || result.mqlsPerSec < 500) process.exitCode = 1;
