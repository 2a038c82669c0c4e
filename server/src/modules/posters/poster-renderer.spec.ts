import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { qrPng } from '../sandbox/qr-png';
import { LAYOUT, pngDescription, wrapText } from './poster-layout';
import { fontCoverage, POSTER_FONT_FAMILY, POSTER_HEIGHT, POSTER_WIDTH, renderPoster, titleLines, type PosterInput } from './poster-renderer';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'artifacts');
const TITLE = '2026 制造业数字化转型白皮书：从线索到成交';
const TOKEN = 'Q7hK2mZp9XwR4tLb';
const INK = '#1D2129';

const base = (): PosterInput => ({
  title: TITLE,
  subtitle: '白皮书 · 2026年3月18日 发布',
  kindLabel: '白皮书',
  cover: null,
  sharerName: '王小明',
  sharerAvatar: null,
  code: qrPng(TOKEN, 430),
  brand: { name: '云启科技有限公司', colour: '#0a7c5a' },
});

function scan(image: PNG): string | undefined {
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data;
}

/** RGB of every pixel in a rectangle of an RGBA buffer `width` pixels wide. */
function region(rgba: Uint8Array, width: number, box: { x: number; y: number; w: number; h: number }): Buffer {
  const out = Buffer.alloc(box.w * box.h * 3);
  let o = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++, o += 3) {
      const i = (y * width + x) * 4;
      out[o] = rgba[i];
      out[o + 1] = rgba[i + 1];
      out[o + 2] = rgba[i + 2];
    }
  }
  return out;
}

/** One character in the poster font, alone on white. */
function glyph(ch: string): Buffer {
  const canvas = createCanvas(80, 80);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'zh-CN';
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, 80, 80);
  ctx.fillStyle = '#000000';
  ctx.font = `700 64px "${POSTER_FONT_FAMILY}"`;
  ctx.textBaseline = 'top';
  ctx.fillText(ch, 8, 4);
  return canvas.data();
}

describe('renderPoster', () => {
  let png: Buffer;
  let image: PNG;

  beforeAll(async () => {
    png = await renderPoster(base());
    image = PNG.sync.read(png);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'poster-sample.png'), png);
  });

  it('speaks for the company in its byline and footer, never for this product', async () => {
    const said = pngDescription(png)!;
    expect(said).toContain('向你推荐云启科技有限公司的内容');
    expect(said.split('\n')).toContain('云启科技有限公司');
    expect(said.replace(/\n/g, '')).toContain(TITLE);
    const unnamed = pngDescription(await renderPoster({ ...base(), brand: { name: '', colour: '#1f5eff' } }))!;
    for (const text of [said, unnamed]) expect(text).not.toMatch(/LeadLoop|线索闭环/i);
    expect(unnamed).toContain('向你推荐了一份好内容');
  });

  it('is a 750 × 1334 PNG', () => {
    expect([image.width, image.height]).toEqual([750, 1334]);
    expect([POSTER_WIDTH, POSTER_HEIGHT]).toEqual([750, 1334]);
  });

  it('carries a mini-program code that scans to exactly the share token', () => {
    expect(LAYOUT.code.size).toBeGreaterThanOrEqual(260);
    expect(scan(image)).toBe(TOKEN);
  });

  it('draws the title in the shipped font, pixel for pixel as the font renders it alone', () => {
    const lines = titleLines(TITLE);
    expect(lines).toEqual(['2026 制造业数字化转型白皮书：', '从线索到成交']);
    const { x, y, width, lineHeight, fontSize } = LAYOUT.title;
    const alone = createCanvas(POSTER_WIDTH, POSTER_HEIGHT);
    const ctx = alone.getContext('2d');
    ctx.lang = 'zh-CN';
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
    ctx.fillStyle = INK;
    ctx.font = `700 ${fontSize}px "${POSTER_FONT_FAMILY}"`;
    ctx.textBaseline = 'top';
    lines.forEach((line, i) => ctx.fillText(line, x, y + i * lineHeight));

    const box = { x, y, w: width, h: lines.length * lineHeight };
    const drawn = region(image.data, POSTER_WIDTH, box);
    expect(drawn.equals(region(alone.data(), POSTER_WIDTH, box))).toBe(true);
    const inked = drawn.filter((v, i) => i % 3 === 0 && v < 128).length;
    expect(inked).toBeGreaterThan(5000); // text, not an empty box
  });

  it('has a distinct glyph for each Chinese character (tofu boxes would all be alike)', () => {
    expect(glyph('制').equals(glyph('造'))).toBe(false);
    expect(glyph('线').equals(glyph('索'))).toBe(false);
    // the control: two private-use code points the font lacks come out as the same box
    expect(glyph('\uE000').equals(glyph('\uE001'))).toBe(true);
  });

  it('reports the characters the shipped font lacks', () => {
    expect(fontCoverage(TITLE)).toEqual([]);
    expect(fontCoverage('长按识别小程序码 龘 ABC，。')).toEqual([]);
    expect(fontCoverage('限时😀优惠\uE000')).toEqual(['😀', '\uE000']);
  });

  it('falls back to the placeholders when the cover or avatar is corrupt', async () => {
    const corrupt = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('not really a png at all')]);
    const truncatedJpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex');
    const poster = PNG.sync.read(await renderPoster({ ...base(), cover: corrupt, sharerAvatar: truncatedJpeg }));
    expect([poster.width, poster.height]).toEqual([750, 1334]);
    expect(scan(poster)).toBe(TOKEN);
    expect(poster.data.equals(image.data)).toBe(true);
  });

  it('fills the cover box with the cover and clips the avatar to a circle', async () => {
    const red = createCanvas(132, 132);
    const rctx = red.getContext('2d');
    rctx.fillStyle = '#FF0000';
    rctx.fillRect(0, 0, 132, 132);
    const cover = sampleCover();
    const png = await renderPoster({ ...base(), cover: await cover.encode('jpeg', 90), sharerAvatar: await red.encode('png') });
    writeFileSync(join(ARTIFACTS, 'poster-sample-cover.png'), png);
    const poster = PNG.sync.read(png);
    const at = (x: number, y: number) => Array.from(poster.data.subarray((y * POSTER_WIDTH + x) * 4, (y * POSTER_WIDTH + x) * 4 + 3));
    const { avatar, cover: box } = LAYOUT;
    expect(at(avatar.x + avatar.size / 2, avatar.y + avatar.size / 2)).toEqual([255, 0, 0]);
    expect(at(avatar.x + 3, avatar.y + 3)).not.toEqual([255, 0, 0]); // the square's corner is cut away
    const centre = { x: box.x + box.width / 2 - 20, y: box.y + box.height / 2 - 20, w: 40, h: 40 };
    expect(region(poster.data, POSTER_WIDTH, centre).equals(region(image.data, POSTER_WIDTH, centre))).toBe(false);
    expect(scan(poster)).toBe(TOKEN);
  });

  it('refuses a code that is not an image', async () => {
    await expect(renderPoster({ ...base(), code: Buffer.from('errcode 40001') })).rejects.toThrow(/mini-program code/);
  });

  it('keeps a long title to three lines ending in an ellipsis', () => {
    const lines = titleLines(`${TITLE}，${TITLE}，${TITLE}`);
    expect(lines).toHaveLength(3);
    expect(lines[2].endsWith('…')).toBe(true);
  });
});

describe('wrapText', () => {
  const chars = (s: string) => Array.from(s).length;

  it('breaks Chinese between any two characters', () => {
    expect(wrapText('制造业数字化转型', 3, 3, chars)).toEqual(['制造业', '数字化', '转型']);
  });

  it('breaks Latin text between words only', () => {
    expect(wrapText('lead loop growth', 9, 3, chars)).toEqual(['lead loop', 'growth']);
    expect(wrapText('CRM 线索', 4, 3, chars)).toEqual(['CRM', '线索']);
  });

  it('never starts a line with closing punctuation nor ends one with an opening mark', () => {
    expect(wrapText('从线索，到成交', 3, 3, chars)).toEqual(['从线', '索，到', '成交']);
    expect(wrapText('下载《白皮书》', 3, 3, chars)).toEqual(['下载', '《白皮', '书》']);
  });

  it('ends the last allowed line with an ellipsis when text remains', () => {
    expect(wrapText('一二三四五六七八九十', 3, 2, chars)).toEqual(['一二三', '四五…']);
    expect(wrapText('一二三四（五六）', 3, 2, chars)).toEqual(['一二三', '四…']);
  });
});

/** A photo-like 16:9 cover: sky gradient, hills, a sun. */
function sampleCover() {
  const canvas = createCanvas(1280, 720);
  const ctx = canvas.getContext('2d');
  const sky = ctx.createLinearGradient(0, 0, 0, 720);
  sky.addColorStop(0, '#0B1E4A');
  sky.addColorStop(1, '#FF9E5E');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, 1280, 720);
  ctx.fillStyle = '#FFD37A';
  ctx.beginPath();
  ctx.arc(900, 420, 90, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#14213D';
  ctx.beginPath();
  ctx.moveTo(0, 720);
  ctx.bezierCurveTo(300, 420, 700, 640, 1280, 470);
  ctx.lineTo(1280, 720);
  ctx.fill();
  return canvas;
}
