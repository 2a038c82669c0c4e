import { Api, type ApiRoute, roleAllowed, type StaffRole, StaffRoles } from '@leadloop/shared';
import { z } from 'zod';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';

const ROUTES = Object.entries(Api) as [string, ApiRoute][];
const SOME_ID = '01M00000000000000000000000';
type Subject = 'nobody' | 'prospect' | StaffRole;
const SUBJECTS: Subject[] = ['nobody', 'prospect', ...StaffRoles];

const pathOf = (route: ApiRoute, value = SOME_ID) => `/api${route.path.replace(/\{\w+\}/g, value)}`;

function allowed(route: ApiRoute, subject: Subject): boolean {
  if (subject === 'nobody') return route.access === 'public';
  if (subject === 'prospect') return route.access === 'public' || route.access === 'person';
  return roleAllowed(route.access, subject);
}

/** Refusals that mean "you may not call this route" (as opposed to a refusal of what was sent). */
const ACCESS_REFUSALS = new Set(['UNAUTHENTICATED', 'SESSION_INVALID', 'SESSION_EXPIRED', 'FORBIDDEN']);

/** A few hostile variants of a route's body, derived from its contract. */
function hostileBodies(route: ApiRoute): unknown[] {
  const variants: unknown[] = [null, [], 'text', 12345, {}, { extra: 'field' }];
  if (!route.body) return variants;
  const schema = z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { type?: string }> };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    variants.push({ [name]: property.type === 'string' ? 42 : 'not-the-type' });
    variants.push({ [name]: 'x'.repeat(100_000) });
    variants.push({ [name]: 'a\u0000b\uD83D\uDE00\u202Ec' });
    variants.push({ [name]: JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`) });
    variants.push({ [name]: JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}') });
  }
  return variants;
}

/** The route table guards itself: every route × every kind of caller, then hostile input on every route. */
describe('route guards', () => {
  let server: TestServer;
  const tokens = new Map<Subject, string | undefined>();

  beforeAll(async () => {
    server = await startTestServer('guards');
    tokens.set('nobody', undefined);
    tokens.set('prospect', (await loginAs(server, 'guard-prospect')).token);
    for (const role of StaffRoles) tokens.set(role, (await staffAs(server, `guard-${role}`, role)).token);
  });
  afterAll(() => server.close());

  it('lets exactly the callers each route declares pass its access check, and gives nobody else a 2xx', async () => {
    const wrong: string[] = [];
    for (const [name, route] of ROUTES) {
      for (const subject of SUBJECTS) {
        // erasing the signed-in person would end the session the next rows need
        if (route === Api.eraseMe && subject !== 'nobody') continue;
        const res = await server.http(route.method, pathOf(route), route.method === 'GET' ? undefined : {}, tokens.get(subject));
        const refusedAccess = ACCESS_REFUSALS.has(res.body?.code) && (res.status === 401 || res.status === 403);
        const ok = allowed(route, subject) ? !refusedAccess && res.status < 500 : refusedAccess;
        if (!ok) wrong.push(`${name} (${route.method} ${route.path}) as ${subject}: ${res.status} ${res.body?.code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('answers hostile bodies, content types and path parameters on every route with a 4xx and a code, never a 5xx or a stack', async () => {
    const bad: string[] = [];
    const check = (label: string, res: { status: number; body: any }) => {
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      if (res.status >= 500) bad.push(`${label}: ${res.status} ${text.slice(0, 200)}`);
      else if (res.status >= 400 && (typeof res.body !== 'object' || typeof res.body?.code !== 'string')) bad.push(`${label}: ${res.status} without a code`);
      if (/\bat \S+ \(|node_modules|QueryFailedError|\bER_[A-Z_]+/.test(text)) bad.push(`${label}: internals in the answer: ${text.slice(0, 200)}`);
    };
    const admin = tokens.get('admin');
    for (const [name, route] of ROUTES) {
      if (route === Api.eraseMe) continue;
      const token = route.access === 'public' ? undefined : route.access === 'person' ? tokens.get('prospect') : admin;
      if (route.method !== 'GET') {
        for (const body of hostileBodies(route)) check(`${name} body ${JSON.stringify(body)?.slice(0, 60)}`, await server.http(route.method, pathOf(route), JSON.stringify(body), token));
        const raw = await fetch(`${server.url}${pathOf(route)}`, { method: route.method, headers: { 'content-type': 'text/plain', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: '{"a":' });
        const text = await raw.text();
        check(`${name} text/plain`, { status: raw.status, body: safeJson(text) });
      }
      if (route.path.includes('{')) {
        for (const value of ['..%2F..%2Fetc%2Fpasswd', '%00', 'a%00b', '..', '%E2%80%AE', 'x'.repeat(2000)]) {
          check(`${name} path ${value.slice(0, 20)}`, await server.http(route.method, pathOf(route, value), route.method === 'GET' ? undefined : {}, token));
        }
      }
    }
    expect(bad).toEqual([]);
  }, 300_000);
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
