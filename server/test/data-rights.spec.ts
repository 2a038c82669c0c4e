import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { count } from './support/share';
import { publishEvent } from './support/live';
import { consent, publishedWhitepaper, requestDownload } from './support/whitepaper';


// a fresh database with every migration, under a shared machine's load, can take longer than Jest's default
jest.setTimeout(60_000);

/** PIPL: sales follow-up is its own optional consent; the person corrects what they gave (更正权). */
describe('data rights: separate follow-up consent, corrections', () => {
  let server: TestServer;
  let paperId: string;
  let marketerToken: string;

  const consents = async (token: string) => {
    const res = await server.http('GET', '/api/me/consents', undefined, token);
    return Object.fromEntries(res.body.items.map((c: { purpose: string; status: string }) => [c.purpose, c.status]));
  };
  const ledger = (personId: string) => server.dataSource.query('SELECT purpose, action FROM consents WHERE person_id = ? ORDER BY created_at, id', [personId]);

  beforeAll(async () => {
    server = await startTestServer('data_rights');
    const marketer = await staffAs(server, 'marketer-rights', 'marketer');
    marketerToken = marketer.token;
    paperId = await publishedWhitepaper(server, marketer.token, 'name,company');
  });
  afterAll(() => server.close());

  it('downloads without the follow-up consent and records only the download purpose', async () => {
    const person = await loginAs(server, 'rights-download-only');
    const gate = await server.http('GET', `/api/whitepapers/${paperId}/gate`, undefined, person.token);
    expect(gate.body).toMatchObject({ consentNeeded: true, followUpOffered: true });

    const download = await requestDownload(server, person.token, paperId, { gate: { profile: { name: '周晓', company: '星河制造' }, consent: consent() } });
    expect(download.status).toBe(201);
    expect(download.body.url).toBeTruthy();
    expect(await ledger(person.personId)).toEqual([{ purpose: 'whitepaper_download', action: 'granted' }]);
    expect(await consents(person.token)).toMatchObject({ whitepaper_download: 'granted', sales_contact: 'never' });
    // the next gate still offers the follow-up box, and asks nothing else
    const again = await server.http('GET', `/api/whitepapers/${paperId}/gate`, undefined, person.token);
    expect(again.body).toMatchObject({ missing: [], consentNeeded: false, followUpOffered: true });
  });

  it('records the ticked follow-up consent separately, and withdrawing one leaves the other', async () => {
    const person = await loginAs(server, 'rights-follow-up');
    const download = await requestDownload(server, person.token, paperId, {
      gate: { profile: { name: '林安', company: '远山科技' }, consent: consent(), followUp: consent() },
    });
    expect(download.status).toBe(201);
    expect(await ledger(person.personId)).toEqual(
      expect.arrayContaining([
        { purpose: 'whitepaper_download', action: 'granted' },
        { purpose: 'sales_contact', action: 'granted' },
      ]),
    );
    expect(await count(server, 'SELECT COUNT(*) FROM consents WHERE person_id = ?', [person.personId])).toBe(2);
    expect((await server.http('GET', `/api/whitepapers/${paperId}/gate`, undefined, person.token)).body.followUpOffered).toBe(false);

    // withdrawing the follow-up keeps the download consent
    await server.http('POST', '/api/me/consents/sales_contact/withdraw', {}, person.token);
    expect(await consents(person.token)).toMatchObject({ whitepaper_download: 'granted', sales_contact: 'withdrawn' });
    // and a download goes on in one tap, without asking for the follow-up again
    expect((await requestDownload(server, person.token, paperId)).status).toBe(201);

    // the other way round: withdrawing the download consent keeps the follow-up
    const other = await loginAs(server, 'rights-follow-up-2');
    await requestDownload(server, other.token, paperId, { gate: { profile: { name: '陈默', company: '东岸' }, consent: consent(), followUp: consent() } });
    await server.http('POST', '/api/me/consents/whitepaper_download/withdraw', {}, other.token);
    expect(await consents(other.token)).toMatchObject({ whitepaper_download: 'withdrawn', sales_contact: 'granted' });
  });

  it('a live sign-up records the follow-up only when its own box is ticked (batched sign-ups included)', async () => {
    const event = await publishEvent(server, marketerToken);
    const [plain, ticked] = await Promise.all([loginAs(server, 'rights-live-plain'), loginAs(server, 'rights-live-ticked')]);
    const [a, b] = await Promise.all([
      server.http('POST', `/api/live/${event.id}/signups`, { gate: { profile: { name: '甲' }, consent: consent() } }, plain.token),
      server.http('POST', `/api/live/${event.id}/signups`, { gate: { profile: { name: '乙' }, consent: consent(), followUp: consent() } }, ticked.token),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await ledger(plain.personId)).toEqual([{ purpose: 'event_signup', action: 'granted' }]);
    expect(await ledger(ticked.personId)).toEqual(expect.arrayContaining([{ purpose: 'event_signup', action: 'granted' }, { purpose: 'sales_contact', action: 'granted' }]));
  });

  it('refuses a follow-up consent naming an old policy version, keeping nothing', async () => {
    const person = await loginAs(server, 'rights-old-policy');
    const res = await requestDownload(server, person.token, paperId, { gate: { profile: { name: '王五', company: '西岭' }, consent: consent(), followUp: consent('2020-01') } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONSENT_POLICY_OUTDATED');
    expect(await ledger(person.personId)).toEqual([]);
  });

  it('a correction shows in 我的, in the export and in the person’s history', async () => {
    const person = await loginAs(server, 'rights-correct');
    await requestDownload(server, person.token, paperId, { gate: { profile: { name: '张三', company: '旧公司' }, consent: consent() } });
    expect((await server.http('GET', '/api/me', undefined, person.token)).body.person).toMatchObject({ name: '张三', company: '旧公司' });

    const corrected = await server.http('PUT', '/api/me/profile', { name: '张珊', company: '新禾信息', email: 'shan@xinhe.cn' }, person.token);
    expect(corrected.status).toBe(200);
    expect(corrected.body.profile).toMatchObject({ name: '张珊', company: '新禾信息', email: 'shan@xinhe.cn', title: null });
    expect(corrected.body.changes).toHaveLength(3);
    expect(corrected.body.changes).toEqual(expect.arrayContaining([{ field: 'name', from: '张三', to: '张珊', at: expect.any(String) }]));

    // 我的 reads the corrected name
    expect((await server.http('GET', '/api/me', undefined, person.token)).body.person).toMatchObject({ name: '张珊', company: '新禾信息' });
    const mine = await server.http('GET', '/api/me/profile', undefined, person.token);
    expect(mine.body.changes.map((c: { field: string }) => c.field).sort()).toEqual(['company', 'email', 'name']);

    // an unchanged value is not a change
    const same = await server.http('PUT', '/api/me/profile', { name: '张珊' }, person.token);
    expect(same.body.changes).toHaveLength(3);

    const exported = await server.http('GET', '/api/me/export', undefined, person.token);
    expect(exported.body.person).toMatchObject({ name: '张珊', company: '新禾信息', email: 'shan@xinhe.cn' });
    expect(exported.body.sections.profileChanges).toEqual(
      expect.arrayContaining([
        { field: 'name', from: '张三', to: '张珊', at: expect.any(String) },
        { field: 'company', from: '旧公司', to: '新禾信息', at: expect.any(String) },
        { field: 'email', from: null, to: 'shan@xinhe.cn', at: expect.any(String) },
      ]),
    );
  });

  it('validates corrections at the edge and forgets them on erasure', async () => {
    const person = await loginAs(server, 'rights-validate');
    const bad = await server.http('PUT', '/api/me/profile', { email: 'not-an-email' }, person.token);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await server.http('PUT', '/api/me/profile', {}, person.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await server.http('PUT', '/api/me/profile', { name: '   ' }, person.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await server.http('PUT', '/api/me/profile', { phone: '13800000000' }, person.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await server.http('PUT', '/api/me/profile', { name: '赵六' })).status).toBe(401);

    await server.http('PUT', '/api/me/profile', { title: '采购经理' }, person.token);
    expect(await count(server, 'SELECT COUNT(*) FROM profile_changes WHERE person_id = ?', [person.personId])).toBe(1);
    expect((await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, person.token)).status).toBe(200);
    expect(await count(server, 'SELECT COUNT(*) FROM profile_changes WHERE person_id = ?', [person.personId])).toBe(0);
  });

  it('serves the company’s policy texts with their version', async () => {
    const privacy = await server.http('GET', '/api/brand/policies/privacy-policy');
    expect(privacy.body).toMatchObject({ kind: 'privacy-policy', version: '2026-11' });
    expect(privacy.body.text.length).toBeGreaterThan(100);
    expect((await server.http('GET', '/api/brand/policies/user-agreement')).status).toBe(200);
    expect((await server.http('GET', '/api/brand/policies/other')).status).toBe(404);
  });
});
