// Share-tree reads at scale: seeds a tree of N share nodes for one content item (default
// 100 000 and 1 000 000), then times the ancestor chain of deep nodes, a node's subtree totals,
// and the aggregated star-map over HTTP (≤ 2 000 nodes), on MariaDB.
//   node bench/star-map.bench.mjs [sizes, e.g. 100000,1000000]
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createDatabase, machine, ROOT, sessionToken, startServer, ulid } from './support.mjs';

const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
const ROOTS = 50;


/** A realistic-looking share forest: staff roots, preferential attachment, depth up to ~30. */
function buildTree(n) {
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  for (let i = ROOTS; i < n; i++) {
    // favour recent nodes a little (chains grow), and early ones (popular sharers)
    const r = Math.random();
    const p = r < 0.5 ? Math.floor(Math.random() * i) : Math.max(0, i - 1 - Math.floor(Math.random() ** 3 * Math.min(i, 5000)));
    parent[i] = p;
    depth[i] = depth[p] + 1;
  }
  const subtree = new Int32Array(n).fill(1);
  const visitors = new Int32Array(n);
  const subVisitors = new Int32Array(n);
  const conversions = new Int32Array(n);
  const subConversions = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    visitors[i] = Math.floor(Math.random() * 3);
    conversions[i] = Math.random() < 0.05 ? 1 : 0;
    subVisitors[i] = visitors[i];
    subConversions[i] = conversions[i];
  }
  for (let i = n - 1; i >= ROOTS; i--) {
    subtree[parent[i]] += subtree[i];
    subVisitors[parent[i]] += subVisitors[i];
    subConversions[parent[i]] += subConversions[i];
  }
  return { parent, depth, subtree, visitors, subVisitors, conversions, subConversions };
}

async function seed(conn, n, staffIds) {
  const tree = buildTree(n);
  const ids = new Array(n);
  const rootOf = new Int32Array(n);
  const start = Date.now() - n;
  const t0 = Date.now();
  const CHUNK = 5000;
  for (let from = 0; from < n; from += CHUNK) {
    const rows = [];
    for (let i = from; i < Math.min(n, from + CHUNK); i++) {
      ids[i] = ulid(start + i);
      const p = tree.parent[i];
      rootOf[i] = p < 0 ? i : rootOf[p];
      const staff = p < 0 ? staffIds[i % staffIds.length] : null;
      rows.push([
        ids[i], randomBytes(12).toString('base64url'), randomBytes(32).toString('hex'), ulid(start + i), staff, 'page', 'bench', null,
        p < 0 ? null : ids[p], ids[rootOf[i]], staffIds[rootOf[i] % staffIds.length], tree.depth[i], new Date(start + i), new Date(start + i),
        tree.visitors[i], tree.conversions[i], tree.subtree[i], tree.subVisitors[i], tree.subConversions[i],
      ]);
    }
    await conn.query(
      `INSERT INTO share_nodes (id, token, mint_key, sharer_person_id, sharer_staff_id, content_type, content_id, channel_id, parent_id, root_id, root_staff_id, depth, created_at, activated_at, visitors, conversions, subtree_nodes, subtree_visitors, subtree_conversions) VALUES ?`,
      [rows],
    );
  }
  let deepest = 0;
  for (let i = 0; i < n; i++) if (tree.depth[i] > tree.depth[deepest]) deepest = i;
  const deep = [];
  for (let i = 0; i < n && deep.length < 200; i += 1 + Math.floor(n / 2000)) if (tree.depth[i] >= tree.depth[deepest] * 0.6) deep.push(ids[i]);
  return { seconds: (Date.now() - t0) / 1000, maxDepth: tree.depth[deepest], deep, some: Array.from({ length: 200 }, () => ids[Math.floor(Math.random() * n)]) };
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50ms: +at(0.5).toFixed(2), p99ms: +at(0.99).toFixed(2), maxMs: +s[s.length - 1].toFixed(2) };
}

async function time(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return stats(out);
}


const report = { machine: machine(), sizes: {} };
for (const n of sizes) {
  const db = await createDatabase(`starmap_${n}`);
  const server = await startServer(db.url, { EVENT_PROCESSOR_INTERVAL_MS: '0' }); // runs the migrations
  const conn = await mysql.createConnection({ uri: db.url, timezone: 'Z' });
  try {
    const now = new Date();
    const staffIds = Array.from({ length: 20 }, () => ulid(Date.now()));
    await conn.query('INSERT INTO staff (id, name, role, status, person_id, invited_by, created_at, updated_at) VALUES ?', [staffIds.map((id, i) => [id, `销售${i}`, 'sales', 'active', null, null, now, now])]);
    const adminPerson = ulid(Date.now());
    const adminStaff = ulid(Date.now());
    await conn.query('INSERT INTO persons (id, created_at, updated_at) VALUES (?, ?, ?)', [adminPerson, now, now]);
    await conn.query('INSERT INTO staff (id, name, role, status, person_id, invited_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)', [adminStaff, '市场', 'marketer', 'active', adminPerson, now, now]);
    const seeded = await seed(conn, n, staffIds);
    await conn.query('ANALYZE TABLE share_nodes');
    console.log(`${n} nodes seeded in ${seeded.seconds.toFixed(1)} s, max depth ${seeded.maxDepth}`);

    // the server's own queries, over its own connection pool
    // the ancestor chain as attribution walks it (ShareChainRepository.lineageOf: the narrow lineage index only) …
    const lineageSql = `WITH RECURSIVE chain (id, parent_id) AS (SELECT id, parent_id FROM share_nodes FORCE INDEX (ix_share_nodes_lineage) WHERE id = ? UNION ALL SELECT n.id, n.parent_id FROM share_nodes n FORCE INDEX (ix_share_nodes_lineage) JOIN chain c ON n.id = c.parent_id) SELECT id, parent_id FROM chain`;
    const ancestors = await time((i) => conn.query(lineageSql, [seeded.deep[i % seeded.deep.length]]), 200);
    // … and with every ancestor's whole row (chainOf, for chain credit), on other deep nodes
    const rowsSql = `SELECT s.* FROM share_nodes s WHERE s.id IN (SELECT id FROM (${lineageSql}) AS l)`;
    const ancestorRows = await time((i) => conn.query(rowsSql, [seeded.deep[(i + 100) % seeded.deep.length]]), 200);
    const totals = await time((i) => conn.query('SELECT subtree_nodes, subtree_visitors, subtree_conversions FROM share_nodes WHERE id = ?', [seeded.some[i % seeded.some.length]]), 200);
    const token = sessionToken(adminPerson, adminStaff, 'console', 3600);
    let nodesReturned = 0;
    const starMap = await time(async () => {
      const res = await fetch(`${server.url}/api/share/star-map?contentType=page&contentId=bench`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`star-map ${res.status}: ${await res.text()}`);
      nodesReturned = (await res.json()).nodes.length;
    }, 20);
    report.sizes[n] = { seedSeconds: seeded.seconds, maxDepth: seeded.maxDepth, ancestorChain: ancestors, ancestorRows, subtreeTotals: totals, starMapHttp: { ...starMap, nodesReturned } };
    console.table({ 'ancestor chain (deep nodes)': ancestors, 'ancestor rows (deep nodes)': ancestorRows, 'subtree totals': totals, 'star-map over HTTP': starMap });
  } finally {
    await conn.end();
    await server.stop();
    await db.drop();
  }
}
writeFileSync(join(ROOT, 'bench/results/star-map.json'), `${JSON.stringify(report, null, 2)}\n`);
