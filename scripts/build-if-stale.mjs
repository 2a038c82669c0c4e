// Builds the shared contracts, the server and the H5 mini-program when their sources are newer
// than their output, so `npm start` and `npm test` work on a fresh clone and stay quick after.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');

const targets = [
  { name: 'shared', sources: ['shared/src', 'shared/tsconfig.json'], output: 'shared/dist/index.js', command: 'npm run build -w @leadloop/shared' },
  { name: 'server', sources: ['server/src', 'shared/src', 'server/tsconfig.json'], output: 'server/dist/main.js', command: 'npm run build -w @leadloop/server' },
  { name: 'mini-program (H5)', sources: ['miniapp/src', 'miniapp/config', 'shared/src'], output: 'miniapp/dist/h5/index.html', command: 'npm run build:h5 -w @leadloop/miniapp' },
];

function newest(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((max, entry) => Math.max(max, newest(join(path, entry))), stat.mtimeMs);
}

export function buildIfStale({ only } = {}) {
  for (const target of targets) {
    if (only && !only.includes(target.name)) continue;
    const output = join(root, target.output);
    const stale = !existsSync(output) || Math.max(...target.sources.map(newest)) > statSync(output).mtimeMs;
    if (!stale) continue;
    run(target);
  }
}

/**
 * In a terminal the build shows its own progress. Anywhere else (CI, a log file, a test) its
 * progress bars would repeat line after line: the output is kept back and shown only on failure.
 */
function run(target) {
  const started = Date.now();
  const quiet = !process.stdout.isTTY;
  process.stdout.write(`Building ${target.name}…${quiet ? '' : '\n'}`);
  const result = spawnSync(target.command, {
    cwd: root,
    shell: true,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    if (quiet) process.stdout.write(` failed\n${result.stdout}${result.stderr}`);
    throw new Error(`${target.command} failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  if (quiet) process.stdout.write(` done in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();
