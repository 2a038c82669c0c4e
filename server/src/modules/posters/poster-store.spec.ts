import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../config/config';
import { HOME_POSTER, PosterSources } from './poster-sources';
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

  it('opens nothing for unknown or malformed keys', async () => {
    expect(await store.read('b2'.repeat(32))).toBeNull();
    expect(await store.read('../../etc/passwd')).toBeNull();
    await expect(store.exists('../../etc/passwd')).rejects.toThrow('Not a poster key');
  });
});

describe('PosterSources', () => {
  it('knows the home page out of the box and nothing else', async () => {
    const sources = new PosterSources();
    expect(await sources.content('page', 'home')).toEqual(HOME_POSTER);
    expect(await sources.content('page', 'about')).toBeNull();
    expect(await sources.content('live', '01J0000000000000000000000A')).toBeNull();
  });

  it('refuses a second resolver for a content type', () => {
    const sources = new PosterSources();
    sources.register('live', async () => null);
    expect(() => sources.register('live', async () => null)).toThrow('already registered');
  });

  it('draws the initial when the avatar source fails', async () => {
    const sources = new PosterSources();
    expect(await sources.avatarOf('p1')).toBeNull();
    sources.registerAvatarOf(async () => {
      throw new Error('card store down');
    });
    expect(await sources.avatarOf('p1')).toBeNull();
  });
});
