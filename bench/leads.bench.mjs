// The lead workspace at volume: seeds N leads (default 1 000 000) with 10 events each (10 000 000)
// straight into MariaDB — persons with profiles, leads spread over 200 salespeople, first-touch
// attribution, score items and a stage change per lead — then, over HTTP against the built server:
// 1. the lead list: a salesperson's own leads and the marketer's pool, filtered by owner / stage /
//    grade and sorted by score now, first and second pages;
// 2. a lead's detail page as the console loads it: the lead, its score breakdown and the last 100
//    timeline items, requested together;
// 3. a saved rule change: how long the background re-score of every lead takes, and the list's
//    latency while it runs.
//   node bench/leads.bench.mjs [leads=1000000] [samples=1000]
// BENCH_BUFFER_POOL_MB=4096 sets MariaDB's buffer pool for the run (as a deployment would size it;
// the figures name the size they ran with). BENCH_KEEP_DB=name reuses a seeded database;
// BENCH_KEEP_AFTER=1 keeps this run's; BENCH_SEED_ONLY=1 seeds, keeps it and stops.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createDatabase, machine, MYSQL_URL, ROOT, sessionToken, startServer, ulid } from './support.mjs';

const LEADS = Number(process.argv[2] ?? 1_000_000);
const SAMPLES = Number(process.argv[3] ?? 1000);
const EVENTS_PER_LEAD = 10;
const OWNERS = 200;
const CHUNK = 2000; // persons per seeding statement group
const DAY = 86_400_000;
const INTENT_EPOCH_MS = Date.UTC(2025, 0, 1);

const pick = (list, i) => list[i % list.length];


const STAGES = ['new', 'engaged', 'engaged', 'engaged', 'mql', 'sal', 'sql', 'won', 'lost', 'nurture'];
const GRADES = ['A', 'B', 'B', 'C', 'C', 'C', 'D', 'D', 'D', 'D'];
const INDUSTRIES = ['制造业', '金融', '互联网', '医疗', '教育', '零售', '能源', '物流'];
const PROVINCES = [['广东', '深圳'], ['上海', '上海'], ['北京', '北京'], ['浙江', '杭州'], ['江苏', '苏州'], ['四川', '成都']];
const SIZES = ['1-49', '50-199', '200-999', '1000+'];
const SENIORITY = ['staff', 'manager', 'director', 'vp', 'c_level'];
const NAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

/** One chunk's rows: persons, leads, attribution, events, score items and stage changes. */
function chunkRows(from, count, ctx) {
  const persons = [];
  const leads = [];
  const attribution = [];
  const events = [];
  const items = [];
  const stages = [];
  for (let i = from; i < from + count; i++) {
    const created = ctx.start + Math.floor((i / LEADS) * 170 * DAY);
    const id = ulid(created);
    const [province, city] = pick(PROVINCES, i * 7);
    persons.push([id, `${pick(NAMES, i)}先生${i % 1000}`, `138****${String(i % 10000).padStart(4, '0')}`, new Date(created), new Date(created), `${pick(NAMES, i * 3)}${pick(NAMES, i * 5)}`, `企业${i % 50_000}有限公司`, '采购经理', pick(INDUSTRIES, i * 11), province, city, pick(SIZES, i * 13), pick(SENIORITY, i * 17)]);
    const owner = ctx.owners[i % OWNERS];
    // five app touchpoints, five server activities, over the lead's life (the newest within 10 days)
    let intent = 0;
    let last = created;
    for (let k = 0; k < EVENTS_PER_LEAD; k++) {
      const at = created + Math.floor(((k + 1) / EVENTS_PER_LEAD) * Math.max(DAY, ctx.now - created - Math.floor(Math.random() * 10 * DAY)));
      last = Math.max(last, at);
      const eventId = ulid(at);
      const server = k % 2 === 1;
      const type = server ? ['signup', 'attend', 'watch', 'download', 'card_view'][(k - 1) / 2] : k === 0 ? 'entry' : 'view';
      const contentType = type === 'download' ? 'whitepaper' : type === 'card_view' ? 'card' : 'live';
      const props = server ? JSON.stringify({ contentType, contentId: `bench-${contentType}-${i % 40}`, refId: eventId, ...(type === 'watch' ? { value: 30 + (i % 60) } : {}) }) : null;
      ctx.seq += 1;
      events.push([eventId, server ? `p:${id}` : `a:${id}`, `${type}:${k}`, type, id, server ? null : `install-${id}`, null, null, null, server ? 'pages/live/detail/index' : 'pages/index/index', props, null, new Date(at), new Date(at), ctx.seq, server ? 'server' : 'app']);
      if (server) {
        const points = { signup: 10, attend: 10, watch: 15, download: 10, card_view: 5 }[type];
        intent += points * 2 ** ((at - INTENT_EPOCH_MS) / (ctx.halfLifeDays * DAY));
        items.push([ulid(at), id, 'intent', `${type}_bench`, `${type}`, eventId, points, 1, new Date(at), eventId, Math.floor((at + 8 * 3_600_000) / DAY), type, contentType, `bench-${contentType}-${i % 40}`]);
      }
    }
    items.push([ulid(created), id, 'fit', 'industry_bench', '行业', null, 20, 1, new Date(created), '', 0, null, null, null]);
    const stage = pick(STAGES, i * 19);
    leads.push([id, 'signup', `signup:${id}`, 'card_view', `card_view:${id}`, EVENTS_PER_LEAD, null, new Date(created), new Date(last), 'new', stage, new Date(created + DAY), pick(GRADES, i * 23), 20, intent, new Date(last), 1, owner]);
    attribution.push([id, null, null, pick(ctx.channels, i), new Date(created), owner, null, new Date(created), new Date(created)]);
    stages.push([ulid(created + DAY), id, 'new', stage, null, null, 'first_intent', new Date(created + DAY)]);
  }
  return { persons, leads, attribution, events, items, stages };
}

async function insertChunk(conn, rows) {
  const q = (sql, values) => (values.length ? conn.query(sql, [values]) : null);
  await q('INSERT INTO persons (id, nickname, phone_masked, created_at, updated_at, real_name, company, job_title, industry, province, city, size_band, seniority) VALUES ?', rows.persons);
  await q('INSERT INTO leads (person_id, first_kind, first_ref, last_kind, last_ref, activity_count, contact_requested_at, created_at, last_activity_at, status, stage, stage_changed_at, fit_grade, fit_points, intent_key, scored_at, rule_version, owner_staff_id) VALUES ?', rows.leads);
  await q('INSERT INTO person_attribution (person_id, first_event_id, first_node_id, first_channel_id, first_at, owner_staff_id, owner_node_id, owned_at, updated_at) VALUES ?', rows.attribution);
  for (let i = 0; i < rows.events.length; i += 10_000) {
    await q('INSERT INTO events (id, source_key, client_event_id, type, person_id, anonymous_id, share_node_id, channel_id, launch_scene, page, props, discount, occurred_at, received_at, seq, origin) VALUES ?', rows.events.slice(i, i + 10_000));
  }
  await q('INSERT INTO score_items (id, person_id, dimension, rule_key, rule_label, event_id, points, rule_version, occurred_at, dedupe_key, day, signal_kind, content_type, content_id) VALUES ?', rows.items);
  await q('INSERT INTO lead_stage_changes (id, person_id, from_stage, to_stage, reason, by_staff_id, by_rule, created_at) VALUES ?', rows.stages);
}

async function seed(url) {
  const conn = await mysql.createConnection({ uri: url, timezone: 'Z' });
  const now = Date.now();
  const start = now - 180 * DAY;
  const [[settings]] = await conn.query("SELECT half_life_days FROM lead_settings WHERE id = 'default'");
  const owners = Array.from({ length: OWNERS }, (_, i) => ulid(start + i));
  const ownerPersons = owners.map((_, i) => ulid(start + i));
  const stamp = new Date(start);
  await conn.query('INSERT INTO persons (id, created_at, updated_at) VALUES ?', [ownerPersons.map((p) => [p, stamp, stamp])]);
  await conn.query('INSERT INTO staff (id, name, role, status, person_id, invited_by, created_at, updated_at) VALUES ?', [owners.map((s, i) => [s, `销售${i}`, 'sales', 'active', ownerPersons[i], null, stamp, stamp])]);
  const marketer = { person: ulid(start), staff: ulid(start) };
  await conn.query('INSERT INTO persons (id, created_at, updated_at) VALUES (?, ?, ?)', [marketer.person, stamp, stamp]);
  await conn.query('INSERT INTO staff (id, name, role, status, person_id, invited_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)', [marketer.staff, '市场部', 'marketer', 'active', marketer.person, stamp, stamp]);
  const channels = Array.from({ length: 20 }, (_, i) => ulid(start + i));
  await conn.query('INSERT INTO channels (id, code, name, kind, created_at) VALUES ?', [channels.map((c, i) => [c, `bench${i}`, `渠道${i}`, 'offline_event', stamp])]);

  const ctx = { now, start, owners, channels, halfLifeDays: Number(settings.half_life_days), seq: 0 };
  // seeding only: the log is flushed once a second rather than at every commit (restored below)
  const [[{ flush }]] = await conn.query('SELECT @@GLOBAL.innodb_flush_log_at_trx_commit AS flush');
  await conn.query('SET GLOBAL innodb_flush_log_at_trx_commit = 2');
  const started = Date.now();
  // two writers: the chunks alternate between them
  const second = await mysql.createConnection({ uri: url, timezone: 'Z' });
  const writers = [conn, second];
  let next = 0;
  const work = async (writer) => {
    while (next < LEADS) {
      const from = next;
      next += CHUNK;
      const rows = chunkRows(from, Math.min(CHUNK, LEADS - from), ctx);
      await insertChunk(writer, rows);
      if ((from / CHUNK) % 50 === 0) console.log(`  ${from + CHUNK} leads seeded, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  };
  try {
    await Promise.all(writers.map(work));
  } finally {
    await conn.query(`SET GLOBAL innodb_flush_log_at_trx_commit = ${Number(flush)}`);
  }
  await second.end();
  // the stream's consumers have seen every seeded event
  await conn.query("UPDATE stream_sequences SET next_seq = ? WHERE stream = 'events'", [ctx.seq + 1]);
  const consumers = ['attribution', 'leads', 'scoring', 'accounts', 'card', 'prospects', 'identity.email'];
  await conn.query('INSERT INTO stream_consumers (name, position, attempts, updated_at) VALUES ? ON DUPLICATE KEY UPDATE position = VALUES(position)', [consumers.map((c) => [c, ctx.seq, 0, new Date()])]);
  for (const t of ['persons', 'leads', 'events', 'score_items', 'person_attribution', 'lead_stage_changes']) await conn.query(`ANALYZE TABLE ${t}`);
  const seconds = (Date.now() - started) / 1000;
  await conn.end();
  return { seconds, owners, ownerPersons, marketer, events: ctx.seq };
}

function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q) => Math.round(s[Math.min(s.length - 1, Math.floor(s.length * q))] * 10) / 10;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(s.at(-1) * 10) / 10 };
}

async function get(url, auth) {
  const t = process.hrtime.bigint();
  const res = await fetch(url, { headers: { authorization: `Bearer ${auth}` } });
  const body = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, body };
}

/** A random list request of the kinds the pages send, as (url, token). */
function listRequest(base, seeded, i) {
  const owner = seeded.owners[i % OWNERS];
  const sales = sessionToken(seeded.ownerPersons[i % OWNERS], owner, 'app');
  const pool = sessionToken(seeded.marketer.person, seeded.marketer.staff, 'console');
  const stage = pick(['engaged', 'mql', 'sal', 'sql', 'nurture'], i * 7);
  const grade = pick(['A', 'B', 'C', 'D'], i * 3);
  const kinds = [
    [`/api/leads?sort=score`, sales],
    [`/api/leads?sort=score&stage=${stage}`, sales],
    [`/api/leads?sort=score&grade=${grade}`, sales],
    [`/api/leads?sort=score&owner=${owner}&stage=${stage}`, pool],
    [`/api/leads?sort=score&stage=${stage}&grade=${grade}`, pool],
    [`/api/leads?sort=score&grade=${grade}`, pool],
    [`/api/leads?sort=score`, pool],
    [`/api/leads?sort=activity&owner=${owner}`, pool],
  ];
  const [path, auth] = kinds[i % kinds.length];
  return { url: `${base}${path}`, auth };
}

async function measureList(base, seeded, samples, stop = () => false) {
  const ms = [];
  for (let i = 0; i < samples && !stop(); i++) {
    const { url, auth } = listRequest(base, seeded, i);
    const first = await get(url, auth);
    ms.push(first.ms);
    if (first.body.nextCursor && i % 4 === 0) ms.push((await get(`${url}&cursor=${encodeURIComponent(first.body.nextCursor)}`, auth)).ms);
  }
  return ms;
}

async function measureDetail(base, seeded, ids, samples) {
  const pool = sessionToken(seeded.marketer.person, seeded.marketer.staff, 'console');
  const page = [];
  const parts = { lead: [], score: [], timeline: [] };
  for (let i = 0; i < samples; i++) {
    const id = ids[(i * 7919) % ids.length];
    const t = process.hrtime.bigint();
    const [lead, score, timeline] = await Promise.all([get(`${base}/api/leads/${id}`, pool), get(`${base}/api/leads/${id}/score`, pool), get(`${base}/api/leads/${id}/timeline?limit=100`, pool)]);
    page.push(Number(process.hrtime.bigint() - t) / 1e6);
    parts.lead.push(lead.ms);
    parts.score.push(score.ms);
    parts.timeline.push(timeline.ms);
    if (timeline.body.items.length < EVENTS_PER_LEAD) throw new Error(`timeline of ${id} has ${timeline.body.items.length} items`);
  }
  return { page: stats(page), lead: stats(parts.lead), score: stats(parts.score), timeline: stats(parts.timeline) };
}

/** Saves the active rules with one weight changed and times the background re-score; the list is sampled meanwhile. */
async function measureRescore(base, seeded) {
  const pool = sessionToken(seeded.marketer.person, seeded.marketer.staff, 'console');
  const rules = (await get(`${base}/api/console/scoring/rules`, pool)).body;
  const draft = { intentRules: rules.intentRules.map((r, i) => (i === 0 ? { ...r, points: Math.min(100, r.points + 5) } : r)), fitRules: rules.fitRules, grades: rules.grades };
  const started = Date.now();
  const res = await fetch(`${base}/api/console/scoring/rules`, { method: 'PUT', headers: { authorization: `Bearer ${pool}`, 'content-type': 'application/json' }, body: JSON.stringify(draft) });
  if (!res.ok) throw new Error(`save rules: ${res.status} ${await res.text()}`);
  let finished = false;
  let progress = null;
  const poll = (async () => {
    while (!finished) {
      progress = (await get(`${base}/api/console/scoring/rescore`, pool)).body.run;
      if (progress?.status === 'finished' || Date.now() - started > 30 * 60_000) finished = true;
      else await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  const during = await measureList(base, seeded, Number.POSITIVE_INFINITY, () => finished);
  await poll;
  const seconds = (Date.now() - started) / 1000;
  return { seconds, status: progress?.status, done: progress?.done, total: progress?.total, leadsPerSec: Math.round((progress?.done ?? 0) / seconds), listDuring: stats(during) };
}

const admin = await mysql.createConnection({ uri: MYSQL_URL });
if (process.env.BENCH_BUFFER_POOL_MB) await admin.query(`SET GLOBAL innodb_buffer_pool_size = ${Number(process.env.BENCH_BUFFER_POOL_MB) * 1024 * 1024}`);
const [[{ pool: bufferPoolMiB }]] = await admin.query('SELECT @@innodb_buffer_pool_size / 1048576 AS pool');
await admin.end();

const kept = process.env.BENCH_KEEP_DB;
const db = kept ? { name: kept, url: `${MYSQL_URL}/${kept}`, drop: async () => {} } : await createDatabase('leads');
const report = { machine: machine(), leads: LEADS, events: LEADS * EVENTS_PER_LEAD, bufferPoolMiB: Number(bufferPoolMiB), results: {} };
try {
  let seeded;
  if (kept) {
    const conn = await mysql.createConnection({ uri: db.url });
    const [staff] = await conn.query("SELECT id, person_id, role FROM staff ORDER BY id");
    seeded = { owners: staff.filter((s) => s.role === 'sales').map((s) => s.id), ownerPersons: staff.filter((s) => s.role === 'sales').map((s) => s.person_id), marketer: { staff: staff.find((s) => s.role === 'marketer').id, person: staff.find((s) => s.role === 'marketer').person_id } };
    await conn.end();
  } else {
    const setup = await startServer(db.url, { EVENT_PROCESSOR_INTERVAL_MS: '0' }); // migrations
    await setup.stop();
    seeded = await seed(db.url);
    report.results.seedSeconds = Math.round(seeded.seconds);
    console.log(`${LEADS} leads and ${seeded.events} events seeded in ${seeded.seconds.toFixed(0)} s (database ${db.name})`);
    if (process.env.BENCH_SEED_ONLY) process.exit(0);
  }
  const server = await startServer(db.url, { EVENT_PROCESSOR_INTERVAL_MS: '200' });
  try {
    const conn = await mysql.createConnection({ uri: db.url });
    const [sample] = await conn.query('SELECT person_id FROM leads WHERE person_id >= ? ORDER BY person_id LIMIT 2000', [ulid(Date.now() - 90 * DAY)]);
    await conn.end();
    const ids = sample.map((r) => r.person_id);
    await measureList(server.url, seeded, 50); // warm-up
    report.results.list = stats(await measureList(server.url, seeded, SAMPLES));
    console.log('list', report.results.list);
    report.results.detail = await measureDetail(server.url, seeded, ids, Math.max(200, SAMPLES / 2));
    console.log('detail', report.results.detail);
    report.results.rescore = await measureRescore(server.url, seeded);
    console.log('rescore', report.results.rescore);
  } finally {
    await server.stop();
  }
} finally {
  if (!process.env.BENCH_KEEP_AFTER) await db.drop();
  else console.log(`kept database ${db.name}`);
}
writeFileSync(join(ROOT, `bench/results/leads${LEADS === 1_000_000 ? '' : `-${LEADS}`}.json`), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
