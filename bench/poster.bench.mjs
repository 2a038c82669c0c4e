// Share posters: renders N distinct 750 × 1334 posters one after another (default 200), each
// with its own title, sharer and mini-program code, nothing cached between them; half with a
// JPEG cover and avatar, half with the generated placeholders. Reports posters/s and p50/p99.
//   npm run build -w @leadloop/server && node bench/poster.bench.mjs [count]
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { machine, ROOT } from './support.mjs';

const require = createRequire(join(ROOT, 'server/package.json'));
const { createCanvas } = require('@napi-rs/canvas');
const QRCode = require('qrcode');
const { renderPoster } = require(join(ROOT, 'server/dist/modules/posters/poster-renderer.js'));

const count = Number(process.argv[2] ?? 200);
const TOPICS = ['制造业数字化转型白皮书', '工业互联网私域增长实战', 'SaaS 销售线索评分指南', '2026 华东区经销商大会', '从线索到成交：B2B 获客手册', '智能工厂直播公开课'];
const KINDS = ['白皮书', '直播', '活动', '案例'];
const NAMES = ['王小明', '李娜', '张伟', 'Chen Jing', '刘洋', '赵敏'];

/**
 * A photo-like JPEG: gradient sky, hill and sun under fine grain, so that it decodes and
 * recompresses about as a real cover photo does (~150 KiB at 1280 × 720).
 */
function photo(width, height, seed) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const sky = ctx.createLinearGradient(0, 0, width * 0.3, height);
  sky.addColorStop(0, `hsl(${(seed * 47) % 360} 60% 25%)`);
  sky.addColorStop(1, `hsl(${(seed * 47 + 40) % 360} 80% 65%)`);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = 'rgba(255,230,150,0.9)';
  ctx.beginPath();
  ctx.arc(width * 0.7, height * 0.55, height * 0.12, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#14213D';
  ctx.beginPath();
  ctx.moveTo(0, height);
  ctx.bezierCurveTo(width * 0.25, height * 0.55, width * 0.6, height * 0.9, width, height * 0.65);
  ctx.lineTo(width, height);
  ctx.fill();
  const pixels = ctx.getImageData(0, 0, width, height);
  let state = seed * 2654435761 + 1;
  for (let i = 0; i < pixels.data.length; i += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    const grain = ((state >>> 16) & 31) - 16;
    pixels.data[i] += grain;
    pixels.data[i + 1] += grain;
    pixels.data[i + 2] += grain;
  }
  ctx.putImageData(pixels, 0, 0);
  return canvas.encodeSync('jpeg', 85);
}

function token(i) {
  return `P${String(i).padStart(6, '0')}${Math.random().toString(36).slice(2, 11)}`.padEnd(16, 'x').slice(0, 16);
}

const inputs = [];
for (let i = 0; i < count; i++) {
  const withImages = i % 2 === 0;
  inputs.push({
    title: `${TOPICS[i % TOPICS.length]}（第 ${i + 1} 期）：${TOPICS[(i * 5 + 1) % TOPICS.length]}`,
    subtitle: `${KINDS[i % KINDS.length]} · 2026年${(i % 12) + 1}月${(i % 28) + 1}日 14:00`,
    kindLabel: KINDS[i % KINDS.length],
    cover: withImages ? photo(1280, 720, i) : null,
    sharerName: NAMES[i % NAMES.length],
    sharerAvatar: withImages ? photo(132, 132, i + 1) : null,
    code: await QRCode.toBuffer(token(i), { width: 430, margin: 2, errorCorrectionLevel: 'M' }),
  });
}

// one warm-up poster: font registration and Skia's first-use setup are once per process
await renderPoster({ ...inputs[0], title: '预热' });

const samples = [];
let bytes = 0;
const started = process.hrtime.bigint();
for (const input of inputs) {
  const t = process.hrtime.bigint();
  const png = await renderPoster(input);
  samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  bytes += png.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const sorted = [...samples].sort((a, b) => a - b);
const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const split = (even) => {
  const s = samples.filter((_, i) => (i % 2 === 0) === even).sort((a, b) => a - b);
  return { p50ms: +s[Math.floor(s.length / 2)].toFixed(1), p99ms: +s[Math.min(s.length - 1, Math.floor(0.99 * s.length))].toFixed(1) };
};
const report = {
  machine: machine(),
  posters: count,
  postersPerSec: +(count / seconds).toFixed(1),
  p50ms: +at(0.5).toFixed(1),
  p99ms: +at(0.99).toFixed(1),
  maxMs: +sorted[sorted.length - 1].toFixed(1),
  withCoverAndAvatar: split(true),
  withPlaceholders: split(false),
  averagePngKiB: Math.round(bytes / count / 1024),
};
console.table({ all: { 'posters/s': report.postersPerSec, p50ms: report.p50ms, p99ms: report.p99ms }, 'cover + avatar': report.withCoverAndAvatar, placeholders: report.withPlaceholders });
console.log(`average PNG ${report.averagePngKiB} KiB`);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/poster.json'), `${JSON.stringify(report, null, 2)}\n`);
