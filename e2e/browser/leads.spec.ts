import type { Page } from 'playwright-core';
import { acceptInvite, animationsSettled, button, eventually, field, onScreen, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona, WAIT } from '../support/flows';
import { callApi, storedToken, tinyPdf } from '../support/api';
import { createInvite } from '../support/server';

/**
 * The lead workspace in the H5 build, through its pages: a salesperson shares a live event and a
 * whitepaper; a prospect opens the links on their phone, signs up for the event and downloads the
 * whitepaper through their gates (binding a phone, agreeing to be contacted); the salesperson
 * opens 我的线索, sees the lead, its score breakdown, timeline and how they came, reveals the number
 * and taps 拨打. A marketer opens the people behind the live report's counts and the whitepaper's
 * downloads as 线索池, tags them in bulk, filters, opens the lead and follows it to its company.
 */

jest.setTimeout(300_000);

const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const PAPER_TITLE = '制造业私域增长白皮书';
const LIVE_TITLE = '制造业数字化转型直播';
const PHONE_NUMBER = '13912345678';
const COMPANY = '云启智造科技有限公司';
const ROW = '.lead-table__row:not(.lead-table__row--head)';

const app = setUpBrowserApp();
const screenshot = (page: Page, name: string) => screenshotPage(page, `leads-${name}.png`);
const apiGet = <T>(path: string, token: string) => callApi<T>(app, 'GET', `/api${path}`, token);

/** A fresh load of a link, as a person opening it would (a hash-only `goto` could reuse a page in Taro's stack). */
async function openLink(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

/** A published live event (in two days) and a whitepaper that asks name, company and phone, from the console's API. */
async function publishContent(consoleToken: string): Promise<{ liveId: string; paperId: string }> {
  const startAt = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString();
  const endAt = new Date(Date.now() + 2 * 24 * 3_600_000 + 2 * 3_600_000).toISOString();
  const live = await callApi<{ id: string }>(app, 'POST', '/api/live', consoleToken, { title: LIVE_TITLE, startAt, endAt, capacity: 200, priceFen: 0, signupFields: ['name'], watch: { kind: 'stream', url: 'https://live.example.com/stream.m3u8' } });
  await callApi(app, 'POST', `/api/live/${live.id}/publish`, consoleToken);
  const form = new FormData();
  form.set('title', PAPER_TITLE);
  form.set('summary', '十个制造业客户的私域获客实践。');
  form.set('requiredFields', JSON.stringify(['name', 'company', 'phone']));
  form.set('file', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), 'whitepaper.pdf');
  const paper = await callApi<{ id: string }>(app, 'POST', '/api/console/whitepapers', consoleToken, form);
  await callApi(app, 'POST', `/api/console/whitepapers/${paper.id}/publish`, consoleToken);
  return { liveId: live.id, paperId: paper.id };
}

/** The salesperson opens a content page and takes their own share link from 「分享给好友」. */
async function shareLinkOf(sales: Page, path: string, title: string, titleSelector: string): Promise<string> {
  await openLink(sales, app.url(path));
  await onScreen(sales, titleSelector, title).waitFor();
  await animationsSettled(sales);
  await onScreen(sales, '.share-panel .ll-button', '分享给好友').click();
  return (await onScreen(sales, '.share-panel__link').innerText()).trim();
}

/** The prospect, on their phone: the live event's link → 立即报名 (signs in, name, consent); the whitepaper's link → the gate (phone, company, follow-up) → the PDF. */
async function prospectConverts(liveLink: string, paperLink: string): Promise<Page> {
  const prospect = await app.newPage({ ...PHONE, acceptDownloads: true });
  await openLink(prospect, liveLink);
  await onScreen(prospect, '.live-hero__title', LIVE_TITLE).waitFor();
  await animationsSettled(prospect);
  await button(prospect, '立即报名').click();
  await onScreen(prospect, '.signup-sheet .sign-in').waitFor();
  await field(prospect, '沙箱用户名').fill('lead-prospect-lin');
  await button(prospect, '登录').click();
  await field(prospect, '姓名').fill('林晓');
  await onScreen(prospect, '.signup-sheet .gate-consent').click();
  await button(prospect, '提交报名').click();
  await onScreen(prospect, '.wechat-sandbox--subscribe').waitFor();
  await button(prospect, '允许').click();
  await onScreen(prospect, '.live-signup__title', '已报名').waitFor();
  await screenshot(prospect, 'prospect-signed-up-390');

  await openLink(prospect, paperLink);
  await onScreen(prospect, '.whitepaper-hero__title', PAPER_TITLE).waitFor();
  await animationsSettled(prospect);
  await button(prospect, '免费下载').click();
  await onScreen(prospect, '.whitepaper-gate').waitFor();
  // the name is known from the sign-up; the phone is bound through the sandbox's getPhoneNumber
  await field(prospect, '手机号').fill(PHONE_NUMBER);
  await button(prospect, '绑定手机号').click();
  await onScreen(prospect, '.gate-form__known-value', '139****5678').waitFor();
  await field(prospect, '公司').fill(COMPANY);
  await onScreen(prospect, '.whitepaper-gate .gate-consent').click();
  await onScreen(prospect, '.whitepaper-gate .gate-follow-up').click();
  const granted = prospect.waitForResponse((r) => /\/api\/whitepapers\/[0-9A-Z]{26}\/downloads$/.test(r.url()) && r.request().method() === 'POST');
  await button(prospect, '提交并下载').click();
  expect((await granted).status()).toBe(201);
  await onScreen(prospect, '.whitepaper-done', '已开始下载').waitFor();
  await screenshot(prospect, 'prospect-downloaded-390');
  return prospect;
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
  });

  it('a prospect opens the salesperson’s links, signs up for the live event and downloads the whitepaper through their gates', async () => {
    const liveLink = await shareLinkOf(salesPhone, `packages/live/pages/detail/index?id=${content.liveId}`, LIVE_TITLE, '.live-hero__title');
    const paperLink = await shareLinkOf(salesPhone, `packages/whitepaper/pages/detail/index?id=${content.paperId}`, PAPER_TITLE, '.whitepaper-hero__title');
    expect(liveLink).toMatch(/&s=[A-Za-z0-9_-]{16}$/);
    expect(paperLink).toMatch(/&s=[A-Za-z0-9_-]{16}$/);
    await prospectConverts(liveLink, paperLink);
    // the lead, its owner and its score are made by the event processor in the background
    const salesToken = await storedToken(salesPhone, 'leadloop.session');
    await eventually(
      () => apiGet<{ items: { score: number; account: unknown }[] }>('/leads', salesToken),
      (page) => page.items.length === 1 && page.items[0].score > 0 && page.items[0].account !== null,
      'the scored lead, joined to its company, reaches its owner',
    );
  });

  it('the salesperson opens 我的线索, the lead with its breakdown and timeline, reveals the number and taps 拨打', async () => {
    await openLink(salesPhone, app.url('pages/mine/index'));
    await button(salesPhone, '我的线索').click();
    const row = onScreen(salesPhone, '.lead-row', '林晓');
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('139****5678');
    await screenshot(salesPhone, 'my-leads-390');

    await row.click();
    await onScreen(salesPhone, '.lead-detail__name', '林晓').waitFor();
    await onScreen(salesPhone, '.lead-score__label', '报名直播').waitFor();
    await onScreen(salesPhone, '.lead-score__label', '下载白皮书').waitFor();
    await onScreen(salesPhone, '.lead-timeline__label', `下载白皮书《${PAPER_TITLE}》`).waitFor();
    await onScreen(salesPhone, '.lead-timeline__label', `报名活动《${LIVE_TITLE}》`).waitFor();
    await onScreen(salesPhone, '.lead-detail__chain', '李娜（同事）').waitFor();
    await onScreen(salesPhone, '.lead-detail__consent', '顾问联系').waitFor();
    // the company is named; its account page is the console's, not this phone session's
    await onScreen(salesPhone, '.lead-detail__fact-value', '云启智造').waitFor();
    expect(await onScreen(salesPhone, '.lead-detail__account').count()).toBe(0);
    // no code names or ids on the page
    const text = await onScreen(salesPhone, '.lead-detail').innerText();
    expect(text).not.toMatch(/[0-9A-Z]{26}|whitepaper_download|event_signup|\bsignup\b|\bdownload\b/);
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
    // the same page on a wide screen (the H5 build opened on a desktop)
    await salesPhone.setViewportSize(DESKTOP.viewport);
    await screenshot(salesPhone, 'lead-detail-staff-1440');
    await salesPhone.setViewportSize(PHONE.viewport);
  });

  it('the marketer opens the live report’s sign-ups as 线索池 and tags them in bulk', async () => {
    await openLink(desktop, app.url(`packages/console/pages/live-report/index?id=${content.liveId}`));
    const signedUp = onScreen(desktop, '.lead-sources__item', '已报名');
    await signedUp.waitFor();
    expect(await signedUp.innerText()).toContain('1 人');
    expect(await onScreen(desktop, '.lead-sources__item', '观看 ≥ 30 分钟').innerText()).toContain('0 人');
    expect(await onScreen(desktop, '.lead-sources__item', '请求联系').innerText()).toContain('0 人');
    await screenshot(desktop, 'live-report-1440');

    await signedUp.click();
    await desktop.waitForURL(/packages\/console\/pages\/leads/, WAIT);
    await onScreen(desktop, '.lead-pool__source', `《${LIVE_TITLE}》 · 已报名`).waitFor();
    const row = onScreen(desktop, ROW, '林晓');
    await row.waitFor();
    expect(await onScreen(desktop, ROW).count()).toBe(1);

    // select the page, tag it; the tag filter then finds the lead, and the tag comes off again
    await onScreen(desktop, '.lead-pool__select-page').click();
    await onScreen(desktop, '.lead-pool__count', '已选择 1 位客户').waitFor();
    await field(desktop, '批量标签').fill(' 重点  客户 ');
    await button(desktop, '添加标签').click();
    await onScreen(desktop, '.lead-bulk .ll-notice', '已为 1 位客户添加标签「重点 客户」').waitFor();
    await screenshot(desktop, 'pool-bulk-tag-1440');
    await button(desktop, '添加标签').click();
    await onScreen(desktop, '.lead-bulk .ll-notice', '所选的 1 位客户都已有标签「重点 客户」').waitFor();

    await field(desktop, '标签').fill('重点 客户');
    await button(desktop, '筛选').click();
    await row.waitFor();
    await onScreen(desktop, '.lead-pool__select-page').click();
    await button(desktop, '移除标签').click();
    await onScreen(desktop, '.lead-bulk .ll-notice', '已从 1 位客户移除标签「重点 客户」').waitFor();
    // the pool filtered by the tag is read again: nobody has it now
    await onScreen(desktop, '.ll-resource .ll-muted', '没有符合条件的线索').waitFor();

    // the same bar at phone width
    await button(desktop, '清空条件').click();
    await row.waitFor();
    await onScreen(desktop, '.lead-pool__select-page').click();
    await desktop.setViewportSize(PHONE.viewport);
    await onScreen(desktop, '.lead-bulk').waitFor();
    await screenshot(desktop, 'pool-bulk-tag-390');
    expect(await desktop.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await desktop.goBack();
    await onScreen(desktop, '.lead-sources__item', '已报名').waitFor();
    await screenshot(desktop, 'live-report-390');
    await desktop.setViewportSize(DESKTOP.viewport);
  });

  it('the marketer opens the whitepaper’s downloaders, filters, opens the lead and its company', async () => {
    await openLink(desktop, app.url('packages/console/pages/whitepapers/index'));
    await button(desktop, '1 人 ›').click();
    await desktop.waitForURL(/packages\/console\/pages\/leads/, WAIT);
    await onScreen(desktop, '.lead-pool__source', `《${PAPER_TITLE}》 · 已下载`).waitFor();
    const row = onScreen(desktop, ROW, '林晓');
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('李娜');
    await screenshot(desktop, 'pool-1440');

    // grade A: nobody yet; back to every grade: the lead again
    await onScreen(desktop, '.lead-chip', 'A 级').click();
    await onScreen(desktop, '.ll-resource .ll-muted', '没有符合条件的线索').waitFor();
    await onScreen(desktop, '.lead-chips', '等级').locator('.lead-chip', { hasText: '全部' }).click();
    await row.waitFor();
    // the owner's name filters by owner
    await onScreen(desktop, ROW + ' .lead-table__link', '李娜').click();
    await button(desktop, '负责人：李娜 ×').waitFor();
    await row.waitFor();

    await onScreen(desktop, ROW + ' .lead-table__link', '林晓').click();
    await desktop.waitForURL(/packages\/console\/pages\/lead\/index/, WAIT);
    await onScreen(desktop, '.lead-detail__name', '林晓').waitFor();
    await onScreen(desktop, '.lead-timeline__label', `下载白皮书《${PAPER_TITLE}》`).waitFor();
    const score = Number(await onScreen(desktop, '.lead-detail__score-value').innerText());
    await screenshot(desktop, 'lead-detail-1440');

    // the company links to its account: the account's intent is its contacts', each with a buying role
    await onScreen(desktop, '.lead-detail__account', '云启智造').click();
    await desktop.waitForURL(/packages\/console\/pages\/accounts\/detail/, WAIT);
    const contact = onScreen(desktop, '.account-contacts__row', '林晓');
    await contact.waitFor();
    await expect(onScreen(desktop, '.account-facts__item', '意向分（联系人合计）').locator('.account-facts__value').innerText()).resolves.toBe(String(score));
    await expect(contact.innerText()).resolves.toContain(String(score));
    await contact.locator('.ll-select__value').click();
    await onScreen(desktop, '.ll-select__option', '决策者').click();
    await contact.locator('.ll-select__value', { hasText: '决策者' }).waitFor();
    await screenshot(desktop, 'account-1440');

    // the contact leads back to the lead, which now shows the role
    await contact.locator('.account-contacts__lead').click();
    await desktop.waitForURL(/packages\/console\/pages\/lead\/index/, WAIT);
    await onScreen(desktop, '.lead-detail__fact-value', '决策者').waitFor();
    await onScreen(desktop, '.lead-timeline__item', '采购角色：（空） → 决策者').waitFor();

    // the console at phone width holds its layout too
    await desktop.setViewportSize(PHONE.viewport);
    await screenshot(desktop, 'lead-detail-console-390');
    await desktop.goBack();
    await contact.waitFor();
    await screenshot(desktop, 'account-390');
    expect(await desktop.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
