import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser } from '../support/browser';
import { createInvite, startServer, type RunningServer } from '../support/server';

/**
 * The share chain in the H5 build, as people use it: an admin shares 首页, prospect A opens the
 * link, signs in and shares onward, B does the same from A's link, C only looks. The admin's
 * desktop console then shows the chain on the star map (星空图): admin → A → B, with C's visit
 * on B's node. Events are processed in the background, so numbers are waited for, never slept on.
 */

jest.setTimeout(180_000);

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const WAIT = { timeout: 30_000 };
const SHARE_LINK = /\/#\/pages\/index\/index\?s=([A-Za-z0-9_-]{16})$/;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await server?.stop();
});

/** A fresh browser context: its own storage, so its own install (anonymous id) and login. */
async function newPage(options: typeof PHONE | typeof DESKTOP): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  return page;
}

const url = (hashPath: string) => `${server.url}/#/${hashPath.replace(/^\/+/, '')}`;

/** Taro's H5 router keeps earlier pages in the DOM, hidden: only ever look at what is on screen. */
const onScreen = (page: Page, selector: string, hasText?: string | RegExp): Locator =>
  page.locator(selector, hasText === undefined ? undefined : { hasText }).filter({ visible: true });

const button = (page: Page, text: string): Locator =>
  page.locator('.ll-button').filter({ visible: true }).filter({ has: page.getByText(text, { exact: true }) }).first();

const field = (page: Page, label: string): Locator =>
  page.locator('.ll-field').filter({ visible: true }).filter({ has: page.getByText(label, { exact: true }) }).locator('input');

const tab = (page: Page, text: string): Locator => page.locator('.weui-tabbar__item').filter({ hasText: text }).first();

/**
 * The whole page in one picture: Taro's H5 pages scroll inside their own container, not the
 * window, so the viewport is stretched to the page's height for the shot.
 */
async function screenshot(page: Page, name: string): Promise<void> {
  // Let Taro's page transition finish, so the picture shows one page (spinners loop forever).
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => {
    const visible = [...document.querySelectorAll<HTMLElement>('.ll-page')].filter((e) => e.offsetParent !== null);
    for (const element of document.querySelectorAll<HTMLElement>('*')) if (element.scrollTop > 0) element.scrollTop = 0;
    return Math.ceil(Math.max(0, ...visible.map((e) => e.getBoundingClientRect().bottom)));
  });
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height + 60, 4000) });
  await page.screenshot({ path: join(ARTIFACTS, `share-chain-${name}.png`) });
  if (viewport) await page.setViewportSize(viewport);
}

function decodeQr(dataUrl: string): string {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
  if (!match) throw new Error(`not a PNG data URL: ${dataUrl.slice(0, 40)}…`);
  const png = PNG.sync.read(Buffer.from(match[1], 'base64'));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('the QR code could not be decoded');
  return code.data;
}

/** Retries `probe` until `accept` holds (or fails with the last value seen). */
async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let delay = 200;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last, null, 2)}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 2_000);
  }
}

/** The event outbox of a page has been delivered: nothing left in storage. */
async function eventsDelivered(page: Page): Promise<void> {
  await page.waitForFunction(() => localStorage.getItem('leadloop.event-queue') === null, undefined, { timeout: 20_000 });
}

async function signInOnMine(page: Page, persona: string, nickname?: string): Promise<void> {
  await onScreen(page, '.sign-in').waitFor();
  await field(page, '沙箱用户名').fill(persona);
  await button(page, '登录').click();
  await onScreen(page, '.profile-card').waitFor();
  if (nickname) {
    await button(page, '编辑昵称').click();
    await field(page, '昵称').fill(nickname);
    await button(page, '保存').click();
    await onScreen(page, '.profile-card__name', nickname).waitFor();
  }
}

/** 首页's 「分享给好友」 in a browser: mints this person's token and shows the link. */
async function shareHome(page: Page): Promise<string> {
  await button(page, '分享给好友').click();
  const link = (await onScreen(page, '.share-panel__link').innerText()).trim();
  expect(link).toMatch(SHARE_LINK);
  expect(link.startsWith(server.url)).toBe(true);
  await onScreen(page, '.share-panel .ll-button', '复制链接').waitFor();
  return link;
}

/** A prospect opens a share link on their phone, signs in from 首页, and shares onward. */
async function prospectRelays(link: string, persona: string, nickname: string): Promise<{ page: Page; link: string }> {
  const page = await newPage(PHONE);
  await page.goto(link);
  await onScreen(page, '.welcome-hero').waitFor();
  // Not signed in yet: the share panel asks for a login first.
  await onScreen(page, '.share-panel .ll-notice', '登录后即可生成你的专属分享链接').waitFor();
  await button(page, '登录 / 注册').click();
  await signInOnMine(page, persona, nickname);
  await tab(page, '首页').click();
  await onScreen(page, '.welcome-hero').waitFor();
  const next = await shareHome(page);
  expect(next).not.toEqual(link);
  await eventsDelivered(page);
  return { page, link: next };
}

interface DomNode {
  id: string;
  depth: number;
  kind: string;
  label: string;
  visitors: number;
}

async function starMapNodes(page: Page): Promise<DomNode[]> {
  return page.$$eval('.star-map-graph__node', (elements) =>
    elements
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => {
        const d = (e as HTMLElement).dataset;
        return { id: d.nodeId ?? '', depth: Number(d.depth), kind: d.kind ?? '', label: d.label ?? '', visitors: Number(d.visitors) };
      }),
  );
}

describe('share chain in the browser (H5 + WeChat sandbox)', () => {
  let adminPhone: Page;
  let adminLink: string;
  let linkFromA: string;
  let linkFromB: string;

  test('an admin shares 首页 and gets a link with their share token', async () => {
    const invite = await createInvite(server, { name: '王敏', role: 'admin' });
    adminPhone = await newPage(PHONE);
    await adminPhone.goto(url('pages/mine/index'));
    await signInOnMine(adminPhone, 'admin-wang');
    await adminPhone.goto(`${server.url}/#/${invite.path}`);
    await button(adminPhone, '接受邀请并绑定').click();
    await onScreen(adminPhone, '.ll-result__title', '已加入团队').waitFor();

    await adminPhone.goto(url('pages/index/index'));
    adminLink = await shareHome(adminPhone);
    await screenshot(adminPhone, 'a1-admin-link');
    // Idempotent: asking again gives the same token.
    await adminPhone.reload();
    expect(await shareHome(adminPhone)).toEqual(adminLink);
    await eventsDelivered(adminPhone);
  });

  test('A and B open the link they were sent, sign in and share onward; C only looks', async () => {
    const a = await prospectRelays(adminLink, 'prospect-a', '潜客甲');
    linkFromA = a.link;
    await screenshot(a.page, 'b1-prospect-a-link');
    const b = await prospectRelays(linkFromA, 'prospect-b', '潜客乙');
    linkFromB = b.link;

    const c = await newPage(PHONE);
    const delivered = c.waitForResponse((r) => r.url().endsWith('/api/events') && r.request().method() === 'POST' && r.ok());
    await c.goto(linkFromB);
    await onScreen(c, '.welcome-hero').waitFor();
    const body = (await (await delivered).json()) as { accepted: number; rejected: unknown[] };
    expect(body.rejected).toEqual([]);
    await eventsDelivered(c);
    // C never signed in: the visit went out anonymously, keyed by the install.
    expect(await c.evaluate(() => localStorage.getItem('leadloop.session'))).toBeNull();
  });

  test('the console star map shows admin → A → B, with C’s visit on B’s node', async () => {
    const desktop = await newPage(DESKTOP);
    await desktop.goto(url('packages/console/pages/login/index'));
    const qr = onScreen(desktop, '.scan-login__qr img');
    await qr.waitFor();
    const ticket = decodeQr((await qr.getAttribute('src')) as string);
    await adminPhone.goto(url(`packages/staff/pages/scan-confirm/index?scene=${encodeURIComponent(ticket)}`));
    await button(adminPhone, '确认登录控制台').click();
    await desktop.waitForURL(/packages\/console\/pages\/home/, WAIT);

    await onScreen(desktop, '.console-nav__item', '分享星空图').click();
    await desktop.waitForURL(/packages\/console\/pages\/star-map/, WAIT);
    await onScreen(desktop, '.star-map-card').waitFor();

    const expected = (nodes: DomNode[]) => {
      const admin = nodes.find((n) => n.label === '王敏');
      const a = nodes.find((n) => n.label === '潜客甲');
      const b = nodes.find((n) => n.label === '潜客乙');
      return !!admin && !!a && !!b && admin.visitors >= 1 && a.visitors >= 1 && b.visitors >= 1;
    };
    const nodes = await eventually(
      async () => {
        const seen = await starMapNodes(desktop);
        if (!expected(seen)) {
          await button(desktop, '刷新').click();
          await onScreen(desktop, '.star-map-card').waitFor();
        }
        return seen;
      },
      expected,
      'the star map to show the chain with its visitors',
    );

    const byLabel = new Map(nodes.map((n) => [n.label, n]));
    expect(byLabel.get('王敏')).toMatchObject({ kind: 'staff', depth: 0 });
    expect(byLabel.get('潜客甲')).toMatchObject({ kind: 'prospect', depth: 1 });
    expect(byLabel.get('潜客乙')).toMatchObject({ kind: 'prospect', depth: 2 });
    // C opened B's link and is counted there.
    expect(byLabel.get('潜客乙')?.visitors).toBe(1);
    expect(new Set(nodes.map((n) => n.depth)).size).toBeGreaterThanOrEqual(3);
    const edges = await desktop.locator('.star-map-graph__edge').filter({ visible: true }).count();
    expect(edges).toBeGreaterThanOrEqual(2);

    // Tapping B's node shows who it is and the chain that led there.
    await desktop.locator(`.star-map-graph__node[data-node-id="${byLabel.get('潜客乙')?.id}"]`).click();
    const detail = onScreen(desktop, '.star-map-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('潜客乙');
    expect(await onScreen(desktop, '.star-map-detail__chain').innerText()).toMatch(/王敏[\s\S]*潜客甲[\s\S]*潜客乙/);
    expect(await onScreen(desktop, '.star-map-detail').innerText()).toContain('第 2 级转发');
    expect(await onScreen(desktop, '.spreaders').innerText()).toContain('王敏');

    await screenshot(desktop, 'star-map');
  });

  test('the admin sees their share on 我的分享, and creates a channel with its code', async () => {
    await adminPhone.goto(url('pages/mine/index'));
    await button(adminPhone, '我的分享').click();
    const item = onScreen(adminPhone, '.my-shares__item', '首页');
    await item.waitFor();
    const numbers = await eventually(
      async () => {
        await adminPhone.reload();
        await onScreen(adminPhone, '.my-shares__item', '首页').waitFor();
        return onScreen(adminPhone, '.my-shares__item', '首页').locator('.my-shares__value').allInnerTexts();
      },
      (values) => Number(values[1]) >= 3,
      'my shares to count the visitors below the admin',
    );
    expect(Number(numbers[0])).toBe(1);
    await screenshot(adminPhone, 'c1-my-shares');

    const desktop = await newPage(DESKTOP);
    // The console session of the earlier desktop lives in its own context; sign this one in too.
    await desktop.goto(url('packages/console/pages/login/index'));
    const qr = onScreen(desktop, '.scan-login__qr img');
    await qr.waitFor();
    const ticket = decodeQr((await qr.getAttribute('src')) as string);
    await adminPhone.goto(url(`packages/staff/pages/scan-confirm/index?scene=${encodeURIComponent(ticket)}`));
    await button(adminPhone, '确认登录控制台').click();
    await desktop.waitForURL(/packages\/console\/pages\/home/, WAIT);

    await onScreen(desktop, '.console-nav__item', '渠道管理').click();
    await field(desktop, '渠道编码').fill('expo2026');
    await field(desktop, '渠道名称').fill('2026 工博会展位');
    await onScreen(desktop, '.channel-form__kind', '线下活动').click();
    await button(desktop, '创建渠道').click();
    const link = (await onScreen(desktop, '.channel-result__link').innerText()).trim();
    expect(link).toMatch(/\/#\/pages\/index\/index\?c=expo2026$/);
    expect(decodeQr((await onScreen(desktop, '.channel-result__qr img').getAttribute('src')) as string)).toBe('c=expo2026');
    await onScreen(desktop, '.channel-table__row', '2026 工博会展位').filter({ hasText: '线下活动' }).waitFor();
    await screenshot(desktop, 'd1-channels');
  });
});
