import type { Page } from 'playwright-core';
import { acceptInvite, button, eventually, onScreen, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona, WAIT } from '../support/flows';
import { callApi, storedToken, tinyPdf } from '../support/api';
import { createInvite } from '../support/server';

/**
 * The lead workspace in the H5 build: a prospect arrives through a salesperson's shares, signs up
 * for a live event and downloads a whitepaper (through the API, as the app would send it); the
 * salesperson opens 我的线索 on their phone, sees the lead, its timeline and how they came,
 * reveals the number and taps 拨打. A marketer opens the console's 线索池 from the whitepaper's
 * download count, filters it, and opens the same lead.
 */

jest.setTimeout(240_000);

const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const PAPER_TITLE = '制造业私域增长白皮书';
const LIVE_TITLE = '制造业数字化转型直播';
const PHONE_NUMBER = '13912345678';

const app = setUpBrowserApp();
const screenshot = (page: Page, name: string) => screenshotPage(page, `leads-${name}.png`);

/** The API as the holder of `token`, or without a session (sandbox routes and logins). */
async function apiCall<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const full = path.startsWith('/sandbox') ? path : `/api${path}`;
  if (token) return callApi<T>(app, method, full, token, body);
  const res = await fetch(`${app.server.url}${full}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A published live event and whitepaper, from the console. */
async function publishContent(consoleToken: string): Promise<{ liveId: string; paperId: string }> {
  const startAt = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString();
  const endAt = new Date(Date.now() + 2 * 24 * 3_600_000 + 2 * 3_600_000).toISOString();
  const live = await apiCall<{ id: string }>('POST', '/live', consoleToken, { title: LIVE_TITLE, startAt, endAt, capacity: 200, priceFen: 0, signupFields: ['name'], watch: { kind: 'stream', url: 'https://live.example.com/stream.m3u8' } });
  await apiCall('POST', `/live/${live.id}/publish`, consoleToken);
  const form = new FormData();
  form.set('title', PAPER_TITLE);
  form.set('summary', '十个制造业客户的私域获客实践。');
  form.set('requiredFields', JSON.stringify(['name', 'company']));
  form.set('file', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), 'whitepaper.pdf');
  const paper = await apiCall<{ id: string }>('POST', '/console/whitepapers', consoleToken, form);
  await apiCall('POST', `/console/whitepapers/${paper.id}/publish`, consoleToken);
  return { liveId: live.id, paperId: paper.id };
}

/** The prospect, as the app sends it: arrives through the share, binds a phone, signs up, downloads. */
async function prospectConverts(liveShare: string, paperShare: string, content: { liveId: string; paperId: string }): Promise<void> {
  const persona = 'lead-prospect-lin';
  const { code } = await apiCall<{ code: string }>('POST', `/sandbox/personas/${persona}/login-code`, null);
  const session = await apiCall<{ token: string }>('POST', '/auth/wechat/login', null, { code, entry: { shareToken: paperShare } });
  const phone = await apiCall<{ code: string }>('POST', `/sandbox/personas/${persona}/phone-code`, null, { phone: PHONE_NUMBER });
  await apiCall('POST', '/me/phone', session.token, { code: phone.code });
  const consent = { policyVersion: '2026-11', accepted: true };
  await apiCall('POST', `/live/${content.liveId}/signups`, session.token, { gate: { profile: { name: '林晓' }, consent }, shareToken: liveShare });
  await apiCall('POST', `/whitepapers/${content.paperId}/downloads`, session.token, { requestId: 'lead-e2e-download-1', gate: { profile: { company: '云启智造' }, consent, followUp: consent }, shareToken: paperShare });
}

describe('leads: 我的线索 on the phone, 线索池 in the console', () => {
  let salesPhone: Page;
  let desktop: Page;
  let content: { liveId: string; paperId: string };

  beforeAll(async () => {
    // a marketer (console) and a salesperson (phone), each through a CLI invite
    const marketerInvite = await createInvite(app.server, { name: '赵敏', role: 'marketer' });
    const marketerPhone = await app.newPage(PHONE);
    await signInAsPersona(app, marketerPhone, 'lead-marketer-zhao');
    await marketerPhone.goto(app.url(marketerInvite.path));
    await acceptInvite(marketerPhone);
    desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, marketerPhone);
    content = await publishContent(await storedToken(desktop, 'leadloop.console-session'));

    const salesInvite = await createInvite(app.server, { name: '李娜', role: 'sales' });
    salesPhone = await app.newPage(PHONE);
    await signInAsPersona(app, salesPhone, 'lead-sales-li');
    await salesPhone.goto(app.url(salesInvite.path));
    await acceptInvite(salesPhone);

    const salesToken = await storedToken(salesPhone, 'leadloop.session');
    const share = async (contentType: string, contentId: string) => (await apiCall<{ token: string }>('POST', '/share/tokens', salesToken, { contentType, contentId })).token;
    await prospectConverts(await share('live', content.liveId), await share('whitepaper', content.paperId), content);
    // the lead is made by the event processor in the background
    await eventually(() => apiCall<{ items: unknown[] }>('GET', '/leads', salesToken), (page) => page.items.length === 1, 'the lead reaches its owner');
  });

  it('the salesperson opens 我的线索, the lead and its timeline, reveals the number and taps 拨打', async () => {
    await salesPhone.goto(app.url('pages/mine/index'));
    await button(salesPhone, '我的线索').click();
    const row = onScreen(salesPhone, '.lead-row', '林晓');
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('139****5678');
    await screenshot(salesPhone, 'my-leads-390');

    await row.click();
    await onScreen(salesPhone, '.lead-detail__name', '林晓').waitFor();
    await onScreen(salesPhone, '.lead-timeline__label', `下载白皮书《${PAPER_TITLE}》`).waitFor();
    await onScreen(salesPhone, '.lead-timeline__label', `报名活动《${LIVE_TITLE}》`).waitFor();
    await onScreen(salesPhone, '.lead-detail__chain', '李娜（同事）').waitFor();
    await expect(onScreen(salesPhone, '.lead-detail__phone-number').innerText()).resolves.toBe('139****5678');
    await screenshot(salesPhone, 'lead-detail-390');

    // a browser hands tel: links to the system: watch the navigation request Chromium receives
    const dialled: string[] = [];
    const cdp = await salesPhone.context().newCDPSession(salesPhone);
    await cdp.send('Page.enable');
    cdp.on('Page.frameRequestedNavigation', (event: { url: string }) => dialled.push(event.url));
    await button(salesPhone, '查看号码').click();
    await onScreen(salesPhone, '.lead-detail__phone-number', '139 1234 5678').waitFor();
    await button(salesPhone, '拨打').click();
    await eventually(async () => dialled.join('\n'), (log) => log.includes(`tel:+86${PHONE_NUMBER}`), 'the call is handed to the phone', 10_000);
    await screenshot(salesPhone, 'lead-revealed-390');
  });

  it('the marketer opens the whitepaper’s downloaders as 线索池, filters it and opens the lead', async () => {
    await desktop.goto(app.url('packages/console/pages/whitepapers/index'));
    await button(desktop, '1 人 ›').click();
    await desktop.waitForURL(/packages\/console\/pages\/leads/, WAIT);
    await onScreen(desktop, '.lead-pool__source', `《${PAPER_TITLE}》 · 已下载`).waitFor();
    const row = onScreen(desktop, '.lead-table__row', '林晓');
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('李娜');
    await screenshot(desktop, 'pool-1440');

    // grade A: nobody yet; back to every grade: the lead again
    await onScreen(desktop, '.lead-chip', 'A 级').click();
    await onScreen(desktop, '.ll-resource .ll-muted', '没有符合条件的线索').waitFor();
    await onScreen(desktop, '.lead-chips', '等级').locator('.lead-chip', { hasText: '全部' }).click();
    await row.waitFor();
    // the owner's name filters by owner
    await onScreen(desktop, '.lead-table__row .lead-table__link', '李娜').click();
    await button(desktop, '负责人：李娜 ×').waitFor();
    await row.waitFor();
    await row.locator('.ll-check').click();
    await onScreen(desktop, '.lead-pool__selection', '已选择 1 位客户').waitFor();

    await onScreen(desktop, '.lead-table__row .lead-table__link', '林晓').click();
    await desktop.waitForURL(/packages\/console\/pages\/lead\/index/, WAIT);
    await onScreen(desktop, '.lead-detail__name', '林晓').waitFor();
    await onScreen(desktop, '.lead-timeline__label', `下载白皮书《${PAPER_TITLE}》`).waitFor();
    await screenshot(desktop, 'lead-detail-1440');

    // the console at phone width holds its layout too
    await desktop.setViewportSize(PHONE.viewport);
    await desktop.goBack();
    await row.waitFor();
    await screenshot(desktop, 'pool-390');
  });
});
