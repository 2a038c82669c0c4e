import type { Locator, Page } from 'playwright-core';
import {
  acceptInvite,
  button,
  eventually,
  field,
  onScreen,
  openFirstAdminInvite,
  PHONE,
  readQr,
  scanLoginConsole,
  screenshotPage,
  setUpBrowserApp,
  signInOnMine,
  WAIT,
} from '../support/flows';

/**
 * The share chain in the H5 build, as people use it: an admin shares 首页, prospect A opens the
 * link, signs in and shares onward, B does the same from A's link, C only looks. The admin's
 * desktop console then shows the chain on the star map (星空图): admin → A → B, with C's visit
 * on B's node. Events are processed in the background, so numbers are waited for, never slept on.
 */

jest.setTimeout(180_000);

const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const SHARE_LINK = /\/#\/pages\/index\/index\?s=([A-Za-z0-9_-]{16})$/;

const app = setUpBrowserApp();

const tab = (page: Page, text: string): Locator => page.locator('.weui-tabbar__item').filter({ hasText: text }).first();

const screenshot = (page: Page, name: string) => screenshotPage(page, `share-chain-${name}.png`);

/** The event outbox of a page has been delivered: nothing left in storage. */
async function eventsDelivered(page: Page): Promise<void> {
  await page.waitForFunction(() => localStorage.getItem('leadloop.event-queue') === null, undefined, { timeout: 20_000 });
}

/** 首页's 「分享给好友」 in a browser: mints this person's token and shows the link. */
async function shareHome(page: Page): Promise<string> {
  await button(page, '分享给好友').click();
  const link = (await onScreen(page, '.share-panel__link').innerText()).trim();
  expect(link).toMatch(SHARE_LINK);
  expect(link.startsWith(app.server.url)).toBe(true);
  await onScreen(page, '.share-panel .ll-button', '复制链接').waitFor();
  return link;
}

/** A prospect opens a share link on their phone, signs in from 首页, and shares onward. */
async function prospectRelays(link: string, persona: string, nickname: string): Promise<{ page: Page; link: string }> {
  const page = await app.newPage(PHONE);
  await page.goto(link);
  await onScreen(page, '.brand-header').waitFor();
  // Not signed in yet: the share panel asks for a login first.
  await onScreen(page, '.share-panel .ll-notice', '登录后即可生成分享链接').waitFor();
  await button(page, '去登录').click();
  await signInOnMine(page, persona, nickname);
  await tab(page, '首页').click();
  await onScreen(page, '.brand-header').waitFor();
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
    adminPhone = await openFirstAdminInvite(app);
    await acceptInvite(adminPhone);

    await adminPhone.goto(app.url('pages/index/index'));
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

    const c = await app.newPage(PHONE);
    const delivered = c.waitForResponse((r) => r.url().endsWith('/api/events') && r.request().method() === 'POST' && r.ok());
    await c.goto(linkFromB);
    await onScreen(c, '.brand-header').waitFor();
    const body = (await (await delivered).json()) as { accepted: number; rejected: unknown[] };
    expect(body.rejected).toEqual([]);
    await eventsDelivered(c);
    // C never signed in: the visit went out anonymously, keyed by the install.
    expect(await c.evaluate(() => localStorage.getItem('leadloop.session'))).toBeNull();
  });

  test('the console star map shows admin → A → B, with C’s visit on B’s node', async () => {
    const desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, adminPhone);

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
    await adminPhone.goto(app.url('pages/mine/index'));
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

    const desktop = await app.newPage(DESKTOP);
    // The console session of the earlier desktop lives in its own context; sign this one in too.
    await scanLoginConsole(app, desktop, adminPhone);

    await onScreen(desktop, '.console-nav__item', '渠道管理').click();
    await field(desktop, '渠道编码').fill('expo2026');
    await field(desktop, '渠道名称').fill('2026 工博会展位');
    await onScreen(desktop, '.channel-form__kind', '线下活动').click();
    await button(desktop, '创建渠道').click();
    const link = (await onScreen(desktop, '.channel-result__link').innerText()).trim();
    expect(link).toMatch(/\/#\/pages\/index\/index\?c=expo2026$/);
    expect(await readQr(desktop, '.channel-result__qr')).toBe('c=expo2026');
    await onScreen(desktop, '.channel-table__row', '2026 工博会展位').filter({ hasText: '线下活动' }).waitFor();
    await screenshot(desktop, 'd1-channels');
  });
});
