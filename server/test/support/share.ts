import { randomBytes } from 'node:crypto';
import { Pipeline } from '../../src/modules/activity/pipeline';
import type { TestServer } from './app';

export const HOME = { contentType: 'page', contentId: 'home' } as const;

export function newInstall(): string {
  return randomBytes(16).toString('base64url');
}

let counter = 0;

/** An entry touchpoint as the mini-program reports it. */
export function entryEvent(anonymousId: string, shareToken?: string, extra: Record<string, unknown> = {}) {
  counter += 1;
  return { id: `evt-${Date.now()}-${counter}-${randomBytes(3).toString('hex')}`, type: 'entry', at: new Date().toISOString(), page: 'pages/index/index', anonymousId, ...(shareToken ? { shareToken } : {}), ...extra };
}

/** Mints a share token and reports the share as the mini-program does (share_request). */
export async function mint(server: TestServer, token: string, parentToken?: string, content: { contentType: string; contentId: string } = HOME): Promise<string> {
  const res = await server.http('POST', '/api/share/tokens', { ...content, ...(parentToken ? { parentToken } : {}) }, token);
  if (res.status !== 200) throw new Error(`mint failed: ${JSON.stringify(res.body)}`);
  await server.http('POST', '/api/events', { events: [{ ...entryEvent(newInstall(), res.body.token), type: 'share_request' }] }, token);
  return res.body.token;
}

/** A person arriving through `shareToken`: reports the entry, then signs in carrying it. */
export async function arrive(server: TestServer, persona: string, shareToken: string, install = newInstall()): Promise<{ token: string; personId: string; install: string }> {
  await server.http('POST', '/api/events', { events: [entryEvent(install, shareToken)] });
  const { body: minted } = await server.http('POST', `/sandbox/personas/${persona}/login-code`);
  const login = await server.http('POST', '/api/auth/wechat/login', { code: minted.code, entry: { shareToken, anonymousId: install } });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return { token: login.body.token, personId: login.body.person.id, install };
}

/** Runs every consumer of the activity stream (attribution, leads…) until it has caught up. */
export function drain(server: TestServer): Promise<void> {
  return server.app.get(Pipeline).drain();
}

export async function count(server: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await server.dataSource.query(sql, params);
  return Number(Object.values(row)[0]);
}
