import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RescoreRuns } from '../src/modules/scoring/rescore-runs';
import { Scorer } from '../src/modules/scoring/scorer';
import { Activity } from '../src/modules/activity/activity';
import { EventEntity } from '../src/modules/activity/activity.entity';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { clockOf } from './support/clock';
import { firstSignup, publishEvent } from './support/live';
import { count, drain } from './support/share';
import { consent, publishedWhitepaper, requestDownload } from './support/whitepaper';

const POLICY = '2026-11';
const MINUTE = 60_000;
const DAY = 86_400_000;
const HALF_LIFE = 30;

describe('lead scoring (能力 × 意愿)', () => {
  let server: TestServer;
  let marketer: { token: string; personId: string; staffId: string };
  let sales: { token: string; personId: string; staffId: string };
  let whitepaperId: string;
  let cardId: string;
  const storageDir = mkdtempSync(join(tmpdir(), 'leadloop-scoring-'));

  beforeAll(async () => {
    server = await startTestServer('scoring', { EVENT_PROCESSOR_INTERVAL_MS: '0', CARD_RETURN_VISIT_MINUTES: '45', PRIVACY_POLICY_VERSION: POLICY, STORAGE_DIR: storageDir });
    marketer = await staffAs(server, 'scoring-marketer', 'marketer');
    sales = await staffAs(server, 'scoring-sales', 'sales');
    whitepaperId = await publishedWhitepaper(server, marketer.token, 'name', '2026 制造业私域增长白皮书');
    cardId = (await server.http('GET', '/api/cards/mine', undefined, sales.token)).body.id;
  });
  afterAll(async () => {
    await server.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const clock = () => clockOf(server.app);
  /** The breakdown as the marketer reads it (signed in afresh: the tests move the clock past sessions' lifetime). */
  const scoreOf = async (personId: string) => {
    marketer = { ...marketer, token: (await loginAs(server, 'scoring-marketer')).token };
    const res = await server.http('GET', `/api/leads/${personId}/score`, undefined, marketer.token);
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body;
  };
  const lead = async (personId: string) => (await server.dataSource.query('SELECT stage, fit_grade, fit_points, intent_key FROM leads WHERE person_id = ?', [personId]))[0];
  /** Profile fields as B's profile editing would leave them (set before the person's first activity). */
  const setProfile = (personId: string, fields: Record<string, string>) =>
    server.dataSource.query(`UPDATE persons SET ${Object.keys(fields).map((k) => `${k} = ?`).join(', ')} WHERE id = ?`, [...Object.values(fields), personId]);
  const download = (token: string) => requestDownload(server, token, whitepaperId, { gate: { profile: { name: '下载者' }, consent: consent(POLICY) } });
  const viewCard = (token: string) => server.http('GET', `/api/cards/${cardId}`, undefined, token);
  /** Σ points · 2^(−(asOf − at)/halfLife) over the intent items of a breakdown. */
  const expectedIntent = (score: any) =>
    score.items.filter((i: any) => i.dimension === 'intent').reduce((sum: number, i: any) => sum + i.points * 2 ** (-(Date.parse(score.asOf) - Date.parse(i.at)) / (HALF_LIFE * DAY)), 0);

  it('scores a scripted prospect exactly: sign-up, 40 minutes watched, a download, a return to the card; decays by the half-life', async () => {
    const event = await publishEvent(server, marketer.token, { startAt: new Date(clock().nowMs() - 2 * MINUTE).toISOString(), endAt: new Date(clock().nowMs() + 120 * MINUTE).toISOString() });
    const person = await loginAs(server, 'scripted-prospect');
    await setProfile(person.personId, { industry: '制造业', seniority: 'director', size_band: '1000-4999' });
    expect((await server.http('POST', `/api/live/${event.id}/signups`, firstSignup('王经理'), person.token)).status).toBe(200);
    const report = (kind: string) => server.http('POST', `/api/live/${event.id}/attendance`, { kind, sessionId: 'scripted-session' }, person.token);
    expect((await report('join')).status).toBe(200);
    for (let minute = 1; minute < 40; minute++) {
      clock().advance(MINUTE);
      await report('heartbeat');
    }
    expect((await report('heartbeat')).body.watchMinutes).toBe(40);
    expect((await download(person.token)).status).toBe(201);
    expect((await viewCard(person.token)).status).toBe(200);
    clock().advance(50 * MINUTE);
    expect((await viewCard(person.token)).status).toBe(200);
    await drain(server);

    const score = await scoreOf(person.personId);
    expect(score).toMatchObject({ grade: 'B', fitPoints: 65, halfLifeDays: HALF_LIFE });
    const lines = score.items.map((i: any) => `${i.dimension}:${i.label}:${i.points}`).sort();
    expect(lines).toEqual(
      [
        'fit:目标行业:20',
        'fit:高管或总监:25',
        'fit:公司规模 200 人以上:20',
        'intent:报名直播:10',
        'intent:参加直播:15',
        'intent:观看直播 ≥ 30 分钟:20',
        'intent:下载白皮书:15',
        'intent:查看名片:3',
        'intent:查看名片:3',
        'intent:再次访问名片:5',
      ].sort(),
    );
    const download_ = score.items.find((i: any) => i.label === '下载白皮书');
    expect(download_).toMatchObject({ activity: '下载白皮书', contentTitle: '2026 制造业私域增长白皮书' });
    expect(score.items.find((i: any) => i.label === '观看直播 ≥ 30 分钟').contentTitle).toBe('制造业数字化转型直播');
    expect(Math.abs(score.intent - expectedIntent(score))).toBeLessThan(1e-6);
    expect(score.intent).toBeGreaterThan(70.9);
    expect(score.intent).toBeLessThan(71);
    // fit B and intent ≥ 50: new → engaged → MQL, each by its rule
    const stages = (await server.http('GET', `/api/leads/${person.personId}/stages`, undefined, marketer.token)).body.items;
    expect(stages.map((s: any) => [s.from, s.to, s.by, s.automatic])).toEqual([
      ['engaged', 'mql', '达到 MQL 标准（自动）', true],
      ['new', 'engaged', '首次互动（自动）', true],
    ]);
    expect(stages[0].reason).toBe('能力 B · 意愿 71');
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE type = 'stage_change' AND person_id = ?", [person.personId])).toBe(2);

    // 60 days later: each item is worth points · 2^(−60/30) of what it was, nothing rescanned
    clock().advance(60 * DAY);
    const later = await scoreOf(person.personId);
    expect(Math.abs(later.intent - expectedIntent(later))).toBeLessThan(1e-6);
    expect(Math.abs(later.intent - 71 / 4)).toBeLessThan(0.05);
    const watched = later.items.find((i: any) => i.label === '观看直播 ≥ 30 分钟');
    expect(Math.abs(watched.pointsNow - 20 * 2 ** (-(Date.parse(later.asOf) - Date.parse(watched.at)) / (HALF_LIFE * DAY)))).toBeLessThan(1e-9);
  });

  it('holds the caps under 100 repeated downloads in a day: three count', async () => {
    const person = await loginAs(server, 'eager-downloader');
    for (let i = 0; i < 100; i++) expect((await download(person.token)).status).toBe(201);
    await drain(server);
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE type = 'download' AND person_id = ?", [person.personId])).toBe(100);
    const score = await scoreOf(person.personId);
    expect(score.items.filter((i: any) => i.label === '下载白皮书')).toHaveLength(3);
    expect(Math.abs(score.intent - expectedIntent(score))).toBeLessThan(1e-6);
    expect(score.intent).toBeGreaterThan(44.99);
    expect(score.intent).toBeLessThanOrEqual(45);
    // the next China-time day opens three more
    clock().advance(DAY);
    const again = await loginAs(server, 'eager-downloader');
    for (let i = 0; i < 5; i++) expect((await download(again.token)).status).toBe(201);
    await drain(server);
    expect((await scoreOf(person.personId)).items.filter((i: any) => i.label === '下载白皮书')).toHaveLength(6);
  });

  it('scores an event delivered twice once', async () => {
    const person = await loginAs(server, 'twice-delivered');
    await download(person.token);
    await drain(server);
    const before = await lead(person.personId);
    const events = await server.dataSource.manager.find(EventEntity, { where: { personId: person.personId, type: 'download' } });
    expect(events).toHaveLength(1);
    await server.dataSource.transaction((em) => server.app.get(Scorer).handle(em, events));
    await server.dataSource.transaction((em) => server.app.get(Scorer).handle(em, events));
    expect(await lead(person.personId)).toEqual(before);
    expect(await count(server, "SELECT COUNT(*) FROM score_items WHERE person_id = ? AND dimension = 'intent'", [person.personId])).toBe(1);
  });

  it("puts a person's score items and stage history in 我的's export and erases them with the person", async () => {
    const person = await loginAs(server, 'exports-scores');
    await download(person.token);
    await drain(server);
    const exported = (await server.http('GET', '/api/me/export', undefined, person.token)).body.sections.leadScoring;
    expect(exported.scoreItems).toEqual([expect.objectContaining({ rule: '下载白皮书', dimension: 'intent', points: 15 })]);
    expect(exported.stageChanges).toEqual([expect.objectContaining({ from: 'new', to: 'engaged' })]);
    expect((await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, person.token)).status).toBe(200);
    expect(await count(server, 'SELECT COUNT(*) FROM score_items WHERE person_id = ?', [person.personId])).toBe(0);
    expect(await count(server, 'SELECT COUNT(*) FROM lead_stage_changes WHERE person_id = ?', [person.personId])).toBe(0);
  });

  it('writes nothing about a person whose erasure committed after their events were read', async () => {
    const person = await loginAs(server, 'erased-mid-batch');
    await download(person.token);
    // the batch as the consumer read it, before the erasure
    const events = await server.dataSource.manager.find(EventEntity, { where: { personId: person.personId, type: 'download' } });
    expect((await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, person.token)).status).toBe(200);
    await server.dataSource.transaction((em) => server.app.get(Scorer).handle(em, events));
    await drain(server);
    expect(await count(server, 'SELECT COUNT(*) FROM score_items WHERE person_id = ?', [person.personId])).toBe(0);
    expect(await count(server, 'SELECT COUNT(*) FROM leads WHERE person_id = ?', [person.personId])).toBe(0);
  });

  it('re-grades fit when a profile_update activity says the profile changed', async () => {
    const person = await loginAs(server, 'promoted-buyer');
    await download(person.token);
    await drain(server);
    expect(await scoreOf(person.personId)).toMatchObject({ grade: 'D', fitPoints: 0 });
    await setProfile(person.personId, { seniority: 'executive', size_band: '5000+', province: '浙江', buying_role: 'decision_maker' });
    await server.dataSource.transaction((em) =>
      server.app.get(Activity).record(em, { kind: 'profile_update', personId: person.personId, refId: 'PROFILE0CHANGE0000000000001', page: '', contentType: 'page', contentId: 'profile', source: { nodeId: null, channelId: null } }),
    );
    await drain(server);
    const score = await scoreOf(person.personId);
    expect(score).toMatchObject({ grade: 'A', fitPoints: 70 });
    expect(score.items.filter((i: any) => i.dimension === 'fit').map((i: any) => i.label).sort()).toEqual(['公司规模 200 人以上', '决策者', '重点区域', '高管或总监'].sort());
  });

  it('re-scores every lead in the background when the rules change, with progress to the total', async () => {
    const person = await loginAs(server, 'rescored');
    await download(person.token);
    await drain(server);
    const before = await scoreOf(person.personId);
    expect(before.items.find((i: any) => i.label === '下载白皮书').points).toBe(15);

    const rules = (await server.http('GET', '/api/console/scoring/rules', undefined, marketer.token)).body;
    const intentRules = rules.intentRules.map((r: any) => (r.key === 'whitepaper_download' ? { ...r, label: '下载白皮书（重点）', points: 40 } : r));
    const saved = await server.http('PUT', '/api/console/scoring/rules', { intentRules, fitRules: rules.fitRules, grades: rules.grades }, marketer.token);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(rules.version + 1);
    const leads = await count(server, 'SELECT COUNT(*) FROM leads');
    const started = (await server.http('GET', '/api/console/scoring/rescore', undefined, marketer.token)).body.run;
    expect(started).toMatchObject({ version: rules.version + 1, reason: 'rules', status: 'running', total: leads, done: 0 });

    await server.app.get(RescoreRuns).drain();
    const finished = (await server.http('GET', '/api/console/scoring/rescore', undefined, marketer.token)).body.run;
    expect(finished).toMatchObject({ status: 'finished', total: leads, done: leads });
    const after = await scoreOf(person.personId);
    expect(after.ruleVersion).toBe(rules.version + 1);
    expect(after.items.find((i: any) => i.dimension === 'intent')).toMatchObject({ label: '下载白皮书（重点）', points: 40 });
    expect(Math.abs(after.intent - expectedIntent(after))).toBeLessThan(1e-6);
    expect(after.intent).toBeGreaterThan(39.9);

    // a rule taken out: its items go at the next re-score, and the intent with them
    const without = intentRules.filter((r: any) => r.key !== 'whitepaper_download');
    expect((await server.http('PUT', '/api/console/scoring/rules', { intentRules: without, fitRules: rules.fitRules, grades: rules.grades }, marketer.token)).status).toBe(200);
    await server.app.get(RescoreRuns).drain();
    const gone = await scoreOf(person.personId);
    expect(gone.items.filter((i: any) => i.dimension === 'intent')).toEqual([]);
    expect(gone.intent).toBe(0);
    expect(await count(server, "SELECT COUNT(*) FROM score_items WHERE person_id = ? AND dimension = 'intent'", [person.personId])).toBe(0);
  });

  it('previews a draft on recent leads without changing them, and refuses a hostile draft', async () => {
    const rules = (await server.http('GET', '/api/console/scoring/rules', undefined, marketer.token)).body;
    const draft = { intentRules: rules.intentRules.map((r: any) => ({ ...r, points: 0 })), fitRules: [], grades: rules.grades };
    const preview = await server.http('POST', '/api/console/scoring/preview', { draft }, marketer.token);
    expect(preview.status).toBe(200);
    expect(preview.body.items).toHaveLength(Math.min(5, await count(server, 'SELECT COUNT(*) FROM leads')));
    for (const item of preview.body.items) expect(item.draft).toEqual({ grade: 'D', fitPoints: 0, intent: 0 });
    expect(await count(server, 'SELECT COUNT(*) FROM score_rule_sets')).toBe(rules.version);

    const tooMany = await server.http('PUT', '/api/console/scoring/rules', { ...draft, intentRules: [{ ...rules.intentRules[0], points: 1000 }] }, marketer.token);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');
    const twice = await server.http('PUT', '/api/console/scoring/rules', { ...draft, intentRules: [rules.intentRules[0], rules.intentRules[0]] }, marketer.token);
    expect(twice.body.code).toBe('VALIDATION_FAILED');
    expect((await server.http('PUT', '/api/console/scoring/rules', draft, (await loginAs(server, 'scoring-sales')).token)).status).toBe(403);
    expect((await server.http('PUT', '/api/console/scoring/settings', { halfLifeDays: 0, mqlMinGrade: 'B', mqlMinIntent: 50 }, marketer.token)).body.code).toBe('VALIDATION_FAILED');
    // a half-life under 7 days would overflow the stored intent keys within a few years
    expect((await server.http('PUT', '/api/console/scoring/settings', { halfLifeDays: 6, mqlMinGrade: 'B', mqlMinIntent: 50 }, marketer.token)).body.code).toBe('VALIDATION_FAILED');
  });
});

describe('lifecycle stages', () => {
  let server: TestServer;
  let marketer: { token: string; personId: string; staffId: string };
  let owner: { token: string; personId: string; staffId: string };
  let otherSales: { token: string; personId: string; staffId: string };
  let whitepaperId: string;
  const storageDir = mkdtempSync(join(tmpdir(), 'leadloop-stages-'));

  beforeAll(async () => {
    server = await startTestServer('stages', { EVENT_PROCESSOR_INTERVAL_MS: '0', PRIVACY_POLICY_VERSION: POLICY, STORAGE_DIR: storageDir });
    marketer = await staffAs(server, 'stages-marketer', 'marketer');
    owner = await staffAs(server, 'stages-owner', 'sales');
    otherSales = await staffAs(server, 'stages-other', 'sales');
    whitepaperId = await publishedWhitepaper(server, marketer.token, 'name');
  });
  afterAll(async () => {
    await server.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const download = (token: string) => requestDownload(server, token, whitepaperId, { gate: { profile: { name: '客户' }, consent: consent(POLICY) } });
  const stageOf = async (personId: string) => (await server.dataSource.query('SELECT stage FROM leads WHERE person_id = ?', [personId]))[0].stage;
  const move = (personId: string, body: Record<string, unknown>, token: string) => server.http('POST', `/api/leads/${personId}/stage`, body, token);
  const historyOf = async (personId: string) => (await server.http('GET', `/api/leads/${personId}/stages`, undefined, marketer.token)).body.items;

  it('makes a lead an MQL only when fit grade and intent both meet the thresholds', async () => {
    // grade A, little intent
    const fit = await loginAs(server, 'fit-only');
    await server.dataSource.query("UPDATE persons SET industry = '金融', seniority = 'executive', size_band = '5000+', province = '北京' WHERE id = ?", [fit.personId]);
    await download(fit.token);
    // grade D, much intent: three downloads (45) and a sign-up… still D
    const keen = await loginAs(server, 'intent-only');
    for (let i = 0; i < 3; i++) await download(keen.token);
    await drain(server);
    expect(await server.dataSource.query('SELECT fit_grade FROM leads WHERE person_id IN (?, ?) ORDER BY fit_grade', [fit.personId, keen.personId])).toEqual([{ fit_grade: 'A' }, { fit_grade: 'D' }]);
    expect(await stageOf(fit.personId)).toBe('engaged');
    expect(await stageOf(keen.personId)).toBe('engaged');
    // the marketer lowers the intent threshold to 40: the keen D lead still is no MQL; more intent for the A lead makes it one
    await server.http('PUT', '/api/console/scoring/settings', { halfLifeDays: 30, mqlMinGrade: 'B', mqlMinIntent: 40 }, marketer.token);
    await download(keen.token);
    for (let i = 0; i < 2; i++) await download(fit.token);
    await drain(server);
    expect(await stageOf(keen.personId)).toBe('engaged');
    expect(await stageOf(fit.personId)).toBe('mql');
  });

  it('records every move with from, to, why and who; refuses illegal moves and other salespeople', async () => {
    const person = await loginAs(server, 'handed-over');
    await server.dataSource.query("UPDATE persons SET industry = '制造业', seniority = 'executive', size_band = '5000+' WHERE id = ?", [person.personId]);
    for (let i = 0; i < 3; i++) await download(person.token);
    await drain(server);
    expect(await stageOf(person.personId)).toBe('mql');
    await server.dataSource.query('UPDATE leads SET owner_staff_id = ? WHERE person_id = ?', [owner.staffId, person.personId]);

    const illegal = await move(person.personId, { to: 'won' }, marketer.token);
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'STAGE_TRANSITION_INVALID' });
    const notYours = await move(person.personId, { to: 'sal' }, otherSales.token);
    expect(notYours.status).toBe(403);
    expect(notYours.body.code).toBe('LEAD_NOT_YOURS');
    expect((await server.http('GET', `/api/leads/${person.personId}/stages`, undefined, otherSales.token)).body.code).toBe('LEAD_NOT_YOURS');
    expect((await server.http('GET', `/api/leads/${person.personId}/score`, undefined, otherSales.token)).body.code).toBe('LEAD_NOT_YOURS');
    expect(await stageOf(person.personId)).toBe('mql');

    const accepted = await move(person.personId, { to: 'sal', reason: '已电话沟通，需求明确' }, owner.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ stage: 'sal' });
    expect((await move(person.personId, { to: 'nurture' }, owner.token)).body.code).toBe('STAGE_REASON_REQUIRED');
    expect((await move(person.personId, { to: 'sql' }, owner.token)).status).toBe(200);
    expect((await move(person.personId, { to: 'lost', reason: '预算取消' }, owner.token)).status).toBe(200);
    expect((await move(person.personId, { to: 'nurture', reason: '明年再跟进' }, marketer.token)).status).toBe(200);
    // an owner may not make marketing's moves
    const ownersMql = await move(person.personId, { to: 'mql' }, owner.token);
    expect(ownersMql.status).toBe(403);
    expect(ownersMql.body.code).toBe('STAGE_NOT_ALLOWED');
    expect((await move(person.personId, { to: 'bogus' }, marketer.token)).body.code).toBe('VALIDATION_FAILED');

    const history = await historyOf(person.personId);
    expect(history.map((h: any) => [h.from, h.to, h.by, h.reason])).toEqual([
      ['lost', 'nurture', 'stages-marketer', '明年再跟进'],
      ['sql', 'lost', 'stages-owner', '预算取消'],
      ['sal', 'sql', 'stages-owner', null],
      ['mql', 'sal', 'stages-owner', '已电话沟通，需求明确'],
      ['engaged', 'mql', '达到 MQL 标准（自动）', expect.stringMatching(/^能力 B · 意愿 \d+$/)],
      ['new', 'engaged', '首次互动（自动）', null],
    ]);
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE type = 'stage_change' AND person_id = ?", [person.personId])).toBe(6);
    const page = await server.http('GET', `/api/leads/${person.personId}/stages?limit=4`, undefined, marketer.token);
    const rest = await server.http('GET', `/api/leads/${person.personId}/stages?limit=4&cursor=${page.body.nextCursor}`, undefined, marketer.token);
    expect([...page.body.items, ...rest.body.items].map((h: any) => h.id)).toEqual(history.map((h: any) => h.id));
    expect(rest.body.nextCursor).toBeNull();
  });
});
