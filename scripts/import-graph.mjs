// The import directions of server/src: which area (core, database, config, each feature under
// modules/) imports which, the cycles between areas and between files, and the rules the
// architecture holds (docs/ARCHITECTURE.md). Exits non-zero when a rule is broken.
//
//   node scripts/import-graph.mjs          # areas, their arrows, cycles, rule checks
//   node scripts/import-graph.mjs --files  # also every file-level arrow
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const src = join(root, 'server', 'src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** `modules/live/x.ts` → `live`; `core/x.ts` → `core`; `app.module.ts` → `app` (the assembly). */
function areaOf(file) {
  const parts = relative(src, file).split('/');
  if (parts[0] === 'modules') return parts[1];
  if (parts.length === 1) return 'app';
  return parts[0] === 'database' && parts[1] === 'migrations' ? 'database' : parts[0];
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gms;
const all = files(src);
const fileEdges = new Map(all.map((f) => [f, new Set()]));
for (const file of all) {
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const target = resolveImport(file, match[1]);
    if (target) fileEdges.get(file).add(target);
  }
}

const areaEdges = new Map();
for (const [from, targets] of fileEdges) {
  for (const to of targets) {
    const [a, b] = [areaOf(from), areaOf(to)];
    if (a === b) continue;
    if (!areaEdges.has(a)) areaEdges.set(a, new Map());
    const why = areaEdges.get(a);
    if (!why.has(b)) why.set(b, []);
    why.get(b).push(`${relative(src, from)} → ${relative(src, to)}`);
  }
}

/** Strongly connected components with more than one member (Tarjan). */
function cycles(nodes, next) {
  let index = 0;
  const stack = [];
  const seen = new Map();
  const found = [];
  const visit = (v) => {
    const state = { index, low: index, onStack: true };
    seen.set(v, state);
    index++;
    stack.push(v);
    for (const w of next(v)) {
      if (!seen.has(w)) {
        visit(w);
        state.low = Math.min(state.low, seen.get(w).low);
      } else if (seen.get(w).onStack) state.low = Math.min(state.low, seen.get(w).index);
    }
    if (state.low === state.index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        seen.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of nodes) if (!seen.has(v)) visit(v);
  return found;
}

const areas = [...new Set(all.map(areaOf))].sort();
const features = new Set(readdirSync(join(src, 'modules')));
const out = [];
out.push(`Import directions of server/src (${all.length} files, specs left out); an arrow is "imports from".`, '');
for (const a of areas) {
  const targets = [...(areaEdges.get(a)?.keys() ?? [])].sort();
  out.push(`${a.padEnd(12)} → ${targets.join(', ') || '(nothing)'}`);
}

const broken = [];
for (const lower of ['core', 'database', 'config']) {
  for (const [to, why] of areaEdges.get(lower) ?? []) {
    if (features.has(to) || to === 'app') broken.push(`${lower}/ imports ${to}: ${why.join('; ')}`);
  }
}
for (const [a, b] of [['identity', 'staff'], ['staff', 'identity']]) {
  const why = areaEdges.get(a)?.get(b);
  if (why && areaEdges.get(b)?.has(a)) broken.push(`${a} ↔ ${b}: ${why.join('; ')}`);
}
const areaCycles = cycles(areas, (a) => [...(areaEdges.get(a)?.keys() ?? [])]);
const fileCycles = cycles(all, (f) => [...fileEdges.get(f)]);

out.push('', 'Cycles between areas:', ...(areaCycles.length ? areaCycles.map((c) => `  ${c.join(' ↔ ')}`) : ['  none']));
for (const c of areaCycles) {
  for (const a of c) for (const b of c) if (areaEdges.get(a)?.has(b)) out.push(`    ${a} → ${b}: ${areaEdges.get(a).get(b).join('; ')}`);
}
out.push('', 'Cycles between files:', ...(fileCycles.length ? fileCycles.map((c) => `  ${c.map((f) => relative(src, f)).join(' ↔ ')}`) : ['  none']));
out.push('', 'Rules: core/, database/ and config/ import no feature; identity and staff do not import each other both ways.');
out.push(...(broken.length ? broken.map((b) => `  BROKEN ${b}`) : ['  all hold']));
if (process.argv.includes('--files')) {
  out.push('', 'Arrows between areas, file by file:');
  for (const [a, targets] of [...areaEdges].sort()) for (const [b, why] of [...targets].sort()) out.push(`  ${a} → ${b}`, ...why.map((w) => `      ${w}`));
}
process.stdout.write(`${out.join('\n')}\n`);
process.exit(broken.length ? 1 : 0);
