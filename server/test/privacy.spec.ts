import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { count, drain } from './support/share';
import { consent, publishedWhitepaper, requestDownload } from './support/whitepaper';

describe('privacy (我的): consents, my downloads, export, erasure', () => {
  let server: TestServer;
  let storageDir: string;
  let whitepaperId: string;

  const bindPhone = async (persona: string, token: string, phone: string) => {
    const { body: code } = await server.http('POST', `/sandbox/personas/${persona}/phone-code`, { phone });
    const bound = await server.http('POST', '/api/me/phone', { code: code.code }, token);
    if (bound.status !== 200) throw new Error(`phone binding failed: ${JSON.stringify(bound.body)}`);
    return bound.body;
  };

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'leadloop-files-'));
    server = await startTestServer('privacy', { STORAGE_DIR: storageDir });
    const marketer = await staffAs(server, 'marketer-privacy', 'marketer');
    whitepaperId = await publishedWhitepaper(server, marketer.token, 'name,company', '数据合规白皮书');
  });
  afterAll(async () => {
    await server.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('shows my consent per purpose and withdraws one: the next download asks again', async () => {
    const me = await loginAs(server, 'privacy-withdraw');
    const page = 'packages/whitepaper/pages/detail/index';
    expect((await requestDownload(server, me.token, whitepaperId, { gate: { profile: { name: '周', company: '周氏' }, consent: consent() }, page })).status).toBe(201);

    const consents = await server.http('GET', '/api/me/consents', undefined, me.token);
    expect(consents.body.policyVersion).toBe('2026-11');
    const byPurpose = Object.fromEntries(consents.body.items.map((c: { purpose: string }) => [c.purpose, c]));
    expect(byPurpose.whitepaper_download).toMatchObject({ status: 'granted', policyVersion: '2026-11', outdated: false, sourcePage: page });
    expect(Date.parse(byPurpose.whitepaper_download.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(byPurpose.event_signup).toEqual({ purpose: 'event_signup', status: 'never', policyVersion: null, outdated: false, at: null, sourcePage: null });

    const withdrawn = await server.http('POST', '/api/me/consents/whitepaper_download/withdraw', {}, me.token);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.items.find((c: { purpose: string }) => c.purpose === 'whitepaper_download')).toMatchObject({ status: 'withdrawn', sourcePage: 'me/privacy' });
    expect((await server.http('POST', '/api/me/consents/marketing/withdraw', {}, me.token)).body.code).toBe('VALIDATION_FAILED');

    const refused = await requestDownload(server, me.token, whitepaperId);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CONSENT_REQUIRED');
    expect((await requestDownload(server, me.token, whitepaperId, { gate: { profile: {}, consent: consent() } })).status).toBe(201);
    expect(await count(server, 'SELECT COUNT(*) FROM consents WHERE person_id = ?', [me.personId])).toBe(3);
  });

  it('lists my downloads and exports everything held about me', async () => {
    const me = await loginAs(server, 'privacy-export');
    await bindPhone('privacy-export', me.token, '13812345678');
    const download = await requestDownload(server, me.token, whitepaperId, { gate: { profile: { name: '吴用', company: '梁山' }, consent: consent() } });

    const mine = await server.http('GET', '/api/me/downloads', undefined, me.token);
    expect(mine.body).toEqual({ items: [{ downloadId: download.body.downloadId, whitepaperId, title: '数据合规白皮书', at: expect.any(String) }], nextCursor: null });

    await drain(server); // the lead follows from the download's activity, in the stream's consumer
    const exported = await server.http('GET', '/api/me/export', undefined, me.token);
    expect(exported.status).toBe(200);
    const data = exported.body;
    expect(data.person).toMatchObject({ id: me.personId, name: '吴用', company: '梁山' });
    expect(data.person.phone).toContain('13812345678');
    expect(data.identifiers.map((i: { kind: string }) => i.kind).sort()).toEqual(['openid', 'phone', 'unionid']);
    expect(data.consents).toEqual([expect.objectContaining({ purpose: 'whitepaper_download', action: 'granted', policyVersion: '2026-11' })]);
    expect(data.lead).toMatchObject({ lastActivity: 'whitepaper_download', activityCount: 1 });
    expect(data.activity.events).toBeGreaterThanOrEqual(1);
    expect(data.sections.whitepaperDownloads).toEqual([expect.objectContaining({ whitepaperId, title: '数据合规白皮书' })]);
    // raw WeChat identifiers are not handed out, only their kinds
    const identifiers: { value: string }[] = await server.dataSource.query('SELECT value FROM person_identifiers WHERE person_id = ?', [me.personId]);
    for (const { value } of identifiers) expect(JSON.stringify(data)).not.toContain(value);
  });

  it('deletes my data only after an explicit confirmation; the session ends and the next login is a new person', async () => {
    const me = await loginAs(server, 'privacy-erase');
    await bindPhone('privacy-erase', me.token, '13987654321');
    const download = await requestDownload(server, me.token, whitepaperId, { gate: { profile: { name: '林冲', company: '禁军' }, consent: consent() } });
    const downloadsBefore = await count(server, 'SELECT COUNT(*) FROM whitepaper_downloads WHERE whitepaper_id = ?', [whitepaperId]);

    for (const body of [undefined, {}, { confirm: 'delete' }]) {
      const refused = await server.http('DELETE', '/api/me', body, me.token);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await server.http('GET', '/api/me', undefined, me.token)).status).toBe(200);

    const erased = await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, me.token);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ erased: true, erasureId: expect.stringMatching(/^[0-9A-Z]{26}$/) });

    const after = await server.http('GET', '/api/me', undefined, me.token);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('SESSION_INVALID');
    expect((await server.http('GET', '/api/me/export', undefined, me.token)).body.code).toBe('SESSION_INVALID');
    expect((await requestDownload(server, me.token, whitepaperId, { gate: { profile: {}, consent: consent() } })).body.code).toBe('SESSION_INVALID');
    expect((await server.http('PATCH', '/api/me', { name: '林冲' }, me.token)).body.code).toBe('SESSION_INVALID');

    const [person] = await server.dataSource.query('SELECT real_name, company, phone_enc, phone_masked, erased_at FROM persons WHERE id = ?', [me.personId]);
    expect(person).toMatchObject({ real_name: null, company: null, phone_enc: null, phone_masked: null });
    expect(person.erased_at).not.toBeNull();
    expect(await count(server, 'SELECT COUNT(*) FROM person_identifiers WHERE person_id = ?', [me.personId])).toBe(0);
    expect(await count(server, 'SELECT COUNT(*) FROM events WHERE person_id = ?', [me.personId])).toBe(0);
    expect(await count(server, 'SELECT COUNT(*) FROM leads WHERE person_id = ?', [me.personId])).toBe(0);
    // the download still counts for the whitepaper, as no one's
    expect(await count(server, 'SELECT COUNT(*) FROM whitepaper_downloads WHERE person_id = ?', [me.personId])).toBe(0);
    expect(await count(server, 'SELECT COUNT(*) FROM whitepaper_downloads WHERE id = ? AND person_id IS NULL', [download.body.downloadId])).toBe(1);
    expect(await count(server, 'SELECT COUNT(*) FROM whitepaper_downloads WHERE whitepaper_id = ?', [whitepaperId])).toBe(downloadsBefore);
    // the consent ledger keeps its proof and ends in a withdrawal
    const ledger = await server.dataSource.query('SELECT action, source_page FROM consents WHERE person_id = ? ORDER BY created_at, id', [me.personId]);
    expect(ledger).toEqual([
      { action: 'granted', source_page: 'packages/whitepaper/pages/detail/index' },
      { action: 'withdrawn', source_page: 'me/erase' },
    ]);
    const [erasure] = await server.dataSource.query('SELECT id, person_id, propagated_at FROM person_erasures WHERE person_id = ?', [me.personId]);
    expect(erasure).toEqual({ id: erased.body.erasureId, person_id: me.personId, propagated_at: null });

    const again = await loginAs(server, 'privacy-erase');
    expect(again.personId).not.toBe(me.personId);
    const fresh = await server.http('GET', '/api/me', undefined, again.token);
    expect(fresh.body.person).toMatchObject({ name: null, phoneMasked: null });
    expect((await server.http('GET', '/api/me/downloads', undefined, again.token)).body.items).toEqual([]);
  });

  it('erases the records merged into me as well', async () => {
    const first = await loginAs(server, 'privacy-merged-a');
    await bindPhone('privacy-merged-a', first.token, '13700001111');
    const second = await loginAs(server, 'privacy-merged-b');
    await server.http('PATCH', '/api/me', { company: '旧公司' }, second.token);
    const merged = await bindPhone('privacy-merged-b', second.token, '13700001111');
    expect(merged.mergedFrom).toBe(second.personId);

    expect((await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, first.token)).status).toBe(200);
    const [old] = await server.dataSource.query('SELECT company, erased_at FROM persons WHERE id = ?', [second.personId]);
    expect(old.company).toBeNull();
    expect(old.erased_at).not.toBeNull();
    const relogin = await loginAs(server, 'privacy-merged-b');
    expect([first.personId, second.personId]).not.toContain(relogin.personId);
  });

  it('refuses to erase an active staff member’s WeChat', async () => {
    const sales = await staffAs(server, 'privacy-staff', 'sales');
    const res = await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, sales.token);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'staff_account' } });
  });
});
