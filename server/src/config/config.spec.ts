import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, publicBaseUrl, REPO_ROOT } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database and the sandbox', () => {
    const config = loadConfig({});
    expect(config.database.type).toBe('sqlite');
    expect(config.wechat.sandbox).toBe(true);
    expect(config.wechat.apiBase).toBeNull();
    expect(config.port).toBe(3000);
  });

  it('resolves data paths from the repository folder whatever the working directory', () => {
    expect(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).name).toBe('leadloop');
    const cwd = process.cwd();
    try {
      process.chdir(join(REPO_ROOT, 'server')); // where `npm run staff:invite` runs
      const config = loadConfig({ POSTER_DIR: 'tmp/posters', STORAGE_DIR: '/srv/files' });
      expect(config.database).toMatchObject({ type: 'sqlite', path: join(REPO_ROOT, 'data', 'leadloop.sqlite') });
      expect(config.posters.dir).toBe(join(REPO_ROOT, 'tmp', 'posters'));
      expect(config.storage.dir).toBe('/srv/files');
      expect(config.h5Dir).toBe(join(REPO_ROOT, 'miniapp', 'dist', 'h5'));
      expect(existsSync(join(config.h5Dir, '..', '..', 'package.json'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('links to PUBLIC_URL, or to this machine at the configured port', () => {
    expect(publicBaseUrl(loadConfig({ PORT: '4100' }))).toBe('http://localhost:4100');
    expect(publicBaseUrl(loadConfig({ PUBLIC_URL: 'https://leads.example.com/' }))).toBe('https://leads.example.com');
  });

  it('switches to MySQL and real WeChat when configured', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://u:p@db:3306/leadloop', WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: '0123456789abcdef0123' });
    expect(config.database).toMatchObject({ type: 'mysql', url: 'mysql://u:p@db:3306/leadloop' });
    expect(config.wechat).toMatchObject({ sandbox: false, apiBase: 'https://api.weixin.qq.com', appId: 'wx1234567890abcdef' });
  });

  it('lists every bad variable at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', WECHAT_APPID: 'nope', SESSION_SECRET: 'short' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = error!.problems.map((p) => p.split(':')[0]);
    expect(keys).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'WECHAT_APPID', 'SESSION_SECRET']));
  });

  it('refuses production without secrets, real WeChat, or with the sandbox', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET.*\n.*PII_KEY|PII_KEY/s);
    expect(() => loadConfig({ NODE_ENV: 'production', WECHAT_SANDBOX: 'true' })).toThrow(/sandbox never runs in production/);
  });
});
