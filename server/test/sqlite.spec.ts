import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningApp, startApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';

/** `npm start` runs on the embedded SQLite database: the same migrations and flows must hold there. */
describe('embedded SQLite (the npm start default)', () => {
  let dir: string;
  let running: RunningApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadloop-sqlite-'));
    running = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'leadloop.sqlite'), LOG_LEVEL: 'warn' }));
  });
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('migrates, reports healthy, and creates one person for concurrent logins', async () => {
    expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
    const codes = await Promise.all(Array.from({ length: 10 }, async () => (await post('/sandbox/personas/lite/login-code')).body.code));
    const logins = await Promise.all(codes.map((code) => post('/api/auth/wechat/login', { code })));
    expect(logins.map((l) => l.status)).toEqual(Array(10).fill(200));
    expect(new Set(logins.map((l) => l.body.person.id)).size).toBe(1);
  });

  it('binds a phone and shows it masked', async () => {
    const { body: login } = await post('/api/auth/wechat/login', { code: (await post('/sandbox/personas/lite-phone/login-code')).body.code });
    const { body: phone } = await post('/sandbox/personas/lite-phone/phone-code', { phone: '13712345678' });
    const bound = await post('/api/me/phone', { code: phone.code }, login.token);
    expect(bound.body.phoneMasked).toBe('137****5678');
  });
});
