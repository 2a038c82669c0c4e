import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { StaffRole } from '@leadloop/shared';
import { StaffService } from '../../src/modules/staff/staff.service';
import { DataSource } from 'typeorm';
import { startApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestServer {
  url: string;
  app: INestApplication;
  db: TestDatabase;
  dataSource: DataSource;
  /** JSON over real HTTP; never throws on an error status. */
  http<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

/** The real server (sandbox on) listening on a free port, over a fresh MariaDB database. */
export async function startTestServer(label: string, env: Record<string, string> = {}, shared?: { db: TestDatabase }): Promise<TestServer> {
  // a second instance on the same database (as behind a load balancer) leaves dropping it to the first
  const db = shared?.db ?? (await createTestDatabase(label));
  // every spec's many personas sign in from 127.0.0.1: limits ×100 unless a spec tests them (rate-limits.spec)
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: db.url, LOG_LEVEL: 'warn', DB_POOL_SIZE: '30', RATE_LIMIT_SCALE: '100', ...env });
  const running = await startApp(config);
  const http = httpClient(running.url);
  return {
    url: running.url,
    app: running.app,
    db,
    dataSource: running.app.get(DataSource),
    http,
    close: async () => {
      await running.close();
      if (!shared) await db.drop();
    },
  };
}

/** JSON over real HTTP to `baseUrl`; never throws on an error status. */
export function httpClient(baseUrl: string): TestServer['http'] {
  return async (method, path, body, token) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
}

/** Signs a persona in through the sandbox, as the mini-program does. */
export async function loginAs(server: TestServer, persona: string): Promise<{ token: string; personId: string; staff: any }> {
  const { body: minted } = await server.http('POST', `/sandbox/personas/${encodeURIComponent(persona)}/login-code`);
  const res = await server.http('POST', '/api/auth/wechat/login', { code: minted.code });
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  return { token: res.body.token, personId: res.body.person.id, staff: res.body.staff };
}

/** A staff member with the given role, bound to the persona's WeChat through a real invite. */
export async function staffAs(server: TestServer, persona: string, role: StaffRole): Promise<{ token: string; personId: string; staffId: string }> {
  const invite = await server.app.get(StaffService).issueInvite(null, { name: persona, role, ttlHours: 1 });
  const person = await loginAs(server, persona);
  const res = await server.http('POST', '/api/staff/invites/accept', { token: invite.token }, person.token);
  if (res.status !== 200) throw new Error(`accept failed: ${JSON.stringify(res.body)}`);
  return { token: res.body.token, personId: person.personId, staffId: res.body.staff.id };
}
