import { createHmac } from 'node:crypto';
import { loginAs, startTestServer, type TestServer } from './support/app';

const SESSION_SECRET = 'identity-spec-session-secret-0123456789abcdef';

function signToken(claims: object): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const sig = createHmac('sha256', SESSION_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${sig}`;
}

describe('identity: WeChat login, sessions and phone binding', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('identity', { SESSION_SECRET });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.http('POST', '/sandbox/reset');
  });

  const mintCode = async (persona: string): Promise<string> => (await server.http('POST', `/sandbox/personas/${persona}/login-code`)).body.code;

  it('creates exactly one person for 20 concurrent logins of the same WeChat user', async () => {
    const codes = await Promise.all(Array.from({ length: 20 }, () => mintCode('concurrent')));
    const results = await Promise.all(codes.map((code) => server.http('POST', '/api/auth/wechat/login', { code })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const personIds = new Set(results.map((r) => r.body.person.id));
    expect(personIds.size).toBe(1);
    const [{ n }] = await server.dataSource.query(
      "SELECT COUNT(*) AS n FROM persons p JOIN person_identifiers i ON i.person_id = p.id WHERE i.kind = 'openid' AND p.id = ?",
      [[...personIds][0]],
    );
    expect(Number(n)).toBe(1);
    const [{ total }] = await server.dataSource.query('SELECT COUNT(*) AS total FROM persons');
    expect(Number(total)).toBe(1);
  });

  it('gives the same person to the same persona on every login', async () => {
    const first = await loginAs(server, 'returning');
    const second = await loginAs(server, 'returning');
    const other = await loginAs(server, 'someone-else');
    expect(second.personId).toBe(first.personId);
    expect(other.personId).not.toBe(first.personId);
  });

  it('refuses an unknown, a reused and an expired code with stable codes, never a 500', async () => {
    const unknown = await server.http('POST', '/api/auth/wechat/login', { code: 'no-such-code' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('WECHAT_CODE_INVALID');
    expect(unknown.body.requestId).toEqual(expect.any(String));

    const code = await mintCode('reuser');
    expect((await server.http('POST', '/api/auth/wechat/login', { code })).status).toBe(200);
    const reused = await server.http('POST', '/api/auth/wechat/login', { code });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('WECHAT_CODE_USED');

    const stale = await mintCode('slowpoke');
    await server.http('POST', '/sandbox/clock', { advanceSeconds: 301 });
    const expired = await server.http('POST', '/api/auth/wechat/login', { code: stale });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('WECHAT_CODE_INVALID');
  });

  it('answers malformed bodies with 400 and the failing fields', async () => {
    const missing = await server.http('POST', '/api/auth/wechat/login', {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'code' }] } });

    const wrongType = await server.http('POST', '/api/auth/wechat/login', { code: 42 });
    expect(wrongType.body.details.fields[0].path).toBe('code');

    const extra = await server.http('POST', '/api/auth/wechat/login', { code: 'abc', admin: true });
    expect(extra.status).toBe(400);

    const notJson = await server.http('POST', '/api/auth/wechat/login', '{"code": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.code).toBe('VALIDATION_FAILED');

    const hostile = await server.http('POST', '/api/auth/wechat/login', { code: "x' OR 1=1 --" });
    expect(hostile.status).toBe(400);
  });

  it('retries WeChat "busy" with backoff, and reports persistent trouble with codes', async () => {
    await server.http('POST', '/sandbox/faults', { api: 'jscode2session', errcode: -1, times: 2 });
    const recovered = await server.http('POST', '/api/auth/wechat/login', { code: await mintCode('busy') });
    expect(recovered.status).toBe(200);

    await server.http('POST', '/sandbox/faults', { api: 'jscode2session', errcode: -1, times: 10 });
    const busy = await server.http('POST', '/api/auth/wechat/login', { code: await mintCode('busy') });
    expect(busy.status).toBe(503);
    expect(busy.body.code).toBe('WECHAT_BUSY');
    await server.http('POST', '/sandbox/reset');

    await server.http('POST', '/sandbox/rate-limits', { api: 'jscode2session', perMinute: 1 });
    expect((await server.http('POST', '/api/auth/wechat/login', { code: await mintCode('limited') })).status).toBe(200);
    const limited = await server.http('POST', '/api/auth/wechat/login', { code: await mintCode('limited') });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('WECHAT_RATE_LIMITED');
  });

  it('refuses missing, tampered and expired session tokens', async () => {
    const { token, personId } = await loginAs(server, 'holder');
    expect((await server.http('GET', '/api/me', undefined, token)).status).toBe(200);

    const none = await server.http('GET', '/api/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');

    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'SOMEONEELSE' })).toString('base64url')}.${s}`;
    const tampered = await server.http('GET', '/api/me', undefined, forged);
    expect(tampered.status).toBe(401);
    expect(tampered.body.code).toBe('SESSION_INVALID');

    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await server.http('GET', '/api/me', undefined, signToken({ sub: personId, stf: null, knd: 'app', iat: past - 60, exp: past }));
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');

    const garbage = await server.http('GET', '/api/me', undefined, 'not-a-token');
    expect(garbage.body.code).toBe('SESSION_INVALID');
  });

  it('binds a phone: stored encrypted, shown masked, a bad code refused', async () => {
    const { token, personId } = await loginAs(server, 'phoneuser');
    const { body: phoneCode } = await server.http('POST', '/sandbox/personas/phoneuser/phone-code', { phone: '13812341234' });
    const bound = await server.http('POST', '/api/me/phone', { code: phoneCode.code }, token);
    expect(bound.status).toBe(200);
    expect(bound.body).toEqual({ phoneMasked: '138****1234', mergedFrom: null, session: null });

    const me = await server.http('GET', '/api/me', undefined, token);
    expect(me.body.person.phoneMasked).toBe('138****1234');
    expect(JSON.stringify(me.body)).not.toContain('13812341234');

    const [row] = await server.dataSource.query('SELECT phone_enc FROM persons WHERE id = ?', [personId]);
    expect(row.phone_enc).not.toContain('13812341234');
    const identifiers = await server.dataSource.query('SELECT value FROM person_identifiers WHERE person_id = ?', [personId]);
    expect(JSON.stringify(identifiers)).not.toContain('13812341234');

    const reused = await server.http('POST', '/api/me/phone', { code: phoneCode.code }, token);
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('PHONE_CODE_INVALID');
  });

  it('merges a second WeChat identity into the person who already holds the phone, and logs it', async () => {
    const first = await loginAs(server, 'phone-owner');
    const { body: c1 } = await server.http('POST', '/sandbox/personas/phone-owner/phone-code', { phone: '13900001111' });
    await server.http('POST', '/api/me/phone', { code: c1.code }, first.token);

    const second = await loginAs(server, 'phone-owner-other-app');
    const { body: c2 } = await server.http('POST', '/sandbox/personas/phone-owner-other-app/phone-code', { phone: '13900001111' });
    const merged = await server.http('POST', '/api/me/phone', { code: c2.code }, second.token);
    expect(merged.status).toBe(200);
    expect(merged.body.mergedFrom).toBe(second.personId);
    expect(merged.body.session.person.id).toBe(first.personId);

    const [log] = await server.dataSource.query('SELECT survivor_id, merged_id, matched_kind, moved_identifiers FROM person_merges');
    expect(log).toMatchObject({ survivor_id: first.personId, merged_id: second.personId, matched_kind: 'phone' });
    expect(JSON.parse(log.moved_identifiers).length).toBeGreaterThan(0);

    // the second WeChat identity now signs in as the surviving person
    const again = await loginAs(server, 'phone-owner-other-app');
    expect(again.personId).toBe(first.personId);
  });
});
