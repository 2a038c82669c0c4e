import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database and the sandbox', () => {
    const config = loadConfig({});
    expect(config.database.type).toBe('sqlite');
    expect(config.wechat.sandbox).toBe(true);
    expect(config.wechat.apiBase).toBeNull();
    expect(config.port).toBe(3000);
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
