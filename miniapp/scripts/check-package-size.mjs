#!/usr/bin/env node
// Reports the size of the weapp main package and of each subpackage, and fails when any of them
// exceeds WeChat's 2 MB limit. Run after `npm run build:weapp`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT = 2 * 1024 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');
// Files WeChat does not upload as part of any package.
const IGNORED = new Set(['project.config.json', 'project.private.config.json']);

if (!existsSync(join(root, 'app.json'))) {
  console.error(`No weapp build at ${root}; run npm run build:weapp first.`);
  process.exit(1);
}

const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
const subpackages = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/^\/+|\/+$/g, ''));

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const sizes = new Map([['(main)', 0], ...subpackages.map((r) => [r, 0])]);
const counts = new Map([...sizes.keys()].map((k) => [k, 0]));
for (const file of walk(root)) {
  const rel = relative(root, file).split(sep).join('/');
  if (IGNORED.has(rel) || rel.endsWith('.map')) continue;
  const owner = subpackages.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? '(main)';
  sizes.set(owner, sizes.get(owner) + statSync(file).size);
  counts.set(owner, counts.get(owner) + 1);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const rows = [...sizes].map(([name, bytes]) => ({ name, files: counts.get(name), bytes }));
const total = rows.reduce((sum, r) => sum + r.bytes, 0);
const width = Math.max(...rows.map((r) => r.name.length), 'package'.length);
console.log(`${'package'.padEnd(width)}  ${'files'.padStart(5)}  ${'size (KB)'.padStart(10)}  ${'limit'.padStart(6)}`);
for (const r of rows) {
  const pct = ((r.bytes / LIMIT) * 100).toFixed(1);
  const flag = r.bytes > LIMIT ? '  OVER 2 MB' : '';
  console.log(`${r.name.padEnd(width)}  ${String(r.files).padStart(5)}  ${kb(r.bytes).padStart(10)}  ${`${pct}%`.padStart(6)}${flag}`);
}
console.log(`${'total'.padEnd(width)}  ${''.padStart(5)}  ${kb(total).padStart(10)}`);

const over = rows.filter((r) => r.bytes > LIMIT);
if (over.length > 0) {
  console.error(`\n${over.map((r) => r.name).join(', ')} exceed${over.length === 1 ? 's' : ''} the 2 MB package limit.`);
  process.exit(1);
}
console.log('\nEvery package is within the 2 MB limit.');
