import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaDayOf, intentAt } from '@leadloop/shared';
import { RescoreRuns } from '../src/modules/scoring/rescore-runs';
import { newId } from '../src/database/ids';
import { Timers } from '../src/modules/timers/timers.service';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { clockOf } from './support/clock';
import { count, drain } from './support/share';
import { consent, publishedWhitepaper, requestDownload } from './support/whitepaper';

jest.setTimeout(120_000);

const POLICY = '2026-11';
const HOUR = 3_600_000;
const DAY = 86_400_000;
type Staff = { token: string; personId: string; staffId: string };

/** A server with a whitepaper whose three downloads (45 intent) make a B-grade prospect an MQL (threshold 40). */
async function feedbackServer(label: string) {
  const storageDir = mkdtempSync(join(tmpdir(), `leadloop-${label}-`));
  const server = await startTestServer(label, { EVENT_PROCESSOR_INTERVAL_MS: '0', PRIVACY_POLICY_VERSION: POLICY, STORAGE_DIR: storageDir, SESSION_TTL_MINUTES: '10080', CONSOLE_SESSION_TTL_MINUTES: '10080' });
  const marketer = await staffAs(server, `${label}-marketer`, 'marketer');
  const whitepaperId = await publishedWhitepaper(server, marketer.token, 'name');
  expect((await server.http('PUT', '/api/console/scoring/settings', { halfLifeDays: 30, mqlMinGrade: 'B', mqlMinIntent: 40 }, marketer.token)).status).toBe(200);

  /** A prospect (executive, 5000+ people: grade B, plus `profile`) who downloads three times, owned by `owner`; drained, so an MQL. */
  const mqlLead = async (persona: string, owner: Staff | null, profile: Record<string, string> = {}) => {
    const person = await loginAs(server, persona);
    const fields = { seniority: 'executive', size_band: '5000+', ...profile };
    await server.dataSource.query(`UPDATE persons SET ${Object.keys(fields).map((k) => `${k} = ?`).join(', ')} WHERE id = ?`, [...Object.values(fields), person.personId]);
    for (let i = 0; i < 3; i++) expect((await requestDownload(server, person.token, whitepaperId, { gate: { profile: { name: persona }, consent: consent(POLICY) } })).status).toBe(201);
    await drain(server);
    if (owner) await server.dataSource.query('UPDATE leads SET owner_staff_id = ? WHERE person_id = ?', [owner.staffId, person.personId]);
    expect(await stageOf(person.personId)).toBe('mql');
    return person.personId;
  };
  const stageOf = async (personId: string) => (await server.dataSource.query('SELECT stage FROM leads WHERE person_id = ?', [personId]))[0]?.stage;
  const feedback = (personId: string, body: Record<string, unknown>, token: string) => server.http('POST', `/api/leads/${personId}/feedback`, body, token);
  const close = async () => {
    await server.close();
    rmSync(storageDir, { recursive: true, force: true });
  };
  return { server, marketer, mqlLead, stageOf, feedback, close };
}

describe('feedback from sales', () => {
  let env: Awaited<ReturnType<typeof feedbackServer>>;
  let owner: Staff;
  let otherSales: Staff;
  const today = () => chinaDayOf(clockOf(env.server.app).now());
  const dayAfter = (days: number) => chinaDayOf(new Date(clockOf(env.server.app).nowMs() + days * DAY));

  beforeAll(async () => {
    env = await feedbackServer('handoff');
    owner = await staffAs(env.server, 'handoff-owner', 'sales');
    otherSales = await staffAs(env.server, 'handoff-other', 'sales');
  });
  afterAll(() => env.close());

  it('moves the stage with each piece of feedback, with who gave it, in the stage history and the timeline', async () => {
    const { server, feedback, marketer } = env;
    const lead = await env.mqlLead('won-customer', owner);
    const pkg = (await server.http('GET', `/api/leads/${lead}/handoff`, undefined, owner.token)).body;
    expect(pkg).toMatchObject({ actions: ['accept', 'reject', 'contact'], stageMoves: [], followUpOn: null, opportunity: null, recent: [] });
    expect((await server.http('GET', `/api/leads/${lead}/handoff`, undefined, marketer.token)).body.stageMoves).toEqual(['sal', 'nurture']);

    const accepted = await feedback(lead, { kind: 'accept' }, owner.token);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ stage: 'sal', feedback: { kind: 'accept', label: '接受线索', by: 'handoff-owner' } });
    const followUp = dayAfter(2);
    const called = await feedback(lead, { kind: 'contact', channel: 'call', outcome: 'reached', note: '客户确认有预算', nextFollowUpOn: followUp }, owner.token);
    expect(called.status).toBe(201);
    expect(called.body).toMatchObject({ stage: 'sal', followUpOn: followUp, feedback: { detail: `电话 · 已沟通 · 下次跟进 ${followUp}`, note: '客户确认有预算' } });
    // 我的线索 sorted by follow-up: this lead, with its day (待跟进)
    const mine = (await server.http('GET', '/api/leads?sort=follow_up', undefined, owner.token)).body.items;
    expect(mine.map((l: any) => [l.id, l.followUpOn])).toEqual([[lead, followUp]]);
    expect((await feedback(lead, { kind: 'opportunity', amountFen: 12_000_000, expectedCloseOn: dayAfter(30) }, owner.token)).body.stage).toBe('sql');
    const won = await feedback(lead, { kind: 'won', amountFen: 11_800_000, note: '签约三年' }, owner.token);
    expect(won.body).toMatchObject({ stage: 'won', followUpOn: null });

    const history = (await server.http('GET', `/api/leads/${lead}/stages`, undefined, owner.token)).body.items;
    expect(history.map((h: any) => [h.from, h.to, h.by, h.reason])).toEqual([
      ['sql', 'won', 'handoff-owner', '赢单：成交金额 ¥118,000.00 · 签约三年'],
      ['sal', 'sql', 'handoff-owner', `转为商机：预计金额 ¥120,000.00 · 预计成交 ${dayAfter(30)}`],
      ['mql', 'sal', 'handoff-owner', '接受线索：已接受，开始跟进'],
      ['engaged', 'mql', '达到 MQL 标准（自动）', expect.any(String)],
      ['new', 'engaged', '首次互动（自动）', null],
    ]);
    const timeline = (await server.http('GET', `/api/leads/${lead}/timeline`, undefined, owner.token)).body.items;
    expect(timeline.filter((t: any) => t.kind === 'feedback').map((t: any) => [t.label, t.detail, t.by])).toEqual([
      ['赢单', '成交金额 ¥118,000.00 · 签约三年', 'handoff-owner'],
      ['转为商机', `预计金额 ¥120,000.00 · 预计成交 ${dayAfter(30)}`, 'handoff-owner'],
      ['跟进记录', `电话 · 已沟通 · 下次跟进 ${followUp} · 客户确认有预算`, 'handoff-owner'],
      ['接受线索', '已接受，开始跟进', 'handoff-owner'],
    ]);
    const after = (await server.http('GET', `/api/leads/${lead}/handoff`, undefined, owner.token)).body;
    expect(after).toMatchObject({ actions: ['contact'], followUpOn: null, followUpDue: false, wonAmountFen: 11_800_000, opportunity: { amountFen: 12_000_000, expectedCloseOn: dayAfter(30) } });
    expect(after.recent.map((f: any) => f.label)).toEqual(['赢单', '转为商机', '跟进记录', '接受线索']);
    // on the stream for what reacts to sales' work (SLA timers, reminders)
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE type = 'sales_feedback' AND person_id = ?", [lead])).toBe(4);
    expect((await server.http('GET', '/api/leads?sort=follow_up', undefined, owner.token)).body.items).toEqual([]);
  });

  it('refuses feedback that does not fit the stage, on another salesperson’s lead and with bad input, each with its code', async () => {
    const { server, feedback, marketer, stageOf } = env;
    const lead = await env.mqlLead('refused-feedback', owner);
    const early = await feedback(lead, { kind: 'won', amountFen: 100 }, owner.token);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'FEEDBACK_STAGE_INVALID', details: { kind: 'won', stage: 'mql', allowedFrom: ['sql'] } });
    expect((await feedback(lead, { kind: 'opportunity', amountFen: 100, expectedCloseOn: dayAfter(3) }, owner.token)).body.code).toBe('FEEDBACK_STAGE_INVALID');
    const notYours = await feedback(lead, { kind: 'accept' }, otherSales.token);
    expect(notYours.status).toBe(403);
    expect(notYours.body.code).toBe('LEAD_NOT_YOURS');
    const peek = await server.http('GET', `/api/leads/${lead}/handoff`, undefined, otherSales.token);
    expect([peek.status, peek.body.code]).toEqual([403, 'LEAD_NOT_YOURS']);
    expect((await feedback(lead, { kind: 'reject', reason: 'other' }, owner.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await feedback(lead, { kind: 'reject', reason: 'no_money' }, owner.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await feedback(lead, { kind: 'contact', channel: 'call', outcome: 'reached', note: 'x'.repeat(201) }, owner.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await feedback(lead, { kind: 'contact', channel: 'fax', outcome: 'reached' }, owner.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await feedback(lead, { kind: 'contact', channel: 'call', outcome: 'reached', nextFollowUpOn: '2026-02-30' }, owner.token)).body.code).toBe('VALIDATION_FAILED');
    const past = await feedback(lead, { kind: 'contact', channel: 'call', outcome: 'no_answer', nextFollowUpOn: dayAfter(-1) }, owner.token);
    expect([past.status, past.body.code]).toEqual([422, 'FOLLOW_UP_DATE_PAST']);
    expect((await feedback(lead, { kind: 'bogus' }, owner.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await feedback(newId(), { kind: 'accept' }, marketer.token)).body.code).toBe('LEAD_NOT_FOUND');
    expect(await stageOf(lead)).toBe('mql');
    expect(await count(server, 'SELECT COUNT(*) FROM lead_feedback WHERE person_id = ?', [lead])).toBe(0);

    // a follow-up today is fine; accepting twice is not
    expect((await feedback(lead, { kind: 'contact', channel: 'wechat', outcome: 'callback', nextFollowUpOn: today() }, owner.token)).status).toBe(201);
    expect((await server.http('GET', `/api/leads/${lead}/handoff`, undefined, owner.token)).body).toMatchObject({ followUpOn: today(), followUpDue: true });
    expect((await feedback(lead, { kind: 'accept' }, owner.token)).status).toBe(201);
    const twice = await feedback(lead, { kind: 'accept' }, owner.token);
    expect([twice.status, twice.body.code]).toEqual([409, 'FEEDBACK_STAGE_INVALID']);
    // marketing may give feedback on any lead: sent back to nurture, the follow-up cleared
    const recycled = await feedback(lead, { kind: 'reject', reason: 'no_need', note: '明年再看' }, marketer.token);
    expect(recycled.body).toMatchObject({ stage: 'nurture', followUpOn: null, feedback: { by: 'handoff-marketer', reason: '无需求' } });
  });

  it('lowers the intent of a lead rejected as junk by the sales_rejected rule; a lead with no need keeps its intent', async () => {
    const { server, feedback } = env;
    const junk = await env.mqlLead('student-visitor', owner);
    const noNeed = await env.mqlLead('no-need-yet', owner);
    const rawIntent = async (personId: string) => {
      const [row] = await server.dataSource.query('SELECT intent_key FROM leads WHERE person_id = ?', [personId]);
      return intentAt(Number(row.intent_key), clockOf(server.app).nowMs(), 30);
    };
    const [junkBefore, noNeedBefore] = [await rawIntent(junk), await rawIntent(noNeed)];
    expect(junkBefore).toBeGreaterThan(44.99);
    expect((await feedback(junk, { kind: 'reject', reason: 'student_or_job', note: '在校学生，写论文用' }, owner.token)).body.stage).toBe('nurture');
    expect((await feedback(noNeed, { kind: 'reject', reason: 'no_need' }, owner.token)).body.stage).toBe('nurture');
    await drain(server);

    expect(junkBefore - (await rawIntent(junk))).toBeCloseTo(50, 2);
    expect((await rawIntent(noNeed)) - noNeedBefore).toBeCloseTo(0, 2);
    const breakdown = (await server.http('GET', `/api/leads/${junk}/score`, undefined, owner.token)).body;
    expect(breakdown.items.filter((i: any) => i.points < 0).map((i: any) => [i.ruleKey, i.label, i.points, i.activity])).toEqual([['sales_rejected', '被销售判定为无效', -50, '被销售判定为无效']]);
    expect(breakdown.intent).toBe(0);
    // the rejection stays: nurture, not straight back to MQL
    expect([await env.stageOf(junk), await env.stageOf(noNeed)]).toEqual(['nurture', 'nurture']);
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE type = 'sales_rejected' AND person_id IN (?, ?)", [junk, noNeed])).toBe(1);
  });

  it('hands over the account’s other contacts, decision makers first, openable only where the caller may open them', async () => {
    const { server } = env;
    const lead = await env.mqlLead('account-buyer', owner);
    const boss = await env.mqlLead('account-boss', otherSales);
    const user = await env.mqlLead('account-user', owner);
    // names and buying roles as staff would set them (after the download gate asked for a name)
    await server.dataSource.query("UPDATE persons SET real_name = '周总', job_title = 'CEO', buying_role = 'decision_maker' WHERE id = ?", [boss]);
    await server.dataSource.query("UPDATE persons SET real_name = '小李', job_title = '工程师', buying_role = 'user' WHERE id = ?", [user]);
    const accountId = newId();
    await server.dataSource.query("INSERT INTO accounts (id, name, normalized_name, is_target, tier, created_at, updated_at) VALUES (?, '华东精密制造', '华东精密制造', 1, 'A', NOW(3), NOW(3))", [accountId]);
    await server.dataSource.query('UPDATE persons SET account_id = ? WHERE id IN (?, ?, ?)', [accountId, lead, boss, user]);

    const pkg = (await server.http('GET', `/api/leads/${lead}/handoff`, undefined, owner.token)).body;
    expect(pkg.account).toEqual({ id: accountId, name: '华东精密制造', isTarget: true, tier: 'A', contactCount: 3 });
    expect(pkg.otherContacts).toEqual([
      { id: boss, displayName: '周总', title: 'CEO', buyingRole: 'decision_maker', stage: 'mql', grade: 'B', owner: 'handoff-other', openable: false },
      { id: user, displayName: '小李', title: '工程师', buyingRole: 'user', stage: 'mql', grade: 'B', owner: 'handoff-owner', openable: true },
    ]);
    const pool = (await server.http('GET', `/api/leads/${lead}/handoff`, undefined, env.marketer.token)).body;
    expect(pool.otherContacts.map((c: any) => c.openable)).toEqual([true, true]);
  });

  it('reminds the owner in 销售动态 at 09:00 China time on the follow-up day, once, and moves the reminder with the day', async () => {
    const { server, feedback } = env;
    const lead = await env.mqlLead('follow-up-reminded', owner);
    expect((await feedback(lead, { kind: 'accept' }, owner.token)).status).toBe(201);
    const first = dayAfter(1);
    const second = dayAfter(2);
    expect((await feedback(lead, { kind: 'contact', channel: 'call', outcome: 'callback', nextFollowUpOn: first }, owner.token)).status).toBe(201);
    // a second contact moves the day: the first day's reminder is gone
    expect((await feedback(lead, { kind: 'contact', channel: 'wechat', outcome: 'reached', nextFollowUpOn: second }, owner.token)).status).toBe(201);
    const reminders = async () => (await server.http('GET', '/api/me/signals', undefined, owner.token)).body.items.filter((s: any) => s.kind === 'follow_up_due' && s.leadPersonId === lead);
    const clock = clockOf(server.app);
    const fireAt = async (instant: string) => {
      clock.advance(Date.parse(instant) - clock.nowMs());
      await server.app.get(Timers).fireDue();
    };
    await fireAt(`${first}T09:00:01+08:00`);
    expect(await reminders()).toEqual([]);
    await fireAt(`${second}T08:59:00+08:00`);
    expect(await reminders()).toEqual([]);
    await fireAt(`${second}T09:00:01+08:00`);
    expect(await reminders()).toEqual([expect.objectContaining({ detail: `约好今天（${second}）跟进`, read: false })]);
    await fireAt(`${second}T12:00:00+08:00`);
    expect(await reminders()).toHaveLength(1);
    expect((await server.http('GET', '/api/me/signals', undefined, otherSales.token)).body.items.filter((s: any) => s.leadPersonId === lead)).toEqual([]);
  });

  it('puts the feedback in 我的 export and erases it with the person', async () => {
    const { server, feedback } = env;
    const lead = await env.mqlLead('exported-feedback', owner);
    await feedback(lead, { kind: 'reject', reason: 'duplicate' }, owner.token);
    const exported = (await server.http('GET', '/api/me/export', undefined, (await loginAs(server, 'exported-feedback')).token)).body.sections.salesFeedback;
    expect(exported).toEqual([expect.objectContaining({ kind: '退回线索', detail: '重复' })]);
    expect((await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, (await loginAs(server, 'exported-feedback')).token)).status).toBe(200);
    expect(await count(server, 'SELECT COUNT(*) FROM lead_feedback WHERE person_id = ?', [lead])).toBe(0);
  });
});

describe('calibration: how MQLs fared with sales, and the weights that evidence suggests', () => {
  let env: Awaited<ReturnType<typeof feedbackServer>>;
  let sales: Staff;

  beforeAll(async () => {
    env = await feedbackServer('calibration');
    sales = await staffAs(env.server, 'calibration-sales', 'sales');
  });
  afterAll(() => env.close());

  it('counts a scripted set of MQLs exactly and applies a suggested weight as a new rule version', async () => {
    const { server, feedback, marketer } = env;
    const clock = clockOf(server.app);
    // six from target industries (目标行业, 20 points), five from key regions (重点区域, 10 points); all executives of 5000+ companies
    const industry = [];
    for (let i = 1; i <= 6; i++) industry.push(await env.mqlLead(`industry-${i}`, sales, { industry: '制造业' }));
    const region = [];
    for (let i = 1; i <= 5; i++) region.push(await env.mqlLead(`region-${i}`, sales, { province: '上海' }));
    const [a1, a2, a3, a4, a5] = industry;
    const [r1, r2, r3, r4] = region;
    const give = async (lead: string, kinds: Record<string, unknown>[]) => {
      for (const body of kinds) expect((await feedback(lead, body, sales.token)).status).toBe(201);
    };
    const close = chinaDayOf(new Date(clock.nowMs() + 30 * DAY));
    // accepted after 1, 2, 3, 4 and 6 hours: the median is 3
    clock.advance(HOUR);
    await give(a4, [{ kind: 'accept' }]);
    clock.advance(HOUR);
    await give(a1, [{ kind: 'accept' }, { kind: 'opportunity', amountFen: 500_000, expectedCloseOn: close }, { kind: 'won', amountFen: 480_000 }]);
    clock.advance(HOUR);
    await give(r1, [{ kind: 'accept' }]);
    clock.advance(HOUR);
    await give(a2, [{ kind: 'accept' }, { kind: 'opportunity', amountFen: 300_000, expectedCloseOn: close }, { kind: 'lost', reason: 'price' }]);
    clock.advance(2 * HOUR);
    await give(a3, [{ kind: 'accept' }]);
    await give(a5, [{ kind: 'reject', reason: 'no_budget' }]);
    await give(r2, [{ kind: 'reject', reason: 'student_or_job' }]);
    await give(r3, [{ kind: 'reject', reason: 'duplicate' }]);
    await give(r4, [{ kind: 'reject', reason: 'student_or_job' }]);
    await drain(server);

    const res = await server.http('GET', '/api/console/scoring/calibration', undefined, marketer.token);
    expect(res.status).toBe(200);
    const report = res.body;
    expect(report.overall).toEqual({
      key: 'all',
      label: '全部 MQL',
      mqls: 11,
      accepted: 5,
      rejected: 4,
      acceptRate: 0.4545,
      rejectReasons: [
        { reason: 'no_budget', label: '无预算', count: 1 },
        { reason: 'student_or_job', label: '学生/求职', count: 2 },
        { reason: 'duplicate', label: '重复', count: 1 },
      ],
      opportunities: 2,
      opportunityRate: 0.1818,
      won: 1,
      winRate: 0.5,
      medianHoursToAccept: 3,
    });
    const rule = (key: string) => report.byRule.find((g: any) => g.key === key);
    expect(rule('target_industry')).toMatchObject({ label: '目标行业', dimension: 'fit', points: 20, mqls: 6, accepted: 4, rejected: 1, acceptRate: 0.6667, opportunities: 2, won: 1, winRate: 0.5, medianHoursToAccept: 3 });
    expect(rule('key_region')).toMatchObject({ label: '重点区域', mqls: 5, accepted: 1, rejected: 3, acceptRate: 0.2, opportunities: 0, opportunityRate: 0, winRate: null, medianHoursToAccept: 3 });
    expect(rule('whitepaper_download')).toMatchObject({ dimension: 'intent', points: 15, mqls: 11, accepted: 5 });
    // the junk rejections' negative rule fired after the MQL: it is no reason the lead became one
    expect(rule('sales_rejected')).toBeUndefined();
    expect(report.byChannel).toEqual([expect.objectContaining({ key: 'direct', label: '无渠道（直接访问）', mqls: 11, accepted: 5 })]);
    expect(report.bySource).toEqual([expect.objectContaining({ key: 'whitepaper_download', label: '下载白皮书', mqls: 11 })]);
    expect(report.suggestions).toEqual([
      { ruleKey: 'target_industry', label: '目标行业', dimension: 'fit', currentPoints: 20, suggestedPoints: 29, evidence: '6 条 MQL，销售接受率 67%（整体 45%）' },
      { ruleKey: 'key_region', label: '重点区域', dimension: 'fit', currentPoints: 10, suggestedPoints: 5, evidence: '5 条 MQL，销售接受率 20%（整体 45%）' },
    ]);
    // a period with no MQLs in it
    const tomorrow = chinaDayOf(new Date(clock.nowMs() + DAY));
    expect((await server.http('GET', `/api/console/scoring/calibration?from=${tomorrow}`, undefined, marketer.token)).body.overall).toMatchObject({ mqls: 0, acceptRate: null, medianHoursToAccept: null });
    expect((await server.http('GET', '/api/console/scoring/calibration', undefined, sales.token)).status).toBe(403);

    const apply = (body: Record<string, unknown>) => server.http('POST', '/api/console/scoring/calibration/apply', body, marketer.token);
    const stale = await apply({ ruleVersion: report.ruleVersion - 1, ruleKeys: ['key_region'] });
    expect([stale.status, stale.body.code]).toEqual([409, 'CALIBRATION_STALE']);
    const unknown = await apply({ ruleVersion: report.ruleVersion, ruleKeys: ['key_region', 'senior_leader'] });
    expect([unknown.status, unknown.body.code, unknown.body.details]).toEqual([409, 'CALIBRATION_SUGGESTION_UNKNOWN', { ruleKeys: ['senior_leader'] }]);
    const applied = await apply({ ruleVersion: report.ruleVersion, ruleKeys: ['key_region'] });
    expect(applied.status).toBe(200);
    expect(applied.body.version).toBe(report.ruleVersion + 1);
    const points = (key: string) => applied.body.fitRules.find((r: any) => r.key === key).points;
    expect([points('key_region'), points('target_industry')]).toEqual([5, 20]);
    // re-scored in the background like any save: r1's fit drops by 5
    expect((await server.http('GET', '/api/console/scoring/rescore', undefined, marketer.token)).body.run).toMatchObject({ version: report.ruleVersion + 1, reason: 'rules' });
    await server.app.get(RescoreRuns).drain();
    expect((await server.http('GET', `/api/leads/${r1}/score`, undefined, marketer.token)).body).toMatchObject({ fitPoints: 50, ruleVersion: report.ruleVersion + 1 });
  });
});
