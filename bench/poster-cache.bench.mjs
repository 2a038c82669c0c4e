// Share posters over HTTP, against the built server on MariaDB with its WeChat sandbox (the only
// way to get real mini-program codes here, so NODE_ENV is development, not production):
//   1. POST /api/posters for `people` distinct people (default 20): uncached, end to end —
//      share token, getwxacodeunlimit (sandbox on loopback), rendering, atomic write;
//   2. POST /api/posters again for each (cache hit: token lookup + stat), 10 rounds;
//   3. GET /api/posters/{key}.png of those cached posters, one request at a time (wall clock
//      on the client, whole body read) alternating with the same GET to a bare Node server that
//      answers one of the posters from memory (bare-file-server.mjs), then with autocannon at 1
//      and 16 connections, ours and bare.
// Target for 3: < 10 ms per cached poster.
//   npx tsc -p server/tsconfig.build.json && node bench/poster-cache.bench.mjs [people] [seconds]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDatabase, freePort, machine, ROOT, startProcess, startServer } from './support.mjs';

const people = Number(process.argv[2] ?? 20);
const seconds = Number(process.argv[3] ?? 10);

const stats = (samples) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => +s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2);
  return { n: s.length, p50ms: at(0.5), p99ms: at(0.99), maxMs: +s[s.length - 1].toFixed(2) };
};

async function timed(call) {
  const t = process.hrtime.bigint();
  const value = await call();
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 };
}

const db = await createDatabase('poster');
const posterDir = mkdtempSync(join(tmpdir(), 'leadloop-poster-bench-'));
// development + sandbox: blank WeChat settings are treated as unset
const server = await startServer(db.url, {
  NODE_ENV: 'development',
  WECHAT_APPID: '',
  WECHAT_SECRET: '',
  WECHAT_API_BASE: '',
  WECHAT_SANDBOX: 'true',
  POSTER_DIR: posterDir,
  EVENT_PROCESSOR_INTERVAL_MS: '0',
});
try {
  const post = async (path, body, token) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const sessions = [];
  for (let i = 0; i < people; i++) {
    const { code } = await post(`/sandbox/personas/poster-bench-${i}/login-code`);
    sessions.push((await post('/api/auth/wechat/login', { code })).token);
  }
  const HOME = { contentType: 'page', contentId: 'home' };

  // warm-up on one extra person: font registration and Skia's first use are once per process
  {
    const { code } = await post('/sandbox/personas/poster-bench-warm/login-code');
    await post('/api/posters', HOME, (await post('/api/auth/wechat/login', { code })).token);
  }

  const uncached = [];
  const urls = [];
  for (const token of sessions) {
    const { value, ms } = await timed(() => post('/api/posters', HOME, token));
    if (value.cached) throw new Error('expected a fresh poster');
    uncached.push(ms);
    urls.push(value.url);
  }
  const cachedPost = [];
  for (let round = 0; round < 10; round++) {
    for (const token of sessions) {
      const { value, ms } = await timed(() => post('/api/posters', HOME, token));
      if (!value.cached) throw new Error('expected a cached poster');
      cachedPost.push(ms);
    }
  }

  const get = async (url) => {
    const { ms } = await timed(async () => {
      const res = await fetch(url);
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
      await res.arrayBuffer();
    });
    return ms;
  };
  const cannon = async (base, paths, connections) => {
    let next = 0;
    const result = await autocannon({
      url: base,
      connections,
      duration: seconds,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
    });
    return {
      connections,
      requestsPerSec: Math.round(result.requests.average),
      MiBPerSec: +(result.throughput.average / 2 ** 20).toFixed(1),
      p50ms: result.latency.p50,
      p99ms: result.latency.p99,
      maxMs: result.latency.max,
      errors: result.errors + result.timeouts + result.non2xx,
    };
  };

  const png = Buffer.from(await (await fetch(`${server.url}${urls[0]}`)).arrayBuffer());
  const file = join(posterDir, 'bare.png');
  writeFileSync(file, png);
  const barePort = await freePort();
  const bareServer = await startProcess(join(ROOT, 'bench/bare-file-server.mjs'), { PATH: process.env.PATH, FILE: file, PORT: String(barePort) }, barePort);
  const sequential = { ours: [], bare: [] };
  const flat = { ours: [], bare: [] };
  try {
    // one request at a time, alternating ours and bare so that both see the same noise from
    // whatever else the machine is doing; the first 100 of each warm connections and caches
    for (let i = 0; i < 2200; i++) {
      const ours = i % 2 === 0;
      const ms = await get(ours ? `${server.url}${urls[(i >> 1) % urls.length]}` : `${bareServer.url}/poster.png`);
      if (i >= 200) sequential[ours ? 'ours' : 'bare'].push(ms);
    }
    for (const connections of [1, 16]) {
      flat.ours.push(await cannon(server.url, urls, connections));
      flat.bare.push(await cannon(bareServer.url, ['/poster.png'], connections));
    }
  } finally {
    await bareServer.stop();
  }

  const report = {
    machine: machine(),
    people,
    posterKiB: Math.round(png.length / 1024),
    uncachedPost: stats(uncached),
    cachedPost: stats(cachedPost),
    cachedGetSequential: { ours: stats(sequential.ours), bare: stats(sequential.bare) },
    cachedGetAutocannon: flat,
  };
  console.table({ 'POST uncached': report.uncachedPost, 'POST cached': report.cachedPost, 'GET cached, one at a time': report.cachedGetSequential.ours, 'bare GET, one at a time': report.cachedGetSequential.bare });
  console.table([...flat.ours.map((r) => ({ target: 'ours', ...r })), ...flat.bare.map((r) => ({ target: 'bare', ...r }))]);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/poster-cache.json'), `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await server.stop();
  await db.drop();
  rmSync(posterDir, { recursive: true, force: true });
}
