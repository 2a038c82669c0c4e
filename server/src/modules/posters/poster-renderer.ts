import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { coverCrop, encodeOpaquePng, LAYOUT, POSTER_HEIGHT, POSTER_WIDTH, readCmapCoverage, wrapText } from './poster-layout';

export { POSTER_HEIGHT, POSTER_WIDTH };

/** The only family posters draw text with: the Noto Sans SC files shipped in node_modules. */
export const POSTER_FONT_FAMILY = 'Poster Sans';

export interface PosterInput {
  title: string;
  /** A second line under the title, e.g. the event time or "白皮书". */
  subtitle?: string;
  /** PNG or JPEG of the content's cover; null (or an undecodable buffer) draws a placeholder. */
  cover: Buffer | null;
  /** Shown large on the placeholder cover, e.g. "直播" or "白皮书"; defaults to the subtitle. */
  kindLabel?: string;
  sharerName: string;
  /** null (or an undecodable buffer) draws a circle with the name's first character. */
  sharerAvatar: Buffer | null;
  /** The PNG mini-program code from WeChat's getwxacodeunlimit. */
  code: Buffer;
  caption?: string;
  /** The company the mini-program speaks for (brand settings): byline, footer and accent colour. */
  brand: PosterBrand;
}

export interface PosterBrand {
  /** The company's name; '' before an admin sets it (the poster then names no one). */
  name: string;
  /** `#rrggbb`. */
  colour: string;
}

const FONT_DIR = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const FONT_FILES = ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'].map((f) => join(FONT_DIR, f));

const INK = '#1D2129';
const MUTED = '#86909C';
const DEEP = '#1F3C88';
const PAGE = '#F4F6FA';
const AVATAR_COLOURS = ['#1F5EFF', '#7B5CFF', '#00A870', '#FF8800', '#FF6B4A', '#1F3C88'];

let coverage: Uint8Array | null = null;
/** The accent colour of the poster being drawn (drawing is synchronous, so one render at a time sets it). */
let BRAND = '#1F5EFF';
/** Every text the poster being drawn shows, in drawing order: written into the PNG as its description. */
let drawn: string[] = [];

/** Registers the shipped fonts once per process and reads which code points both weights cover. */
function fonts(): Uint8Array {
  if (coverage) return coverage;
  for (const file of FONT_FILES) {
    if (!GlobalFonts.registerFromPath(file, POSTER_FONT_FAMILY)) throw new Error(`cannot register poster font ${file}`);
  }
  const [regular, bold] = FONT_FILES.map(readCmapCoverage);
  coverage = regular.map((bits, i) => bits & bold[i]);
  return coverage;
}

function hasGlyph(cp: number): boolean {
  return (fonts()[cp >> 3] & (1 << (cp & 7))) !== 0;
}

/** The characters of `text` (whitespace aside) that the poster font has no glyph for, once each. */
export function fontCoverage(text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text.normalize('NFC')) if (!/\s/u.test(ch) && !hasGlyph(ch.codePointAt(0)!)) missing.add(ch);
  return [...missing];
}

/**
 * Text as the poster draws it: whitespace collapsed, characters without a glyph dropped, so
 * Skia never falls back to a host font or draws a tofu box. Services check `fontCoverage` first.
 */
export function posterText(text: string): string {
  return Array.from(text.normalize('NFC').replace(/\s+/gu, ' '))
    .filter((ch) => ch === ' ' || hasGlyph(ch.codePointAt(0)!))
    .join('')
    .trim();
}

const font = (weight: 400 | 700, size: number) => `${weight} ${size}px "${POSTER_FONT_FAMILY}"`;

let measurer: SKRSContext2D | null = null;
function measureWith(weight: 400 | 700, size: number): (s: string) => number {
  if (!measurer) {
    measurer = createCanvas(1, 1).getContext('2d');
    measurer.lang = 'zh-CN';
  }
  const ctx = measurer;
  return (s) => {
    ctx.font = font(weight, size);
    return ctx.measureText(s).width;
  };
}

/** The title's lines as the poster draws them (bold, at most three, '…' when cut). */
export function titleLines(title: string): string[] {
  const { width, maxLines, fontSize } = LAYOUT.title;
  return wrapText(posterText(title), width, maxLines, measureWith(700, fontSize));
}

function oneLine(text: string, weight: 400 | 700, size: number, width: number): string {
  return wrapText(posterText(text), width, 1, measureWith(weight, size))[0] ?? '';
}

async function decode(buffer: Buffer | null): Promise<Image | null> {
  if (!buffer || buffer.length === 0) return null;
  try {
    const image = await loadImage(buffer);
    return image.width > 0 && image.height > 0 ? image : null;
  } catch {
    return null;
  }
}

/** A 750 × 1334 PNG share poster. Throws only when the mini-program code itself is unreadable. */
export async function renderPoster(input: PosterInput): Promise<Buffer> {
  fonts();
  const [cover, avatar, code] = await Promise.all([decode(input.cover), decode(input.sharerAvatar), decode(input.code)]);
  if (!code) throw new Error('the mini-program code is not a decodable image');
  const canvas = createCanvas(POSTER_WIDTH, POSTER_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'zh-CN';
  ctx.imageSmoothingQuality = 'high';
  // from here to the encoding nothing awaits: the module-level colour and text list belong to this render
  BRAND = /^#[0-9a-fA-F]{6}$/.test(input.brand.colour) ? input.brand.colour : BRAND;
  drawn = [];
  const company = posterText(input.brand.name);
  drawBackdrop(ctx);
  drawSharer(ctx, input.sharerName, avatar, company);
  drawCover(ctx, cover, input.kindLabel ?? input.subtitle ?? '精选内容', company);
  drawTitle(ctx, input.title, input.subtitle);
  drawCode(ctx, code, input.caption ?? '长按识别小程序码', company);
  const description = drawn.join('\n');
  // every pixel is opaque (the backdrop fills the canvas), so the premultiplied pixels are straight
  return encodeOpaquePng(canvas.data(), canvas.width, canvas.height, description);
}

interface TextStyle {
  weight: 400 | 700;
  size: number;
  colour: string;
  align?: 'left' | 'center';
  baseline?: 'top' | 'middle';
}

function text(ctx: SKRSContext2D, value: string, x: number, y: number, style: TextStyle) {
  drawn.push(value);
  ctx.font = font(style.weight, style.size);
  ctx.fillStyle = style.colour;
  ctx.textAlign = style.align ?? 'left';
  ctx.textBaseline = style.baseline ?? 'top';
  ctx.fillText(value, x, y);
}

function disc(ctx: SKRSContext2D, x: number, y: number, r: number, colour: string) {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}

function roundRect(ctx: SKRSContext2D, box: { x: number; y: number; width: number; height: number; radius: number }) {
  ctx.beginPath();
  ctx.roundRect(box.x, box.y, box.width, box.height, box.radius);
}

/** Draws `image` over the box, cropped to fill it (object-fit: cover). */
function fill(ctx: SKRSContext2D, image: Image, box: { x: number; y: number; width: number; height: number }) {
  const crop = coverCrop(image.width, image.height, box.width, box.height);
  ctx.drawImage(image, crop.sx, crop.sy, crop.sw, crop.sh, box.x, box.y, box.width, box.height);
}

function drawBackdrop(ctx: SKRSContext2D) {
  const { band, card } = LAYOUT;
  ctx.fillStyle = PAGE;
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
  const gradient = ctx.createLinearGradient(0, 0, POSTER_WIDTH, band.height);
  gradient.addColorStop(0, DEEP);
  gradient.addColorStop(1, BRAND);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, POSTER_WIDTH, band.height);
  disc(ctx, 690, 40, 150, 'rgba(255,255,255,0.07)');
  disc(ctx, 560, 150, 70, 'rgba(255,255,255,0.07)');
  ctx.fillStyle = 'rgba(20,33,61,0.06)'; // a soft edge under the card, cheaper than a blurred shadow
  roundRect(ctx, { ...card, y: card.y + 6, radius: card.radius + 2 });
  ctx.fill();
  ctx.fillStyle = '#FFFFFF';
  roundRect(ctx, card);
  ctx.fill();
}

function drawSharer(ctx: SKRSContext2D, name: string, avatar: Image | null, company: string) {
  const { x, y, size } = LAYOUT.avatar;
  const r = size / 2;
  disc(ctx, x + r, y + r, r + 4, 'rgba(255,255,255,0.9)');
  ctx.save();
  ctx.beginPath();
  ctx.arc(x + r, y + r, r, 0, Math.PI * 2);
  ctx.clip();
  if (avatar) {
    fill(ctx, avatar, { x, y, width: size, height: size });
  } else {
    const shown = Array.from(posterText(name));
    const hash = shown.reduce((h, ch) => (h * 31 + ch.codePointAt(0)!) >>> 0, 0);
    ctx.fillStyle = AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
    ctx.fillRect(x, y, size, size);
    text(ctx, shown[0] ?? '友', x + r, y + r + 2, { weight: 700, size: 40, colour: '#FFFFFF', align: 'center', baseline: 'middle' });
  }
  ctx.restore();
  const textX = x + size + 24;
  text(ctx, oneLine(name, 700, 32, POSTER_WIDTH - textX - 48), textX, y + 4, { weight: 700, size: 32, colour: '#FFFFFF' });
  const byline = company ? oneLine(`向你推荐${company}的内容`, 400, 24, POSTER_WIDTH - textX - 48) : '向你推荐了一份好内容';
  text(ctx, byline, textX, y + 52, { weight: 400, size: 24, colour: 'rgba(255,255,255,0.78)' });
}

function drawCover(ctx: SKRSContext2D, cover: Image | null, kindLabel: string, company: string) {
  const box = LAYOUT.cover;
  ctx.save();
  roundRect(ctx, box);
  ctx.clip();
  if (cover) {
    fill(ctx, cover, box);
  } else {
    const gradient = ctx.createLinearGradient(box.x, box.y, box.x + box.width, box.y + box.height);
    gradient.addColorStop(0, DEEP);
    gradient.addColorStop(0.55, BRAND);
    gradient.addColorStop(1, '#5AC8FA');
    ctx.fillStyle = gradient;
    ctx.fillRect(box.x, box.y, box.width, box.height);
    for (const [dx, dy, r] of [[560, 40, 170], [80, 330, 120], [470, 300, 60]]) disc(ctx, box.x + dx, box.y + dy, r, 'rgba(255,255,255,0.08)');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const centred = { align: 'center', baseline: 'middle' } as const;
    text(ctx, oneLine(kindLabel, 700, 60, box.width - 96), cx, cy - 14, { weight: 700, size: 60, colour: '#FFFFFF', ...centred });
    ctx.fillRect(cx - 28, cy + 36, 56, 4);
    text(ctx, oneLine(company ? `${company} · 精选内容` : '精选内容', 400, 22, box.width - 96), cx, cy + 70, { weight: 400, size: 22, colour: 'rgba(255,255,255,0.75)', ...centred });
  }
  ctx.restore();
}

function drawTitle(ctx: SKRSContext2D, title: string, subtitle: string | undefined) {
  const { x, y, lineHeight, fontSize, width } = LAYOUT.title;
  const lines = titleLines(title);
  lines.forEach((line, i) => text(ctx, line, x, y + i * lineHeight, { weight: 700, size: fontSize, colour: INK }));
  const second = subtitle ? oneLine(subtitle, 400, 26, width - 20) : '';
  if (!second) return;
  const top = y + lines.length * lineHeight + 18;
  ctx.fillStyle = BRAND;
  roundRect(ctx, { x, y: top + 3, width: 6, height: 26, radius: 3 });
  ctx.fill();
  text(ctx, second, x + 20, top, { weight: 400, size: 26, colour: MUTED });
}

function drawCode(ctx: SKRSContext2D, code: Image, caption: string, company: string) {
  const { card, divider, title } = LAYOUT;
  ctx.strokeStyle = '#E5E8EF';
  ctx.lineWidth = 2;
  ctx.setLineDash([10, 8]);
  ctx.beginPath();
  ctx.moveTo(title.x, divider.y);
  ctx.lineTo(title.x + title.width, divider.y);
  ctx.stroke();
  ctx.setLineDash([]);
  // ticket notches where the dashed line meets the card's edges
  for (const cx of [card.x, card.x + card.width]) disc(ctx, cx, divider.y, 16, PAGE);

  const { x, y, size, quietZone } = LAYOUT.code;
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(x - quietZone, y - quietZone, size + quietZone * 2, size + quietZone * 2);
  ctx.imageSmoothingEnabled = code.width > size; // shrink smoothly, enlarge with crisp modules
  ctx.drawImage(code, x, y, size, size);

  const left = title.x;
  const textWidth = x - quietZone - left;
  const captionLines = wrapText(posterText(caption), textWidth, 2, measureWith(700, 32));
  captionLines.forEach((line, i) => text(ctx, line, left, y + 40 + i * 46, { weight: 700, size: 32, colour: INK }));
  const below = y + 40 + captionLines.length * 46 + 12;
  text(ctx, '查看完整内容与专属服务', left, below, { weight: 400, size: 24, colour: MUTED });
  ctx.strokeStyle = BRAND;
  ctx.lineWidth = 4;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(left, below + 70);
  ctx.lineTo(left + 96, below + 70);
  ctx.moveTo(left + 84, below + 58);
  ctx.lineTo(left + 96, below + 70);
  ctx.lineTo(left + 84, below + 82);
  ctx.stroke();
  if (company) text(ctx, oneLine(company, 700, 22, textWidth), left, y + size - 24, { weight: 700, size: 22, colour: '#86909C' });
}
