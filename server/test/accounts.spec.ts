import { intentKey } from '@leadloop/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningApp, startApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { Pipeline } from '../src/modules/activity/pipeline';
import { StaffService } from '../src/modules/staff/staff.service';
import { CSV_HEADER, gbkEncode, importAccounts } from './support/accounts';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { count, drain } from './support/share';
import { consent, publishedWhitepaper, requestDownload } from './support/whitepaper';

type Staff = { token: string; personId: string; staffId: string };

describe('profile fields, tags and accounts (ABM)', () => {
  let server: TestServer;
  let marketer: Staff;
  let salesA: Staff;
  let salesB: Staff;
  let whitepaper: string;

  beforeAll(async () => {
    server = await startTestServer('accounts');
    marketer = await staffAs(server, 'marketer-acc', 'marketer');
    salesA = await staffAs(server, 'sales-a', 'sales');
    salesB = await staffAs(server, 'sales-b', 'sales');
    whitepaper = await publishedWhitepaper(server, marketer.token, 'name,company,title,email', 'ABM 实战手册');
  });

  afterAll(async () => {
    await server.close();
  });

  /** A prospect who downloads the whitepaper with this profile; answers their person id (their lead exists once drained). */
  async function prospect(persona: string, profile: Record<string, string>): Promise<{ personId: string; token: string }> {
    const p = await loginAs(server, persona);
    const res = await requestDownload(server, p.token, whitepaper, { gate: { profile, consent: consent() } });
    if (res.status !== 201) throw new Error(`download failed: ${JSON.stringify(res.body)}`);
    return p;
  }

  async function accountOf(personId: string): Promise<string | null> {
    const [row] = await server.dataSource.query('SELECT account_id FROM persons WHERE id = ?', [personId]);
    return row.account_id;
  }

  describe('joining people to accounts', () => {
    it('joins one company written four ways to one account, by corporate email domain too, never by free mail', async () => {
      const ways = ['华为技术有限公司', '华为技术（深圳）有限公司', '华为技术 有限公司', '华为技术有限公司北京分公司'];
      const people = [];
      for (const [i, company] of ways.entries()) people.push(await prospect(`hw-${i}`, { name: `员工${i}`, company, title: '工程师', email: `p${i}@huawei.com` }));
      // someone who wrote the company nobody would recognise, but mails from the company's domain
      const byDomain = await prospect('hw-domain', { name: '李雷', company: 'HW 终端', title: '采购经理', email: 'li.lei@HUAWEI.com' });
      // free mail and no recognisable company: no account
      const freeMail = await prospect('qq-only', { name: '韩梅梅', company: '个人', title: '顾问', email: 'hanmeimei@qq.com' });
      await drain(server);

      const accounts = await Promise.all(people.map((p) => accountOf(p.personId)));
      expect(new Set(accounts).size).toBe(1);
      expect(accounts[0]).not.toBeNull();
      expect(await accountOf(byDomain.personId)).toBe(accounts[0]);
      expect(await accountOf(freeMail.personId)).toBeNull();
      const [account] = await server.dataSource.query('SELECT name, normalized_name, email_domain FROM accounts WHERE id = ?', [accounts[0]]);
      expect(account).toEqual({ name: '华为技术有限公司', normalized_name: '华为技术', email_domain: 'huawei.com' });
      expect(await count(server, "SELECT COUNT(*) FROM accounts WHERE email_domain = 'qq.com'")).toBe(0);
      expect(await count(server, "SELECT COUNT(*) FROM accounts WHERE normalized_name LIKE '%hw%'")).toBe(0);
      // the email was stored normalised, and the seniority follows the title
      const [row] = await server.dataSource.query('SELECT email, seniority FROM persons WHERE id = ?', [byDomain.personId]);
      expect(row).toEqual({ email: 'li.lei@huawei.com', seniority: 'manager' });
    });

    it('moves a person whose company changes in 我的 to that company’s account', async () => {
      const p = await prospect('mover', { name: '王五', company: '比亚迪股份有限公司', title: '总监', email: 'wang@163.com' });
      await drain(server);
      const before = await accountOf(p.personId);
      const res = await server.http('PUT', '/api/me/profile', { company: '宁德时代新能源科技股份有限公司', industry: 'automotive' }, p.token);
      expect(res.status).toBe(200);
      await drain(server);
      const after = await accountOf(p.personId);
      expect(after).not.toBe(before);
      const [account] = await server.dataSource.query('SELECT normalized_name FROM accounts WHERE id = ?', [after]);
      expect(account.normalized_name).toBe('宁德时代新能源科技');
      const exported = await server.http('GET', '/api/me/export', undefined, p.token);
      expect(exported.body.person).toMatchObject({ industry: 'automotive', seniority: 'director' });
      expect(exported.body.sections.leadProfile).toEqual({ tags: [], account: '宁德时代新能源科技股份有限公司' });
    });
  });

  describe('the gate asks the new fields', () => {
    it('asks only the new fields still missing, and keeps what the form sends', async () => {
      const id = await publishedWhitepaper(server, marketer.token, 'name,industry,region,sizeBand,department', '行业报告');
      const p = await loginAs(server, 'gate-new-fields');
      expect((await server.http('PATCH', '/api/me', { name: '赵六', industry: 'finance' }, p.token)).status).toBe(200);
      const gate = await server.http('GET', `/api/whitepapers/${id}/gate`, undefined, p.token);
      expect(gate.body.missing).toEqual(['region', 'sizeBand', 'department']);

      const bad = await requestDownload(server, p.token, id, { gate: { profile: { province: '火星', sizeBand: '50-199', department: '财务部' }, consent: consent() } });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');

      const ok = await requestDownload(server, p.token, id, { gate: { profile: { province: '广东', city: '深圳', sizeBand: '500-999', department: '财务部' }, consent: consent() } });
      expect(ok.status).toBe(201);
      const again = await server.http('GET', `/api/whitepapers/${id}/gate`, undefined, p.token);
      expect(again.body.missing).toEqual([]);
      expect(again.body.profile).toMatchObject({ industry: 'finance', province: '广东', city: '深圳', sizeBand: '500-999', department: '财务部' });
      expect(await count(server, "SELECT COUNT(*) FROM events WHERE type = 'profile_update' AND person_id = ?", [p.personId])).toBe(2);
    });
  });

  describe('staff edit a lead’s profile and tags', () => {
    let lead: { personId: string; token: string };

    beforeAll(async () => {
      lead = await prospect('lead-owned-by-a', { name: '陈七', company: '招商银行股份有限公司深圳分行', title: '工程师', email: 'chen7@cmbchina.com' });
      await drain(server);
      // the lead's owner comes from attribution; here it is set as the fixture
      await server.dataSource.query('UPDATE leads SET owner_staff_id = ? WHERE person_id = ?', [salesA.staffId, lead.personId]);
    });

    it('records every edited field with the staff member who made it', async () => {
      const res = await server.http('PUT', `/api/leads/${lead.personId}/profile`, { title: 'IT 总监', industry: 'finance', province: '广东', city: '深圳', buyingRole: 'decision_maker', email: ' Chen7@CMBChina.com ' }, salesA.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'IT 总监', seniority: 'director', seniorityEdited: false, industry: 'finance', buyingRole: 'decision_maker', email: 'chen7@cmbchina.com' });
      expect(res.body.account).toMatchObject({ name: '招商银行股份有限公司深圳分行' });
      const fields = res.body.changes.map((c: { field: string }) => c.field).sort();
      expect(fields).toEqual(['buyingRole', 'city', 'industry', 'province', 'title']);
      expect(res.body.changes.every((c: { by: string }) => c.by === 'sales-a')).toBe(true);
      expect(await count(server, 'SELECT COUNT(*) FROM profile_changes WHERE person_id = ? AND by_staff_id = ?', [lead.personId, salesA.staffId])).toBe(5);
      // the lead's timeline names who made each edit
      const timeline = await server.http('GET', `/api/leads/${lead.personId}/timeline`, undefined, marketer.token);
      const edits = timeline.body.items.filter((i: { kind: string }) => i.kind === 'profile_edit');
      expect(edits).toHaveLength(5);
      expect(edits.every((i: { by: string }) => i.by === 'sales-a')).toBe(true);
      // in words, coded values by their labels
      expect(edits.map((i: { detail: string }) => i.detail)).toEqual(expect.arrayContaining(['所属行业：（空） → 银行/证券/金融', '采购角色：（空） → 决策者', '职位：工程师 → IT 总监']));

      // a seniority set by hand sticks when the title changes; cleared, it follows the title again
      await server.http('PUT', `/api/leads/${lead.personId}/profile`, { seniority: 'executive' }, marketer.token);
      const retitled = await server.http('PUT', `/api/leads/${lead.personId}/profile`, { title: '采购专员' }, marketer.token);
      expect(retitled.body).toMatchObject({ seniority: 'executive', seniorityEdited: true });
      const cleared = await server.http('PUT', `/api/leads/${lead.personId}/profile`, { seniority: null }, marketer.token);
      expect(cleared.body).toMatchObject({ seniority: 'staff', seniorityEdited: false });
      expect(cleared.body.changes[0]).toMatchObject({ field: 'seniority', from: 'executive', to: 'staff', by: 'marketer-acc' });
    });

    it('refuses a salesperson who does not own the lead, and changes nothing', async () => {
      const edit = await server.http('PUT', `/api/leads/${lead.personId}/profile`, { name: '篡改' }, salesB.token);
      expect(edit.status).toBe(403);
      expect(edit.body.code).toBe('LEAD_NOT_YOURS');
      const read = await server.http('GET', `/api/leads/${lead.personId}/profile`, undefined, salesB.token);
      expect(read.status).toBe(403);
      const tags = await server.http('POST', '/api/leads/tags', { personIds: [lead.personId], add: ['抢单'] }, salesB.token);
      expect(tags.status).toBe(403);
      expect(tags.body).toMatchObject({ code: 'LEAD_NOT_YOURS', details: { personIds: [lead.personId] } });
      const [row] = await server.dataSource.query('SELECT real_name FROM persons WHERE id = ?', [lead.personId]);
      expect(row.real_name).toBe('陈七');
      expect(await count(server, 'SELECT COUNT(*) FROM person_tags WHERE person_id = ?', [lead.personId])).toBe(0);
      const prospectCannot = await server.http('PUT', `/api/leads/${lead.personId}/profile`, { name: 'x' }, lead.token);
      expect(prospectCannot.status).toBe(403);
    });

    it('tags leads in bulk within the limits, recorded as profile changes', async () => {
      const other = await prospect('tag-target', { name: '周八', company: '美的集团', title: '经理', email: 'z8@midea.com' });
      await drain(server);
      const bulk = await server.http('POST', '/api/leads/tags', { personIds: [lead.personId, other.personId], add: [' 重点 客户 ', '展会', '展会'] }, marketer.token);
      expect(bulk.status).toBe(200);
      expect(bulk.body).toEqual({ updated: 2 });
      const profile = await server.http('GET', `/api/leads/${lead.personId}/profile`, undefined, salesA.token);
      expect(profile.body.tags.sort()).toEqual(['展会', '重点 客户'].sort());

      const tooLong = await server.http('POST', '/api/leads/tags', { personIds: [lead.personId], add: ['这是一个超过二十个字的标签名称真的很长很长'] }, marketer.token);
      expect(tooLong.status).toBe(400);
      const many = Array.from({ length: 19 }, (_, i) => `标签${i}`);
      const overLimit = await server.http('POST', '/api/leads/tags', { personIds: [lead.personId], add: many }, marketer.token);
      expect(overLimit.status).toBe(409);
      expect(overLimit.body.code).toBe('TAG_LIMIT_REACHED');
      expect(await count(server, 'SELECT COUNT(*) FROM person_tags WHERE person_id = ?', [lead.personId])).toBe(2);

      const replaced = await server.http('PUT', `/api/leads/${lead.personId}/tags`, { tags: ['展会', '已报价'] }, salesA.token);
      expect(replaced.body.tags.sort()).toEqual(['展会', '已报价'].sort());
      expect(await count(server, "SELECT COUNT(*) FROM profile_changes WHERE person_id = ? AND field = 'tags'", [lead.personId])).toBe(4);
      const exported = await server.http('GET', '/api/me/export', undefined, lead.token);
      expect(exported.body.sections.leadProfile.tags.map((t: { tag: string }) => t.tag).sort()).toEqual(['展会', '已报价'].sort());
    });
  });

  describe('target-account import', () => {
    const row = (i: number, overrides: Partial<Record<'name' | 'industry' | 'size' | 'province' | 'city' | 'tier' | 'owner' | 'domain', string>> = {}) => {
      const r = { name: `目标客户${i}科技有限公司`, industry: '制造业', size: '200-499', province: '江苏省', city: '苏州', tier: 'B', owner: 'sales-a', domain: `target${i}.com.cn`, ...overrides };
      return [r.name, r.industry, r.size, r.province, r.city, r.tier, r.owner, r.domain].join(',');
    };

    it('refuses a file of 50 rows with 3 bad ones, naming exactly those rows, and imports nothing', async () => {
      const before = await count(server, 'SELECT COUNT(*) FROM accounts');
      const lines = Array.from({ length: 50 }, (_, i) => row(i));
      lines[6] = row(6, { tier: 'D' }); // file line 8
      lines[18] = row(18, { industry: '炼丹' }); // file line 20
      lines[39] = row(39, { name: '集团' }); // file line 41
      const res = await importAccounts(server, marketer.token, Buffer.from(`\ufeff${CSV_HEADER}\r\n${lines.join('\r\n')}\r\n`, 'utf8'));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ACCOUNT_IMPORT_INVALID');
      expect(res.body.details.rows).toEqual([
        { row: 8, problem: 'TIER_UNKNOWN' },
        { row: 20, problem: 'INDUSTRY_UNKNOWN' },
        { row: 41, problem: 'NAME_NOT_A_COMPANY' },
      ]);
      expect(await count(server, 'SELECT COUNT(*) FROM accounts')).toBe(before);

      const fixed = await importAccounts(server, marketer.token, Buffer.from(`${CSV_HEADER}\n${Array.from({ length: 50 }, (_, i) => row(i)).join('\n')}`, 'utf8'));
      expect(fixed.status).toBe(201);
      expect(fixed.body).toEqual({ created: 50, updated: 0, encoding: 'utf-8' });
      expect(await count(server, "SELECT COUNT(*) FROM accounts WHERE is_target = 1 AND tier = 'B' AND owner_staff_id = ? AND industry = 'manufacturing' AND province = '江苏'", [salesA.staffId])).toBe(50);
    });

    it('imports a GBK file with Chinese names, updating the account that already exists under the same name', async () => {
      const csv = [
        CSV_HEADER,
        '华为技术（深圳）有限公司,互联网/软件,5000+,广东,深圳,A,sales-b,',
        '"中国银行股份有限公司",银行/证券/金融,5000 人及以上,北京市,北京,a,,boc.cn',
        '美的集团股份有限公司,制造业,1000–4999 人,广东省,佛山,C,,',
      ].join('\r\n');
      const res = await importAccounts(server, marketer.token, gbkEncode(csv));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ created: 1, updated: 2, encoding: 'gbk' });
      const rows = await server.dataSource.query("SELECT name, normalized_name, industry, size_band, province, tier, is_target, email_domain FROM accounts WHERE normalized_name IN ('华为技术', '中国银行', '美的') ORDER BY normalized_name");
      expect(rows).toEqual(
        expect.arrayContaining([
          { name: '华为技术有限公司', normalized_name: '华为技术', industry: 'software', size_band: '5000+', province: '广东', tier: 'A', is_target: 1, email_domain: 'huawei.com' },
          { name: '中国银行股份有限公司', normalized_name: '中国银行', industry: 'finance', size_band: '5000+', province: '北京', tier: 'A', is_target: 1, email_domain: 'boc.cn' },
          { name: '美的集团', normalized_name: '美的', industry: 'manufacturing', size_band: '1000-4999', province: '广东', tier: 'C', is_target: 1, email_domain: 'midea.com' },
        ]),
      );
      expect(rows).toHaveLength(3);
    });

    it('refuses free-mail domains, unknown owners and files that are not CSV', async () => {
      const res = await importAccounts(server, marketer.token, Buffer.from(`${CSV_HEADER}\n示例科技有限公司,,,,,,,qq.com\n示例二科技有限公司,,,,,,不存在的人,\n示例三科技有限公司,,`, 'utf8'));
      expect(res.body.details.rows).toEqual([
        { row: 2, problem: 'DOMAIN_FREE_MAIL' },
        { row: 3, problem: 'OWNER_UNKNOWN' },
        { row: 4, problem: 'COLUMNS_WRONG' },
      ]);
      const broken = await importAccounts(server, marketer.token, Buffer.from('公司名称,"未闭合', 'utf8'));
      expect(broken.status).toBe(400);
      expect(broken.body.code).toBe('ACCOUNT_IMPORT_UNREADABLE');
      const sales = await importAccounts(server, salesA.token, Buffer.from(`${CSV_HEADER}\n${row(99)}`, 'utf8'));
      expect(sales.status).toBe(403);
    });
  });

  describe('accounts list, page and merge', () => {
    it('lists with filters and keyset pages, opens an account for its owner only', async () => {
      const page1 = await server.http('GET', '/api/accounts?target=true&tier=B&limit=20', undefined, marketer.token);
      expect(page1.status).toBe(200);
      expect(page1.body.items).toHaveLength(20);
      const page2 = await server.http('GET', `/api/accounts?target=true&tier=B&limit=20&cursor=${page1.body.nextCursor}`, undefined, marketer.token);
      const page3 = await server.http('GET', `/api/accounts?target=true&tier=B&limit=20&cursor=${page2.body.nextCursor}`, undefined, marketer.token);
      expect(page3.body.items).toHaveLength(10);
      expect(page3.body.nextCursor).toBeNull();
      const ids = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((a: { id: string }) => a.id);
      expect(new Set(ids).size).toBe(50);

      const search = await server.http('GET', `/api/accounts?q=${encodeURIComponent('华为技术（深圳）')}`, undefined, marketer.token);
      expect(search.body.items.map((a: { name: string }) => a.name)).toEqual(['华为技术有限公司']);
      const wildcard = await server.http('GET', `/api/accounts?q=${encodeURIComponent('%_')}`, undefined, marketer.token);
      expect(wildcard.body.items).toEqual([]);
      const huawei = search.body.items[0];
      expect(huawei).toMatchObject({ contactCount: 5, isTarget: true, tier: 'A', owner: { name: 'sales-b' } });

      // account intent is the sum of its contacts' current intent (stored as decay keys on their leads)
      await server.dataSource.query('UPDATE leads SET intent_key = ? WHERE person_id IN (SELECT id FROM persons WHERE account_id = ?)', [intentKey(10, Date.now(), 30), huawei.id]);
      const withIntent = await server.http('GET', `/api/accounts/${huawei.id}`, undefined, salesB.token);
      expect(withIntent.status).toBe(200);
      expect(withIntent.body.intent).toBe(50);
      expect(withIntent.body.contacts.map((c: { intent: number }) => c.intent)).toEqual([10, 10, 10, 10, 10]);
      const notYours = await server.http('GET', `/api/accounts/${huawei.id}`, undefined, salesA.token);
      expect(notYours.status).toBe(403);
      expect(notYours.body.code).toBe('ACCOUNT_NOT_YOURS');
      expect((await server.http('GET', '/api/accounts', undefined, salesB.token)).status).toBe(403);
      const owners = await server.http('GET', '/api/accounts/owners', undefined, marketer.token);
      expect(owners.body.items.map((s: { name: string }) => s.name)).toEqual(['marketer-acc', 'sales-a', 'sales-b']);
      // the picker reads keyset pages by name
      const first = await server.http('GET', '/api/accounts/owners?limit=2', undefined, marketer.token);
      const second = await server.http('GET', `/api/accounts/owners?limit=2&cursor=${first.body.nextCursor}`, undefined, marketer.token);
      expect([...first.body.items, ...second.body.items].map((s: { name: string }) => s.name)).toEqual(['marketer-acc', 'sales-a', 'sales-b']);
      expect(second.body.nextCursor).toBeNull();
      const reassigned = await server.http('PATCH', `/api/accounts/${huawei.id}`, { ownerStaffId: salesA.staffId }, marketer.token);
      expect(reassigned.body.owner).toEqual({ id: salesA.staffId, name: 'sales-a' });
      expect((await server.http('GET', `/api/accounts/${huawei.id}`, undefined, salesA.token)).status).toBe(200);
      await server.http('PATCH', `/api/accounts/${huawei.id}`, { ownerStaffId: salesB.staffId }, marketer.token);
      expect((await server.http('GET', '/api/accounts/not-an-id', undefined, marketer.token)).body.code).toBe('ACCOUNT_NOT_FOUND');
    });

    it('sets a contact’s buying role, recorded with who', async () => {
      const [{ id }] = await server.dataSource.query("SELECT id FROM accounts WHERE normalized_name = '华为技术'");
      const detail = await server.http('GET', `/api/accounts/${id}`, undefined, marketer.token);
      const contact = detail.body.contacts[0];
      const set = await server.http('PUT', `/api/accounts/${id}/contacts/${contact.personId}/role`, { buyingRole: 'procurement' }, marketer.token);
      expect(set.status).toBe(200);
      expect(set.body.contacts.find((c: { personId: string }) => c.personId === contact.personId).buyingRole).toBe('procurement');
      expect(await count(server, "SELECT COUNT(*) FROM profile_changes WHERE person_id = ? AND field = 'buyingRole' AND by_staff_id = ?", [contact.personId, marketer.staffId])).toBe(1);
      const stranger = await server.http('PUT', `/api/accounts/${id}/contacts/${marketer.personId}/role`, { buyingRole: 'user' }, marketer.token);
      expect(stranger.body.code).toBe('CONTACT_NOT_IN_ACCOUNT');
    });

    it('merges two accounts: contacts move, the merged one points at the survivor, later joins follow it', async () => {
      const a = await prospect('tencent-1', { name: '马一', company: '腾讯科技（深圳）有限公司', title: '经理', email: 'm1@163.com' });
      const b = await prospect('tencent-2', { name: '马二', company: '深圳市腾讯计算机系统有限公司', title: '经理', email: 'm2@163.com' });
      await drain(server);
      const [survivor, merged] = [await accountOf(a.personId), await accountOf(b.personId)];
      expect(survivor).not.toBe(merged);

      const res = await server.http('POST', `/api/accounts/${survivor}/merge`, { mergedId: merged }, marketer.token);
      expect(res.status).toBe(200);
      expect(res.body.contacts.map((c: { personId: string }) => c.personId).sort()).toEqual([a.personId, b.personId].sort());
      expect(res.body.mergedNames).toEqual(['深圳市腾讯计算机系统有限公司']);
      expect(await accountOf(b.personId)).toBe(survivor);
      const [record] = await server.dataSource.query('SELECT survivor_id, merged_id, by_staff_id, moved_contacts FROM account_merges');
      expect(record).toEqual({ survivor_id: survivor, merged_id: merged, by_staff_id: marketer.staffId, moved_contacts: 1 });
      expect((await server.http('GET', `/api/accounts/${merged}`, undefined, marketer.token)).body.code).toBe('ACCOUNT_NOT_FOUND');
      const again = await server.http('POST', `/api/accounts/${survivor}/merge`, { mergedId: merged }, marketer.token);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ACCOUNT_MERGE_INVALID');

      const later = await prospect('tencent-3', { name: '马三', company: '深圳市腾讯计算机系统有限公司', title: '专员', email: 'm3@126.com' });
      await drain(server);
      expect(await accountOf(later.personId)).toBe(survivor);
    });
  });
});

/** `npm start` runs on the embedded SQLite: the join, the search and the import hold there too. */
describe('accounts on the embedded SQLite', () => {
  let dir: string;
  let running: RunningApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadloop-accounts-'));
    running = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'leadloop.sqlite'), LOG_LEVEL: 'warn', EVENT_PROCESSOR_INTERVAL_MS: '0' }));
  });
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const login = async (persona: string) => (await call('POST', '/api/auth/wechat/login', { code: (await call('POST', `/sandbox/personas/${persona}/login-code`)).body.code })).body.token as string;

  it('joins people, searches with wildcards escaped and imports a GBK file', async () => {
    const invite = await running.app.get(StaffService).issueInvite(null, { name: 'lite-marketer', role: 'marketer', ttlHours: 1 });
    const marketer = (await call('POST', '/api/staff/invites/accept', { token: invite.token }, await login('lite-marketer'))).body.token as string;
    for (const [i, company] of ['海尔集团公司', '海尔集团（中国）有限公司'].entries()) {
      expect((await call('PATCH', '/api/me', { company, email: `p${i}@haier.com` }, await login(`lite-haier-${i}`))).status).toBe(200);
    }
    await running.app.get(Pipeline).drain();
    const found = await call('GET', `/api/accounts?q=${encodeURIComponent('海尔')}`, undefined, marketer);
    expect(found.body.items).toEqual([expect.objectContaining({ name: '海尔集团公司', contactCount: 2, emailDomain: 'haier.com' })]);
    expect((await call('GET', `/api/accounts?q=${encodeURIComponent('%')}`, undefined, marketer)).body.items).toEqual([]);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(gbkEncode(`${CSV_HEADER}\n海尔集团,制造业,5000+,山东,青岛,A,,\n格力电器股份有限公司,制造业,,广东,珠海,B,,gree.com.cn`))], { type: 'text/csv' }), 'targets.csv');
    const imported = await fetch(`${running.url}/api/accounts/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${marketer}` } });
    expect(await imported.json()).toEqual({ created: 1, updated: 1, encoding: 'gbk' });
    const targets = await call('GET', '/api/accounts?target=true', undefined, marketer);
    expect(targets.body.items.map((a: { name: string; tier: string }) => `${a.name}/${a.tier}`).sort()).toEqual(['格力电器股份有限公司/B', '海尔集团公司/A']);
  });
});
