// Shared pieces of the benchmarks: databases, the built server, load generation, reporting.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import os from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The session secret every bench server runs with, so a bench can sign its own sessions. */
export const SESSION_SECRET = 'bench-session-secret-0123456789abcdef0123';
export const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  return port;
}

export async function createDatabase(label) {
  const name = `bench_${label}_${randomBytes(3).toString('hex')}`;
  const conn = await mysql.createConnection({ uri: MYSQL_URL });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    name,
    url: `${MYSQL_URL}/${name}`,
    drop: async () => {
      const c = await mysql.createConnection({ uri: MYSQL_URL });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** The built server in production mode (no sandbox, JSON logs at warn), on a free port. */
export async function startServer(databaseUrl, extraEnv = {}) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET,
    PII_KEY: Buffer.alloc(32, 3).toString('base64'),
    WECHAT_APPID: 'wx00000000000000bb',
    WECHAT_SECRET: 'bench-secret-not-used',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    // the load comes from one address: limits are counted (their cost is measured) but never reached
    RATE_LIMIT_SCALE: '10000',
    ...extraEnv,
  };
  return startProcess(join(ROOT, 'server/dist/main.js'), env, port);
}

export async function startProcess(script, env, port) {
  // BENCH_PROFILE_DIR=/tmp/prof: the server writes a CPU profile there when it stops
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, script], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, stop: async () => { child.kill('SIGTERM'); await once(child, 'exit'); } };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${script} did not answer`);
}

/** Runs autocannon against one endpoint; every request gets a fresh body from `makeBody`. */
export async function load({ url, path, makeBody, connections = 32, seconds = 10, headers = {}, rate }) {
  const result = await autocannon({
    url: `${url}${path}`,
    method: 'POST',
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (req) => ({ ...req, body: makeBody() }) }],
  });
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

export function machine() {
  const cpus = os.cpus();
  return { date: new Date().toISOString(), node: process.version, cores: cpus.length, cpu: cpus[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30) };
}

const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// random bytes drawn from a pool: one randomBytes call per 4 096 ids (10⁷ calls would dominate a seeding)
let pool = Buffer.alloc(0);
let at = 0;

/** A ULID for the millisecond `ms`, as the server makes its ids. */
export function ulid(ms) {
  let t = '';
  for (let i = 0, v = ms; i < 10; i++, v = Math.floor(v / 32)) t = ULID_CHARS[v % 32] + t;
  if (at + 16 > pool.length) [pool, at] = [randomBytes(16 * 4096), 0];
  let r = '';
  for (let i = 0; i < 16; i++) r += ULID_CHARS[pool[at++] % 32];
  return t + r;
}

/** A session token the bench servers accept: `kind` is 'app' (the mini-program) or 'console'. */
export function sessionToken(personId, staffId, kind, ttlSeconds = 6 * 3600) {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const payload = Buffer.from(JSON.stringify({ sub: personId, stf: staffId, knd: kind, iat: now, exp: now + ttlSeconds })).toString('base64url');
  return `${header}.${payload}.${createHmac('sha256', SESSION_SECRET).update(`${header}.${payload}`).digest('base64url')}`;
}
