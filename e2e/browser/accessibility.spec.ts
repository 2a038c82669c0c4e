import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { callApi, storedToken, tinyPdf } from '../support/api';
import { acceptInvite, button, onScreen, openFirstAdminInvite, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona, WAIT } from '../support/flows';

/**
 * Accessibility of the H5 build, checked the way an auditor would: axe-core (an independent
 * checker) over ten key pages with real content finds no critical or serious violation; the
 * controls can be reached with Tab and used with Enter; a bottom sheet is a dialog that takes the
 * focus and gives it back. Each page is also kept as a screenshot (artifacts/a11y-*.png).
 */

jest.setTimeout(300_000);

const DESKTOP = { viewport: { width: 1440, height: 900 } };
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const LIVE_TITLE = '智能工厂排产实战直播';
const PAPER_TITLE = '2026 制造业私域增长白皮书';

const app = setUpBrowserApp();

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2.x A/AA and best-practice rules over the page as it is on screen. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** 0 critical and 0 serious: the message lists each one with the elements it was found on. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshotPage(page, `a11y-${name}.png`);
  const blocking = (await axeViolations(page)).filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const report = blocking.map((v) => `${v.impact} ${v.id} (${v.help}):\n${v.nodes.map((n) => `  ${n.target.join(' ')}  ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
  expect(report).toBe('');
}

const apiCall = <T>(method: string, path: string, token: string, body?: unknown) => callApi<T>(app, method, `/api${path}`, token, body);

/** A small cover picture for the whitepaper. */
function coverPng(): Buffer {
  const png = new PNG({ width: 96, height: 128 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([31, 94, 255, 255], i);
  return PNG.sync.write(png);
}

/** What the pages show: a published live event, a published whitepaper with a cover, the admin's card. */
async function publishContent(consoleToken: string, appToken: string): Promise<{ liveId: string; paperId: string; cardId: string }> {
  const startAt = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
  const endAt = new Date(Date.now() + 3 * 24 * 3_600_000 + 2 * 3_600_000).toISOString();
  const live = await apiCall<{ id: string }>('POST', '/live', consoleToken, {
    title: LIVE_TITLE,
    summary: '三位一线专家拆解真实项目：从数据采集到精益排产。',
    speakers: [{ name: '陈立', title: '智能制造集团 CIO' }],
    startAt,
    endAt,
    capacity: 300,
    priceFen: 0,
    watch: { kind: 'stream', url: 'https://live.example.com/stream.m3u8' },
  });
  await apiCall('POST', `/live/${live.id}/publish`, consoleToken);

  const form = new FormData();
  form.set('title', PAPER_TITLE);
  form.set('summary', '十个制造业客户的私域获客实践。');
  form.set('tags', JSON.stringify(['制造业']));
  form.set('requiredFields', JSON.stringify(['name', 'company']));
  form.set('file', new Blob([new Uint8Array(tinyPdf('accessibility e2e'))], { type: 'application/pdf' }), 'whitepaper.pdf');
  form.set('cover', new Blob([new Uint8Array(coverPng())], { type: 'image/png' }), 'cover.png');
  const paper = await apiCall<{ id: string }>('POST', '/console/whitepapers', consoleToken, form);
  await apiCall('POST', `/console/whitepapers/${paper.id}/publish`, consoleToken);

  const card = await apiCall<{ id: string }>('GET', '/cards/mine', appToken);
  return { liveId: live.id, paperId: paper.id, cardId: card.id };
}

describe('accessibility of the key pages (axe-core, keyboard, dialogs)', () => {
  let desktop: Page;
  let prospect: Page;
  let content: { liveId: string; paperId: string; cardId: string };

  beforeAll(async () => {
    const adminPhone = await openFirstAdminInvite(app);
    await acceptInvite(adminPhone);
    desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, adminPhone);
    content = await publishContent(await storedToken(desktop, 'leadloop.console-session'), await storedToken(adminPhone, 'leadloop.session'));
    prospect = await app.newPage(PHONE);
  });

  test('prospect home', async () => {
    const visitor = await app.newPage(PHONE);
    await visitor.goto(app.url('pages/index/index'));
    await onScreen(visitor, '.brand-header').waitFor();
    await visitor.getByText(LIVE_TITLE).first().waitFor();
    await visitor.getByText(PAPER_TITLE).first().waitFor();
    await expectAccessible(visitor, 'home');
  });

  test('live detail', async () => {
    await prospect.goto(app.url(`packages/live/pages/detail/index?id=${content.liveId}`));
    await onScreen(prospect, '.ll-page', LIVE_TITLE).waitFor();
    await onScreen(prospect, '.live-facts__item', '300 个').waitFor();
    await expectAccessible(prospect, 'live-detail');
  });

  test('我的, signed in', async () => {
    await signInAsPersona(app, prospect, 'prospect-sun');
    await expectAccessible(prospect, 'mine');
  });

  test('whitepaper gate (an open bottom sheet)', async () => {
    await prospect.goto(app.url(`packages/whitepaper/pages/detail/index?id=${content.paperId}`));
    await onScreen(prospect, '.whitepaper-hero__title', PAPER_TITLE).waitFor();
    await button(prospect, '免费下载').click();
    await onScreen(prospect, '.whitepaper-gate').waitFor();
    await expectAccessible(prospect, 'whitepaper-gate');
  });

  test('card', async () => {
    await prospect.goto(app.url(`packages/card/pages/view/index?id=${content.cardId}`));
    await onScreen(prospect, '.card-profile__name', '王敏').waitFor();
    await expectAccessible(prospect, 'card');
  });

  test('consents', async () => {
    await prospect.goto(app.url('packages/me/pages/privacy/index'));
    await onScreen(prospect, '.consent-item--whitepaper_download').waitFor();
    await expectAccessible(prospect, 'consents');
  });

  test('console login', async () => {
    const stranger = await app.newPage(DESKTOP);
    await stranger.goto(app.url('packages/console/pages/login/index'));
    await onScreen(stranger, '.scan-login__qr img').waitFor();
    await expectAccessible(stranger, 'console-login');
  });

  test('console home', async () => {
    await desktop.goto(app.url('packages/console/pages/home/index'));
    await onScreen(desktop, '.console-nav').waitFor();
    await expectAccessible(desktop, 'console-home');
  });

  test('console merges', async () => {
    await desktop.goto(app.url('packages/console/pages/merges/index'));
    await onScreen(desktop, '.merge-table-card').waitFor();
    await expectAccessible(desktop, 'console-merges');
  });

  test('console live form', async () => {
    await desktop.goto(app.url('packages/console/pages/live-edit/index'));
    await onScreen(desktop, '.live-form').waitFor();
    await expectAccessible(desktop, 'console-live-form');
  });

  test('star map', async () => {
    await desktop.goto(app.url('packages/console/pages/star-map/index'));
    await onScreen(desktop, '.star-map-card').waitFor();
    await expectAccessible(desktop, 'star-map');
  });

  test('visual: a disabled button keeps a readable label; a favicon', async () => {
    await prospect.goto(app.url('pages/mine/index'));
    await onScreen(prospect, '.mine-menu__item', '导出与注销').click();
    const erase = button(prospect, '注销并删除数据');
    await erase.waitFor();
    expect(await erase.getAttribute('disabled')).not.toBeNull();
    // Muted, not faded: the label reaches 4.5:1 on its background.
    const look = await erase.evaluate((e) => ({ opacity: getComputedStyle(e).opacity, color: getComputedStyle(e).color, background: getComputedStyle(e).backgroundColor }));
    expect(look).toEqual({ opacity: '1', color: 'rgb(95, 106, 122)', background: 'rgb(244, 246, 250)' });
    await screenshotPage(prospect, 'visual-disabled-erase.png');

    const icon = await prospect.locator('link[rel="icon"]').getAttribute('href');
    const res = await fetch(`${app.server.url}${icon}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
  });

  test('visual: H5 sub-pages have a title bar with a back arrow (back, or home when opened from a link); tab pages have none', async () => {
    const bar = (page: Page) => page.locator('.ll-title-bar').filter({ visible: true });
    // a tab page has no bar (a page left behind may still be sliding out: wait until none is shown)
    const noBar = (page: Page) => page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.ll-title-bar')].every((e) => e.offsetParent === null), undefined, WAIT);
    await prospect.goto(app.url('pages/mine/index'));
    await onScreen(prospect, '.mine-menu__item', '导出与注销').waitFor();
    await noBar(prospect);
    await onScreen(prospect, '.mine-menu__item', '导出与注销').click();
    await onScreen(prospect, '.ll-title-bar__title', '导出与注销').waitFor();
    expect(await bar(prospect).getAttribute('role')).toBe('banner');
    expect(await onScreen(prospect, '.ll-title-bar__title').getAttribute('aria-level')).toBe('1');
    const back = onScreen(prospect, '.ll-title-bar__back');
    expect([await back.getAttribute('role'), await back.getAttribute('aria-label')]).toEqual(['link', '返回']);
    await screenshotPage(prospect, 'visual-title-bar-390.png');
    await back.click();
    await onScreen(prospect, '.mine-menu__item', '导出与注销').waitFor();
    await noBar(prospect);

    // opened straight from a shared link: nothing to go back to, so the arrow leads to the home page
    const visitor = await app.newPage(PHONE);
    await visitor.goto(app.url(`packages/live/pages/detail/index?id=${content.liveId}`));
    await onScreen(visitor, '.ll-title-bar__title', '直播详情').waitFor();
    const home = onScreen(visitor, '.ll-title-bar__back');
    expect(await home.getAttribute('aria-label')).toBe('返回首页');
    await home.click();
    await onScreen(visitor, '.brand-header').waitFor();
    await noBar(visitor);

    // a desktop browser keeps the phone column, bar included
    const wide = await app.newPage(DESKTOP);
    await wide.goto(app.url(`packages/whitepaper/pages/detail/index?id=${content.paperId}`));
    await onScreen(wide, '.ll-title-bar__title', '白皮书').waitFor();
    await screenshotPage(wide, 'visual-title-bar-1440.png');
  });

  test('visual: the seats left do not wrap; textareas use the UI font inside their field', async () => {
    await prospect.goto(app.url(`packages/live/pages/detail/index?id=${content.liveId}`));
    const seats = onScreen(prospect, '.live-facts__value', '300 个');
    await seats.waitFor();
    expect(await seats.evaluate((e) => e.getClientRects().length === 1 && e.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(e).fontSize))).toBe(true);
    await screenshotPage(prospect, 'visual-live-seats.png');

    await desktop.goto(app.url('packages/console/pages/live-edit/index'));
    const summary = onScreen(desktop, '.live-form__summary textarea');
    await summary.waitFor();
    await summary.fill('从数据采集到精益排产，三位一线专家拆解真实项目的做法与教训。'.repeat(3));
    const fit = await summary.evaluate((e) => {
      const field = e.closest('.ll-field__textarea') as HTMLElement;
      const [a, b] = [e.getBoundingClientRect(), field.getBoundingClientRect()];
      return { font: getComputedStyle(e).fontFamily === getComputedStyle(document.body).fontFamily, inside: a.left >= b.left && a.right <= b.right + 0.5 && a.bottom <= b.bottom + 0.5 };
    });
    expect(fit).toEqual({ font: true, inside: true });
    await screenshotPage(desktop, 'visual-live-form-textarea.png');
  });

  test('visual: the console previews a whitepaper without leaving; live list counts in words; destructive confirmations are red', async () => {
    await desktop.goto(app.url('packages/console/pages/whitepapers/index'));
    const row = onScreen(desktop, '.whitepaper-table__row', PAPER_TITLE);
    await row.waitFor();
    await row.locator('.ll-button', { hasText: '查看' }).click();
    const frame = onScreen(desktop, '.page-preview iframe');
    await frame.waitFor();
    expect(desktop.url()).toContain('packages/console/pages/whitepapers');
    await desktop.frameLocator('.page-preview iframe').locator('.whitepaper-hero__title', { hasText: PAPER_TITLE }).first().waitFor();
    await screenshotPage(desktop, 'visual-console-preview.png');
    await desktop.keyboard.press('Escape');
    await onScreen(desktop, '.page-preview').waitFor({ state: 'detached' });

    await desktop.goto(app.url('packages/console/pages/live/index'));
    await onScreen(desktop, '.live-list .ll-card__subtitle', '共 1 场').waitFor();
    await screenshotPage(desktop, 'visual-console-live-list.png');

    await prospect.goto(app.url('pages/mine/index'));
    await button(prospect, '退出登录').click();
    const confirm = onScreen(prospect, '.taro__modal .taro-model__confirm', '退出');
    await confirm.waitFor();
    expect(await confirm.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(201, 48, 63)');
    await screenshotPage(prospect, 'visual-destructive-confirm.png');
    await onScreen(prospect, '.taro__modal .taro-model__cancel').click();
  });

  test('buttons and rows are reached with Tab and used with Enter; a sheet takes the focus and gives it back', async () => {
    // A fresh load: Taro's router would otherwise bring back the earlier page, its sheet still open.
    await prospect.goto('about:blank');
    await prospect.goto(app.url(`packages/whitepaper/pages/detail/index?id=${content.paperId}`));
    await onScreen(prospect, '.whitepaper-hero__title', PAPER_TITLE).waitFor();
    const download = button(prospect, '免费下载');
    expect(await download.getAttribute('role')).toBe('button');

    // Tab until the download button has the focus (it is a tab stop like any button).
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await prospect.keyboard.press('Tab');
      reached = await download.evaluate((e) => e === document.activeElement);
    }
    expect(reached).toBe(true);

    await prospect.keyboard.press('Enter');
    const dialog = onScreen(prospect, '.whitepaper-gate [role="dialog"]');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const titleId = (await dialog.getAttribute('aria-labelledby')) as string;
    expect(await prospect.locator(`[id="${titleId}"]`).innerText()).not.toBe('');
    // The focus moved into the dialog, and its fields are named by their labels.
    const focusInside = await prospect
      .waitForFunction(() => !!document.activeElement?.closest('[role="dialog"]'), undefined, { timeout: 5_000 })
      .then(() => true)
      .catch(async () => `focus is on ${await prospect.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))}`);
    expect(focusInside).toBe(true);
    const nameInput = dialog.getByRole('textbox', { name: '姓名' });
    await nameInput.waitFor();

    await prospect.keyboard.press('Escape');
    await onScreen(prospect, '.whitepaper-gate').waitFor({ state: 'detached' });
    expect(await download.evaluate((e) => e === document.activeElement)).toBe(true);

    // 我的's rows are links reached by Tab and opened with Enter.
    await prospect.goto(app.url('pages/mine/index'));
    const privacyRow = onScreen(prospect, '.mine-menu__item', '隐私与授权');
    await privacyRow.waitFor();
    expect(await privacyRow.getAttribute('role')).toBe('link');
    await privacyRow.focus();
    await prospect.keyboard.press('Enter');
    await prospect.waitForURL(/packages\/me\/pages\/privacy/);
  });
});
