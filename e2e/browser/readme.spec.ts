import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { acceptInvite, button, field, onScreen, PHONE, screenshotPage, WAIT } from '../support/flows';
import { copyProduct, type ProductCopy, type RunningCommand } from '../support/readme-copy';

/**
 * The README, followed as a newcomer would on a fresh clone: `npm start` (embedded SQLite, WeChat
 * sandbox, nothing configured but the documented PORT), the first admin created with the README's
 * literal `npm run staff:invite` line, its printed link opened in Chromium and accepted, the console
 * signed into through the sandbox's 「在手机上确认」, and a live event created in the console.
 */

jest.setTimeout(300_000);

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const FIRST_ADMIN = 'npm run staff:invite -- --name "王敏" --role admin';
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PERSONA = 'wang-min';

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => probe.once('listening', r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

/** The login panel on screen: a sandbox user name, then 登录. */
async function signInWithSandboxName(page: Page): Promise<void> {
  await onScreen(page, '.sign-in').waitFor();
  await field(page, '沙箱用户名').fill(PERSONA);
  await button(page, '登录').click();
}

/** `2026-12-04 20:30`, Beijing time, `hours` from now (give or take the minute the CLI ran in). */
function beijingIn(hours: number, minutes: number): string {
  return new Date(Date.now() + hours * 3_600_000 + minutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

describe('the README on a fresh folder (embedded SQLite, WeChat sandbox)', () => {
  let copy: ProductCopy;
  let server: RunningCommand | undefined;
  let browser: Browser | undefined;
  let base: string;
  /** The same server for Node's fetch, which does not fall back from ::1 to 127.0.0.1 as Chromium does. */
  let local: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://localhost:${port}`;
    local = `http://127.0.0.1:${port}`;
    copy = copyProduct(port);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    copy?.remove();
  });

  test('npm start, the first admin from the CLI, console sign-in in the browser, a live event', async () => {
    // The commands are the README's own.
    expect(README).toContain('npm install && npm start');
    expect(README).toContain(FIRST_ADMIN);
    expect(README).toContain('/#/packages/console/pages/login/index');

    // npm start, from the copy's folder: it builds nothing (the copy is up to date) and serves.
    server = copy.start('npm start');
    await server.waitUntil(() => fetch(`${local}/api/health`).then((r) => r.ok, () => false), 120_000);

    // The first admin, exactly as the README says, from the copy's folder.
    const { stdout } = await copy.run(FIRST_ADMIN);
    const link = /(https?:\/\/\S+#\/packages\/staff\/pages\/invite\/index\?scene=\S+)/.exec(stdout)?.[1];
    expect(link?.startsWith(`${base}/#/`)).toBe(true);

    // The phone opens the printed link, signs in with a sandbox user name and accepts.
    const phoneContext = await browser!.newContext(PHONE);
    const phone = await phoneContext.newPage();
    phone.setDefaultTimeout(WAIT.timeout);
    await phone.goto(link!);
    await signInWithSandboxName(phone);
    await onScreen(phone, '.invite__title, .ll-result__title').first().waitFor();
    await screenshotPage(phone, 'readme-1-invite.png');
    // When the CLI resolved data/ from its own working directory (server/), it wrote the invite to
    // another database than the server's, and this page said 邀请无法使用 · 邀请链接无效.
    expect(await phone.evaluate(() => document.body.innerText)).not.toMatch(/邀请无法使用|邀请链接无效/);
    await acceptInvite(phone);
    await screenshotPage(phone, 'readme-2-joined.png');

    // What the CLI printed: Chinese, for 王敏 as 管理员, valid 72 hours, in Beijing time.
    expect(stdout).toContain('浏览器打开：');
    expect(stdout).toContain('「王敏」');
    expect(stdout).toContain('管理员');
    const expiry = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2})（北京时间）/.exec(stdout)?.[1];
    expect([beijingIn(72, -1), beijingIn(72, 0)]).toContain(expiry);

    // What npm start printed: where the product is, and (no staff yet then) how to create the first
    // admin; no progress bars or route map.
    const started = server.output();
    expect(started).toContain(`已启动 ${base}/（嵌入式 SQLite data/leadloop.sqlite，微信沙箱）`);
    expect(started).toContain('还没有团队成员，先创建第一位管理员：npm run staff:invite -- --name');
    expect(started).not.toMatch(/Mapped \{|RoutesResolver|InstanceLoader/);
    expect(started).not.toContain('Building');

    // The desktop console: the sandbox has no WeChat to scan with, so 「在手机上确认（沙箱）」 opens
    // the code's confirm page in a new tab of the same browser.
    const desktopContext = await browser!.newContext(DESKTOP);
    const desktop = await desktopContext.newPage();
    desktop.setDefaultTimeout(WAIT.timeout);
    await desktop.goto(`${base}/#/packages/console/pages/login/index`);
    await onScreen(desktop, '.scan-login__qr').waitFor();
    await screenshotPage(desktop, 'readme-3-console-login.png');
    const [confirmTab] = await Promise.all([desktopContext.waitForEvent('page'), button(desktop, '在手机上确认（沙箱）').click()]);
    confirmTab.setDefaultTimeout(WAIT.timeout);
    await confirmTab.waitForURL(/packages\/staff\/pages\/scan-confirm\/index\?scene=/);
    await signInWithSandboxName(confirmTab);
    await onScreen(confirmTab, '.console-confirm__account', '王敏（管理员）').waitFor();
    await screenshotPage(confirmTab, 'readme-4-confirm.png');
    await button(confirmTab, '确认登录控制台').click();
    await onScreen(confirmTab, '.ll-result__title', '已确认登录').waitFor();
    await confirmTab.close();

    await desktop.waitForURL(/packages\/console\/pages\/home\/index/, WAIT);
    await onScreen(desktop, '.console-welcome__hello', '你好，王敏').waitFor();
    await onScreen(desktop, '.console-welcome__stat', '还没有直播').waitFor();
    expect(await desktop.evaluate(() => document.body.innerText)).not.toContain('即将上线');
    await screenshotPage(desktop, 'readme-5-console-home.png');

    // A live event, through the console form, from the home page's 直播 figure.
    await onScreen(desktop, '.console-welcome__stat', '直播').click();
    await desktop.waitForURL(/packages\/console\/pages\/live\/index/, WAIT);
    await button(desktop, '新建直播').click();
    await desktop.waitForURL(/packages\/console\/pages\/live-edit\/index/, WAIT);
    const title = '第一场直播：私域获客实战';
    await field(desktop, '直播标题').fill(title);
    await field(desktop, '嘉宾 1 姓名').fill('王敏');
    const start = beijingIn(48, 0);
    const end = beijingIn(50, 0);
    await field(desktop, '开始日期').fill(start.slice(0, 10));
    await field(desktop, '开始时间').fill(start.slice(11));
    await field(desktop, '结束日期').fill(end.slice(0, 10));
    await field(desktop, '结束时间').fill(end.slice(11));
    await field(desktop, '名额').fill('200');
    await field(desktop, '价格（元）').fill('0');
    await field(desktop, '直播流地址').fill('https://live.example.com/stream.m3u8');
    await button(desktop, '发布直播').click();
    await onScreen(desktop, '.live-publish .ll-notice', '已发布，报名已开放').waitFor();
    await screenshotPage(desktop, 'readme-6-live-published.png');

    // Prospects see it, served from the copy's own embedded database.
    const published = (await (await fetch(`${local}/api/live`)).json()) as { items: Array<{ title: string }> };
    expect(published.items.map((e) => e.title)).toEqual([title]);
  });
});
