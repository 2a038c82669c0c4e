import { Api } from '@leadloop/shared';
import { startApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { createTestDatabase } from './support/database';
import { startTestServer, type TestServer } from './support/app';

describe('system: health, errors, OpenAPI, production mode', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('system');
  });
  afterAll(async () => {
    await server.close();
  });

  it('reports health with the database state', async () => {
    const res = await server.http('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('answers unknown routes and oversize bodies with coded errors and the request id', async () => {
    const missing = await server.http('GET', '/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', requestId: missing.headers.get('x-request-id') });

    const huge = await server.http('POST', '/api/auth/wechat/login', { code: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps a caller-supplied request id', async () => {
    const res = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-12345');
  });

  it('serves an OpenAPI document generated from the shared contracts', async () => {
    const { status, body } = await server.http('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.0.3');
    const login = body.paths['/api/auth/wechat/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties.code.type).toBe('string');
    expect(login.responses['200'].content['application/json'].schema.required).toEqual(expect.arrayContaining(['token', 'person']));
    expect(body.paths['/api/staff/{id}'].patch.parameters[0].name).toBe('id');
    // every route of the contract table, each under its own operation id, and nothing else
    const documented = Object.entries(body.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    const declared = Object.entries(Api).map(([name, route]) => `${route.method} /api${route.path} ${name}`);
    expect(declared.length).toBeGreaterThan(60);
    expect(documented.sort()).toEqual(declared.sort());
  });

  it('answers 503 when the database is down', async () => {
    const db = await createTestDatabase('health-down');
    const app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: db.url, LOG_LEVEL: 'error' }));
    try {
      const { DataSource } = await import('typeorm');
      await app.app.get(DataSource).destroy();
      const res = await fetch(`${app.url}/api/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'degraded', db: 'down' });
    } finally {
      await app.close().catch(() => undefined);
      await db.drop();
    }
  });

  it('mounts no sandbox route in production mode', async () => {
    const db = await createTestDatabase('production');
    const app = await startApp(
      loadConfig({
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: db.url,
        LOG_LEVEL: 'error',
        PUBLIC_URL: 'https://leads.example.com',
        SESSION_SECRET: 'a-production-session-secret-of-enough-length',
        PII_KEY: Buffer.alloc(32, 9).toString('base64'),
        WECHAT_APPID: 'wx1234567890abcdef',
        WECHAT_SECRET: 'real-secret-0123456789',
        WECHAT_API_BASE: 'http://127.0.0.1:9',
      }),
    );
    try {
      for (const path of ['/sandbox/calls', '/sandbox/wx/cgi-bin/stable_token']) {
        const res = await fetch(`${app.url}${path}`, { method: path.endsWith('token') ? 'POST' : 'GET' });
        expect(res.status).toBe(404);
      }
      const config = await (await fetch(`${app.url}/api/config`)).json();
      expect(config).toMatchObject({ appId: 'wx1234567890abcdef', sandbox: false });
      // WeChat unreachable: a clear 502, not a 500
      const login = await fetch(`${app.url}/api/auth/wechat/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":"abc"}' });
      expect(login.status).toBe(502);
      expect(((await login.json()) as { code: string }).code).toBe('WECHAT_UNAVAILABLE');
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
