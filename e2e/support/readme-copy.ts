import { type ChildProcess, exec, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
const WORKSPACES = ['shared', 'server', 'miniapp'];
/** Left out of the copy: installed packages (linked instead), data, history, test output, the weapp build. */
const SKIP_AT_ROOT = new Set(['node_modules', 'data', '.git', 'artifacts', 'bench', 'e2e']);
const SKIP_PATHS = new Set([join('miniapp', 'dist', 'weapp')]);

/**
 * A fresh folder holding the product as a clone after `npm install` would: the sources and built
 * outputs copied with their times (so nothing looks stale), `node_modules` linked, and no `data/`.
 * Commands run in it exactly as the README writes them, with only the documented PORT set.
 */
export interface ProductCopy {
  dir: string;
  /** The environment every command gets: a clean one with PORT (documented in the README). */
  env: Record<string, string>;
  /** Runs a shell command line in the copy and answers what it printed. */
  run(command: string): Promise<{ stdout: string; stderr: string }>;
  /** Starts a long-running command line (`npm start`) in its own process group. */
  start(command: string): RunningCommand;
  remove(): void;
}

export interface RunningCommand {
  output(): string;
  /** Waits until `ready` answers true (or fails with everything printed so far). */
  waitUntil(ready: () => Promise<boolean>, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** Copies `path` (relative to the repository) with its modification times, which `npm start` compares. */
function copyTree(path: string, to: string): void {
  const from = join(ROOT, path);
  const stat = statSync(from);
  if (stat.isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from)) {
      if (entry !== 'node_modules' && !SKIP_PATHS.has(join(path, entry))) copyTree(join(path, entry), join(to, entry));
    }
  } else if (stat.isFile()) {
    copyFileSync(from, to);
  } else {
    return;
  }
  utimesSync(to, stat.atime, stat.mtime);
}

export function copyProduct(port: number): ProductCopy {
  const dir = mkdtempSync(join(tmpdir(), 'leadloop-readme-'));
  for (const entry of readdirSync(ROOT)) if (!SKIP_AT_ROOT.has(entry)) copyTree(entry, join(dir, entry));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const workspace of WORKSPACES) {
    const modules = join(ROOT, workspace, 'node_modules');
    if (existsSync(modules)) symlinkSync(modules, join(dir, workspace, 'node_modules'));
  }
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, LANG: 'C.UTF-8', PORT: String(port) };

  return {
    dir,
    env,
    run: (command) => promisify(exec)(command, { cwd: dir, env, shell: '/bin/bash', encoding: 'utf8' }),
    start(command) {
      const child: ChildProcess = spawn('/bin/bash', ['-c', command], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      return {
        output: () => output,
        async waitUntil(ready, timeoutMs) {
          const deadline = Date.now() + timeoutMs;
          while (!(await ready())) {
            if (child.exitCode !== null) throw new Error(`\`${command}\` exited (${child.exitCode}):\n${output}`);
            if (Date.now() > deadline) throw new Error(`\`${command}\` did not get ready:\n${output}`);
            await new Promise((r) => setTimeout(r, 200));
          }
        },
        async stop() {
          if (child.exitCode !== null || child.pid === undefined) return;
          const exited = once(child, 'exit');
          process.kill(-child.pid, 'SIGTERM'); // npm, the start script and the server: the group started here
          await exited;
        },
      };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
