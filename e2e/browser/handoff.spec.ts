import type { Page } from 'playwright-core';
import { acceptInvite, button, eventually, field, onScreen, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona } from '../support/flows';
import { callApi, storedToken, tinyPdf } from '../support/api';
import { createInvite } from '../support/server';

/**
 * Feedback from sales in the H5 build: a prospect downloads a whitepaper a salesperson shared and
 * becomes an MQL; the salesperson opens the lead on their phone, accepts it, logs a call with the
 * next follow-up day, creates the opportunity and marks it won — each step in the action area —
 * and the stage history shows every move with their name. The marketer sees the same lead and the
 * calibration report in the console.
 */

jest.setTimeout(300_000);

const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const PAPER_TITLE = '2026 制造业数字化采购指南';
const DAY = 86_400_000;
const chinaDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

const app = setUpBrowserApp();
const screenshot = (page: Page, name: string) => screenshotPage(page, `handoff-${name}.png`);

async function anonymous<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${app.server.url}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('handoff: feedback from sales moves the lead', () => {
  let salesPhone: Page;
  let desktop: Page;
  let leadId: string;
  const followUp = chinaDay(3);
  const closeOn = chinaDay(30);

  beforeAll(async () => {
    const marketerInvite = await createInvite(app.server, { name: '赵敏', role: 'marketer' });
    const marketerPhone = await app.newPage(PHONE);
    await signInAsPersona(app, marketerPhone, 'handoff-marketer-zhao');
    await marketerPhone.goto(app.url(marketerInvite.path));
    await acceptInvite(marketerPhone);
    desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, marketerPhone);
    const consoleToken = await storedToken(desktop, 'leadloop.console-session');
    // a download alone makes an MQL here: any grade, intent 10
    await callApi(app, 'PUT', '/api/console/scoring/settings', consoleToken, { halfLifeDays: 30, mqlMinGrade: 'D', mqlMinIntent: 10 });
    const form = new FormData();
    form.set('title', PAPER_TITLE);
    form.set('summary', '采购负责人如何评估数字化方案。');
    form.set('requiredFields', JSON.stringify(['name', 'company']));
    form.set('file', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), 'guide.pdf');
    const paper = await callApi<{ id: string }>(app, 'POST', '/api/console/whitepapers', consoleToken, form);
    await callApi(app, 'POST', `/api/console/whitepapers/${paper.id}/publish`, consoleToken);

    const salesInvite = await createInvite(app.server, { name: '李娜', role: 'sales' });
    salesPhone = await app.newPage(PHONE);
    await signInAsPersona(app, salesPhone, 'handoff-sales-li');
    await salesPhone.goto(app.url(salesInvite.path));
    await acceptInvite(salesPhone);
    const salesToken = await storedToken(salesPhone, 'leadloop.session');
    const { token: shareToken } = await callApi<{ token: string }>(app, 'POST', '/api/share/tokens', salesToken, { contentType: 'whitepaper', contentId: paper.id });

    // the prospect arrives through the share and downloads
    const { code } = await anonymous<{ code: string }>('POST', '/sandbox/personas/handoff-prospect-wang/login-code');
    const session = await anonymous<{ token: string }>('POST', '/api/auth/wechat/login', { code, entry: { shareToken } });
    const consent = { policyVersion: '2026-11', accepted: true };
    await callApi(app, 'POST', `/api/whitepapers/${paper.id}/downloads`, session.token, { requestId: 'handoff-e2e-download-1', gate: { profile: { name: '王磊', company: '华东精密制造' }, consent }, shareToken });
    const leads = await eventually(
      () => callApi<{ items: { id: string; stage: string }[] }>(app, 'GET', '/api/leads', salesToken),
      (page) => page.items.length === 1 && page.items[0].stage === 'mql',
      'the lead reaches its owner as an MQL',
    );
    leadId = leads.items[0].id;
  });

  it('the salesperson accepts, logs a call with a follow-up day, creates the opportunity and wins it; the stage history shows each move', async () => {
    await salesPhone.goto(app.url('pages/mine/index'));
    await button(salesPhone, '我的线索').click();
    await onScreen(salesPhone, '.lead-row', '王磊').click();
    await onScreen(salesPhone, '.lead-detail__name', '王磊').waitFor();
    const actions = onScreen(salesPhone, '.handoff-card');
    await button(salesPhone, '接受线索').waitFor();
    await screenshot(salesPhone, 'lead-mql-390');

    await button(salesPhone, '接受线索').click();
    await button(salesPhone, '确认接受').click();
    await onScreen(salesPhone, '.handoff-item__label', '接受线索').waitFor();
    await onScreen(salesPhone, '.lead-detail__head', '销售已接受').waitFor();

    await button(salesPhone, '记录跟进').click();
    await actions.locator('.lead-chip', { hasText: '电话' }).click();
    await actions.locator('.lead-chip', { hasText: '约定再联系' }).click();
    await field(salesPhone, '下次跟进日期（选填）').fill(followUp);
    await salesPhone.locator('.handoff-form__note textarea').filter({ visible: true }).fill('采购负责人确认下月立项');
    await screenshot(salesPhone, 'contact-form-390');
    await button(salesPhone, '保存跟进记录').click();
    await onScreen(salesPhone, '.handoff-status', `待跟进 ${followUp}`).waitFor();
    await onScreen(salesPhone, '.handoff-item', `电话 · 约定再联系 · 下次跟进 ${followUp} · 采购负责人确认下月立项`).waitFor();

    await button(salesPhone, '转为商机').click();
    await field(salesPhone, '预计金额（元）').fill('120000');
    await field(salesPhone, '预计成交日期').fill(closeOn);
    await button(salesPhone, '保存商机').click();
    await onScreen(salesPhone, '.handoff-status', `商机 ¥120,000.00 · 预计 ${closeOn} 成交`).waitFor();

    await button(salesPhone, '赢单').click();
    await expect(field(salesPhone, '成交金额（元）').inputValue()).resolves.toBe('120000');
    await button(salesPhone, '确认赢单').click();
    await onScreen(salesPhone, '.handoff-status', '成交 ¥120,000.00').waitFor();
    await onScreen(salesPhone, '.lead-detail__head', '赢单').waitFor();

    // the stage history: every move, who made it and why
    const stages = ['商机 → 赢单', '销售已接受 → 商机', '市场认可 → 销售已接受'];
    for (const move of stages) await onScreen(salesPhone, '.lead-timeline__label', move).first().waitFor();
    const history = await onScreen(salesPhone, '.ll-card')
      .filter({ has: salesPhone.getByText('阶段记录', { exact: true }) })
      .innerText();
    expect(history).toContain('赢单：成交金额 ¥120,000.00');
    expect(history).toContain('李娜');
    await screenshot(salesPhone, 'lead-won-390');
  });

  it('the marketer sees the same lead, its history and the calibration report in the console', async () => {
    await desktop.goto(app.url(`packages/console/pages/lead/index?id=${leadId}`));
    await onScreen(desktop, '.lead-detail__name', '王磊').waitFor();
    await onScreen(desktop, '.handoff-item__label', '赢单').waitFor();
    await onScreen(desktop, '.lead-timeline__label', '商机 → 赢单').first().waitFor();
    // why the lead is hers: the routing decision, on the lead's page
    const routing = onScreen(desktop, '.ll-card').filter({ has: desktop.getByText('分配记录', { exact: true }) });
    await expect(routing.innerText()).resolves.toMatch(/分配给 李娜[\s\S]*成为 MQL · 分享来源销售/);
    await screenshot(desktop, 'lead-won-1440');

    await desktop.goto(app.url('packages/console/pages/scoring/index'));
    await button(desktop, '查看校准报告').click();
    const overall = onScreen(desktop, '.calibration__overall');
    await overall.waitFor();
    await expect(overall.innerText()).resolves.toContain('100%');
    await onScreen(desktop, '.calibration-rules__row', '下载白皮书').waitFor();
    await screenshot(desktop, 'calibration-1440');
    await desktop.setViewportSize(PHONE.viewport);
    await screenshot(desktop, 'calibration-390');
  });
});
