import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pages } from '@leadloop/shared';
import type { Page } from 'playwright-core';
import { callApi, storedToken, tinyPdf } from '../support/api';
import { acceptInvite, button, field, onScreen, openFirstAdminInvite, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona, WAIT } from '../support/flows';

/**
 * The mini-program speaks for the customer's company. An admin names the company and uploads its
 * logo in 品牌设置 and a marketer's home page is published from 首页装修 (both in the desktop
 * console); then the prospect's home, a card, a whitepaper and a poster carry the company's name,
 * and no page a prospect can reach says "LeadLoop", 「线索闭环」 or pitches share tracking.
 */

jest.setTimeout(900_000);

const ROOT = join(__dirname, '..', '..');
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const COMPANY = '云启智造科技有限公司';
const SHORT = '云启智造';
const FORBIDDEN = /LeadLoop|线索闭环/i;
const PITCHES = ['观看时长就是销售信号', '分享追踪', '分享成绩', '邀请成绩', '销售信号'];
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201a2b4a8d20000000049454e44ae426082', 'hex');

const app = setUpBrowserApp();

/** The app's API as the holder of `token`. */
const api = (method: string, path: string, token: string, body?: unknown) => callApi(app, method, path, token, body);

/** What a person sees on the page on screen (Taro keeps earlier pages in the DOM, hidden), and the tab title. */
async function visibleText(page: Page): Promise<string> {
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.ll-loading')].every((e) => e.offsetParent === null), undefined, WAIT);
  await page.waitForTimeout(800);
  return page.evaluate(() => {
    const pages = [...document.querySelectorAll<HTMLElement>('.ll-page')].filter((e) => e.offsetParent !== null);
    return `${document.title}\n${pages.map((e) => e.innerText).join('\n')}`;
  });
}

function expectSpeaksForCompany(text: string, where: string): void {
  if (FORBIDDEN.test(text)) throw new Error(`${where} names the product: ${text.match(FORBIDDEN)?.[0]}\n${text}`);
  for (const pitch of PITCHES) if (text.includes(pitch)) throw new Error(`${where} pitches tracking (${pitch}):\n${text}`);
}

/** Staff pages may talk about tracking (it is their tool), but the name on them is the company's. */
function expectSpeaksForCompanyToStaff(text: string, where: string): void {
  if (FORBIDDEN.test(text)) throw new Error(`${where} names the product: ${text.match(FORBIDDEN)?.[0]}\n${text}`);
  expect(text).toContain(SHORT);
}

/** Every page of app.config.ts a prospect can reach: all but the staff and console packages. */
function prospectPages(): string[] {
  // every page the app registers comes from the page contract (app.config.ts is built from it)
  return Object.values(Pages).filter((p) => !p.startsWith('packages/staff/') && !p.startsWith('packages/console/'));
}

describe('the mini-program speaks for the customer’s company', () => {
  let adminPhone: Page;
  let desktop: Page;
  let consoleToken: string;
  let whitepaperId: string;
  let eventId: string;
  let cardId: string;

  it('an admin names the company and uploads its logo in 品牌设置; the console asked for it first', async () => {
    adminPhone = await openFirstAdminInvite(app);
    await acceptInvite(adminPhone);
    desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, adminPhone);
    consoleToken = await storedToken(desktop, 'leadloop.console-session');

    await desktop.goto(app.url('packages/console/pages/brand/index'));
    await onScreen(desktop, '.ll-notice', '尚未设置公司名称').waitFor();
    await field(desktop, '公司全称').fill(COMPANY);
    await field(desktop, '简称').fill(SHORT);
    await field(desktop, '客服电话（选填）').fill('400-800-1234');
    await field(desktop, '品牌色').fill('#12345');
    await button(desktop, '保存品牌设置').click();
    await onScreen(desktop, '.ll-field__error', '请填写 #RRGGBB 格式的颜色').waitFor();
    await onScreen(desktop, '.brand-settings__swatch').nth(1).click();
    await button(desktop, '保存品牌设置').click();
    await onScreen(desktop, '.ll-notice', '已保存').waitFor();

    const chooser = desktop.waitForEvent('filechooser');
    await button(desktop, '上传标志').click();
    await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await onScreen(desktop, '.brand-settings__logo-image').waitFor();
    await screenshotPage(desktop, 'brand-settings-1440.png');

    const brand = await (await fetch(`${app.server.url}/api/brand`)).json();
    expect(brand).toMatchObject({ configured: true, companyName: COMPANY, shortName: SHORT, colour: '#0a7c5a' });
    expect(brand.logoUrl).toMatch(/^\/api\/brand\/logo\//);
  });

  it('the console speaks for the company too: its header and login page show the company’s name and logo, never the product’s', async () => {
    await desktop.goto(app.url('packages/console/pages/home/index'));
    await onScreen(desktop, '.console-header__company', SHORT).waitFor();
    await onScreen(desktop, '.console-header img.brand-mark--logo, .console-header .brand-mark--logo img').first().waitFor();
    expectSpeaksForCompanyToStaff(await visibleText(desktop), 'the console home');
    await screenshotPage(desktop, 'console-header-1440.png');
    await desktop.setViewportSize({ width: 390, height: 844 });
    await screenshotPage(desktop, 'console-header-390.png');
    await desktop.setViewportSize(DESKTOP.viewport);

    const signedOut = await app.newPage(DESKTOP);
    await signedOut.goto(app.url('packages/console/pages/login/index'));
    await onScreen(signedOut, '.console-login-aside__company', `${SHORT} · 管理控制台`).waitFor();
    await onScreen(signedOut, '.scan-login__subtitle', `「${SHORT}」小程序`).waitFor();
    expectSpeaksForCompanyToStaff(await visibleText(signedOut), 'the console login');
    await screenshotPage(signedOut, 'console-login-1440.png');
  });

  it('a marketer builds the home page in 首页装修 beside a phone preview and publishes it', async () => {
    // content for the blocks: a published whitepaper, a live event, the admin's card
    const form = new FormData();
    form.append('title', '2026 智能制造白皮书');
    form.append('summary', '工厂数字化的十个关键决策');
    form.append('file', new Blob([new Uint8Array(tinyPdf('brand e2e'))], { type: 'application/pdf' }), 'paper.pdf');
    const created = await fetch(`${app.server.url}/api/console/whitepapers`, { method: 'POST', headers: { authorization: `Bearer ${consoleToken}` }, body: form });
    whitepaperId = ((await created.json()) as { id: string }).id;
    await api('POST', `/api/console/whitepapers/${whitepaperId}/publish`, consoleToken);
    const start = Date.now() + 24 * 3600_000;
    const event = await api('POST', '/api/live', consoleToken, {
      title: '智能工厂春季直播',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 2 * 3600_000).toISOString(),
      capacity: 100,
      priceFen: 0,
      signupFields: ['name'],
      watch: { kind: 'stream', url: 'https://live.example.com/stream.m3u8' },
    });
    eventId = event.id;
    await api('POST', `/api/live/${eventId}/publish`, consoleToken);
    cardId = (await api('GET', '/api/cards/mine', await storedToken(adminPhone, 'leadloop.session'))).id;

    await desktop.goto(app.url('packages/console/pages/home-page/index'));
    await onScreen(desktop, '.ll-card__title', '尚未发布').waitFor();
    await button(desktop, '图文介绍').click();
    const text = desktop.locator('.block-editor').filter({ visible: true }).last();
    await text.locator('.ll-field').filter({ has: desktop.getByText('模块标题（选填）', { exact: true }) }).locator('input').fill('关于我们');
    await text.locator('textarea').first().fill(`${COMPANY}专注智能制造二十年，服务三千家工厂。`);
    await button(desktop, '推荐顾问').click();
    const cards = desktop.locator('.block-editor').filter({ visible: true }).last();
    await cards.locator('.ll-check').first().click();
    await onScreen(desktop, '.home-editor__screen .home-cards__name').waitFor();
    await onScreen(desktop, '.home-editor__screen', '专注智能制造二十年').waitFor();
    await button(desktop, '发布').click();
    await onScreen(desktop, '.ll-notice', '已发布').waitFor();
    await onScreen(desktop, '.ll-card__title', '已发布第 1 版').waitFor();
    await screenshotPage(desktop, 'home-editor-1440.png');
    const phoneEditor = await app.newPage(PHONE);
    await phoneEditor.addInitScript((session) => localStorage.setItem('leadloop.console-session', session), (await desktop.evaluate(() => localStorage.getItem('leadloop.console-session')))!);
    await phoneEditor.goto(app.url('packages/console/pages/home-page/index'));
    await onScreen(phoneEditor, '.home-editor__screen').waitFor();
    await screenshotPage(phoneEditor, 'home-editor-390.png');
  });

  it('the prospect’s home, a card, a whitepaper and a poster carry the company’s name and none of ours', async () => {
    const prospect = await app.newPage(PHONE);
    await signInAsPersona(app, prospect, 'prospect-brand');
    await prospect.goto(app.url('pages/index/index'));
    await onScreen(prospect, '.brand-header__short', SHORT).waitFor();
    await onScreen(prospect, '.home-text', '专注智能制造二十年').waitFor();
    const home = await visibleText(prospect);
    expect(home).toContain(COMPANY);
    expectSpeaksForCompany(home, 'home');
    // the H5 page title and favicon are the company's
    expect(await prospect.title()).toBe(SHORT);
    expect(await prospect.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '')).toContain('/api/brand/logo/');
    expect(await prospect.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand-colour').trim())).toBe('#0a7c5a');
    await screenshotPage(prospect, 'brand-home-390.png');
    const wide = await app.newPage(DESKTOP);
    await wide.goto(app.url('pages/index/index'));
    await onScreen(wide, '.brand-header__short', SHORT).waitFor();
    await screenshotPage(wide, 'brand-home-1440.png');

    // the featured salesperson's card opens from the home page
    await onScreen(prospect, '.home-cards__item').click();
    await prospect.waitForURL(/packages\/card\/pages\/view/, WAIT);
    await onScreen(prospect, '.card-sheet').waitFor();
    const card = await visibleText(prospect);
    expect(card).toContain(COMPANY);
    expectSpeaksForCompany(card, 'card');

    await prospect.goto(app.url(`packages/whitepaper/pages/detail/index?id=${whitepaperId}`));
    await onScreen(prospect, '.brand-footer__note', `资料由${COMPANY}提供`).waitFor();
    const paper = await visibleText(prospect);
    expectSpeaksForCompany(paper, 'whitepaper');

    // the poster of that whitepaper: its drawn text (the PNG's description) names the company
    const poster = await api('POST', '/api/posters', await storedToken(prospect, 'leadloop.session'), { contentType: 'whitepaper', contentId: whitepaperId });
    const png = Buffer.from(await (await fetch(`${app.server.url}${poster.url}`)).arrayBuffer());
    const drawn = posterText(png);
    expect(drawn).toContain(COMPANY);
    expect(drawn).toContain('2026 智能制造白皮书');
    expectSpeaksForCompany(drawn, 'poster');
    // and the poster's layout source draws nothing of ours (the package scope in imports is not drawn)
    for (const file of ['poster-layout.ts', 'poster-renderer.ts', 'poster-sources.ts']) {
      const source = readFileSync(join(ROOT, 'server', 'src', 'modules', 'posters', file), 'utf8').replace(/^import .*$/gm, '');
      expect(source).not.toMatch(FORBIDDEN);
    }
  });

  it('no page a prospect can reach names the product or pitches tracking', async () => {
    const pages = prospectPages();
    expect(pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/mine/index', 'packages/whitepaper/pages/detail/index', 'packages/card/pages/view/index', 'packages/live/pages/detail/index']));
    const prospect = await app.newPage(PHONE);
    await signInAsPersona(app, prospect, 'prospect-walk');
    const idFor = (page: string) => (page.startsWith('packages/live/') ? eventId : page.startsWith('packages/whitepaper/') ? whitepaperId : page.startsWith('packages/card/') ? cardId : null);
    for (const page of pages) {
      const id = idFor(page);
      await prospect.goto(app.url(id ? `${page}?id=${id}` : page));
      await onScreen(prospect, '.ll-page').first().waitFor();
      expectSpeaksForCompany(await visibleText(prospect), page);
    }
    // a fresh install's neutral page says nothing of ours either (checked before any brand: the default home)
    const neutral = readFileSync(join(ROOT, 'miniapp', 'src', 'index.html'), 'utf8');
    expect(neutral).not.toMatch(FORBIDDEN);
  });
});

/** The `Description` text a poster PNG carries (what it draws). */
function posterText(png: Buffer): string {
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'iTXt' && data.toString('latin1', 0, 12) === 'Description\0') return data.subarray(16).toString('utf8');
    at += 12 + length;
  }
  throw new Error('the poster carries no description');
}
