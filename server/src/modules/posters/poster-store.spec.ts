import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../config/config';
import type { BrandService } from '../brand/brand.service';
import { homePoster, PosterSources } from './poster-sources';
import { isPosterKey, PosterStore } from './poster-store';

const KEY = 'a1'.repeat(32);

describe('PosterStore', () => {
  let dir: string;
  let store: PosterStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'poster-store-'));
    store = new PosterStore({ posters: { dir } } as AppConfig);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts only 64 lowercase hex characters as keys', () => {
    expect(isPosterKey(KEY)).toBe(true);
    for (const bad of [KEY.toUpperCase(), KEY.slice(1), `${KEY}0`, '../../etc/passwd', `${KEY.slice(0, 60)}/../`, '']) expect(isPosterKey(bad)).toBe(false);
  });

  it('stores a poster whole under a two-character subdirectory, with no temporary file left', async () => {
    expect(await store.exists(KEY)).toBe(false);
    await store.put(KEY, Buffer.from('png bytes'));
    expect(await store.exists(KEY)).toBe(true);
    expect(readdirSync(dir, { recursive: true })).toEqual(['a1', join('a1', `${KEY}.png`)]);
    expect((await store.read(KEY))?.toString()).toBe('png bytes');
  });

  it('keeps the most recently used posters in memory, within its byte budget', async () => {
    const small = Object.assign(new PosterStore({ posters: { dir } } as AppConfig), { memoryBytes: 20 });
    const [a, b, c] = ['a', 'b', 'c'].map((ch) => ch.repeat(64));
    await small.put(a, Buffer.alloc(8, 'a'));
    await small.put(b, Buffer.alloc(8, 'b'));
    await small.read(a); // a is now the most recently used
    await small.put(c, Buffer.alloc(8, 'c')); // 24 bytes > 20: b, the least recently used, goes
    rmSync(join(dir, 'aa'), { recursive: true });
    rmSync(join(dir, 'bb'), { recursive: true });
    expect((await small.read(a))?.toString()).toBe('a'.repeat(8));
    expect(await small.read(b)).toBeNull();
    expect((await small.read(c))?.toString()).toBe('c'.repeat(8));
  });

  it('opens nothing for unknown or malformed keys', async () => {
    expect(await store.read('b2'.repeat(32))).toBeNull();
    expect(await store.read('../../etc/passwd')).toBeNull();
    await expect(store.exists('../../etc/passwd')).rejects.toThrow('Not a poster key');
  });
});

describe('PosterSources', () => {
  const brand = { current: { companyName: '云启科技有限公司' } } as BrandService;

  it('knows the home page out of the box, in the company\'s name, and nothing else', async () => {
    const sources = new PosterSources(brand);
    const home = await sources.content('page', 'home');
    expect(home).toMatchObject({ title: '云启科技有限公司 · 精选内容', page: homePoster('云启科技有限公司').page });
    expect(await new PosterSources({ current: { companyName: '' } } as BrandService).content('page', 'home')).toMatchObject({ title: '精选内容推荐' });
    expect(await sources.content('page', 'about')).toBeNull();
    expect(await sources.content('live', '01J0000000000000000000000A')).toBeNull();
  });

  it('refuses a second resolver for a content type', () => {
    const sources = new PosterSources(brand);
    sources.register('live', async () => null);
    expect(() => sources.register('live', async () => null)).toThrow('already registered');
  });

  it('refuses a second avatar source, naming both', () => {
    const sources = new PosterSources(brand);
    sources.registerAvatarOf('card', async () => null);
    expect(() => sources.registerAvatarOf('profile', async () => null)).toThrow('Sharer avatar source profile cannot register: card is already registered');
  });

  it('draws the initial when the avatar source fails', async () => {
    const sources = new PosterSources(brand);
    expect(await sources.avatarOf('p1')).toBeNull();
    sources.registerAvatarOf('card', async () => {
      throw new Error('card store down');
    });
    expect(await sources.avatarOf('p1')).toBeNull();
  });
});
