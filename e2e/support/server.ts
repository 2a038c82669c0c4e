import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../../server/test/support/database';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'server', 'dist', 'main.js');
const CLI = join(ROOT, 'server', 'dist', 'cli', 'staff-invite.js');

export interface RunningServer {
  url: string;
  env: Record<string, string>;
  db: TestDatabase;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

/**
 * The built server as `npm start` runs it (sandbox on, H5 build at /), but on a fresh MariaDB
 * database and a free port.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const db = await createTestDatabase('browser');
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: db.url,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const child: ChildProcess = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    env,
    db,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await db.drop();
    },
  };
}

/** Runs the staff-invite CLI against the server's database, as an operator would. */
export async function createInvite(server: RunningServer, input: { name: string; role: string }): Promise<{ token: string; path: string; link: string }> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, '--name', input.name, '--role', input.role, '--json'], {
    env: { ...server.env, PUBLIC_URL: server.url },
  });
  return JSON.parse(stdout.trim().split('\n').pop() as string);
}
