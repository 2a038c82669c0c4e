import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { eventually as within } from '../../server/test/support/eventually';
import { ARTIFACTS, launchBrowser } from './browser';
import { createInvite, startServer, type RunningServer } from './server';

/**
 * What the browser specs share: the server and Chromium for a spec file, the locators that only
 * see what is on screen, and the flows several specs walk through (sandbox sign-in, the first
 * admin's CLI invite, console scan-login).
 */

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };
export const WAIT = { timeout: 30_000 };

export interface BrowserApp {
  /** The built server on a fresh database (there once the spec's beforeAll has run). */
  readonly server: RunningServer;
  /** A fresh browser context: its own storage, so its own install (anonymous id) and login. */
  newPage(options: BrowserContextOptions): Promise<Page>;
  /** The H5 build at a hash route, e.g. `pages/mine/index`. */
  url(hashPath: string): string;
}

/** Starts the server and Chromium before the spec file's tests and stops them after. */
export function setUpBrowserApp(): BrowserApp {
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

  return {
    get server() {
      return server;
    },
    async newPage(options) {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT.timeout);
      return page;
    },
    url: (hashPath) => `${server.url}/#/${hashPath.replace(/^\/+/, '')}`,
  };
}

/** Taro's H5 router keeps earlier pages in the DOM, hidden: only ever look at what is on screen. */
export const onScreen = (page: Page, selector: string, hasText?: string | RegExp): Locator =>
  page.locator(selector, hasText === undefined ? undefined : { hasText }).filter({ visible: true });

export const button = (page: Page, text: string): Locator =>
  page.locator('.ll-button').filter({ visible: true }).filter({ has: page.getByText(text, { exact: true }) }).first();

export const field = (page: Page, label: string): Locator =>
  page.locator('.ll-field').filter({ visible: true }).filter({ has: page.getByText(label, { exact: true }) }).locator('input');

/** Lets Taro's page transition finish, so a picture shows one page (spinners loop forever). */
export async function animationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/**
 * The whole page in one picture, saved as `file` under the artifacts folder. Taro's H5 pages scroll
 * inside their own container, not the window, so the viewport is stretched to the page's height.
 */
export async function screenshotPage(page: Page, file: string): Promise<void> {
  await animationsSettled(page);
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => {
    const visible = [...document.querySelectorAll<HTMLElement>('.ll-page')].filter((e) => e.offsetParent !== null);
    for (const element of document.querySelectorAll<HTMLElement>('*')) if (element.scrollTop > 0) element.scrollTop = 0;
    return Math.ceil(Math.max(0, ...visible.map((e) => e.getBoundingClientRect().bottom)));
  });
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height + 60, 4000) });
  await page.screenshot({ path: join(ARTIFACTS, file) });
  if (viewport) await page.setViewportSize(viewport);
}

/** The shared `eventually` (throws on timeout), with a browser's patience: probes reload pages. */
export function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 45_000): Promise<T> {
  return within(probe, accept, what, timeoutMs);
}

/** A mini-program code image, as the desktop shows it, back to the `scene` it carries. */
export function decodeQr(dataUrl: string): string {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
  if (!match) throw new Error(`not a PNG data URL: ${dataUrl.slice(0, 40)}…`);
  const png = PNG.sync.read(Buffer.from(match[1], 'base64'));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('the QR code could not be decoded');
  return code.data;
}

/** The `scene` of the QR code image inside `selector`, once it is on screen. */
export async function readQr(page: Page, selector: string): Promise<string> {
  const image = onScreen(page, `${selector} img`);
  await image.waitFor();
  return decodeQr((await image.getAttribute('src')) as string);
}

/** Signs in with a sandbox persona from the login panel on screen, optionally setting a nickname. */
export async function signInOnMine(page: Page, persona: string, nickname?: string): Promise<void> {
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

/** Opens 我的 and signs in there as a sandbox persona. */
export async function signInAsPersona(app: BrowserApp, page: Page, persona: string): Promise<void> {
  await page.goto(app.url('pages/mine/index'));
  await signInOnMine(page, persona);
}

/** The first admin: the CLI invites 王敏, who opens the invite on a phone signed in as admin-wang. */
export async function openFirstAdminInvite(app: BrowserApp): Promise<Page> {
  const invite = await createInvite(app.server, { name: '王敏', role: 'admin' });
  const phone = await app.newPage(PHONE);
  await signInAsPersona(app, phone, 'admin-wang');
  await phone.goto(app.url(invite.path));
  return phone;
}

/** Answers the confirmation dialog (Taro.showModal) on screen with its confirm button. */
export async function confirmModal(page: Page, confirmText: string): Promise<void> {
  await onScreen(page, '.taro__modal .taro-model__confirm', confirmText).click();
}

/** Accepts the invite on screen and waits for the team to be joined. */
export async function acceptInvite(phone: Page): Promise<void> {
  await button(phone, '接受邀请并绑定').click();
  await onScreen(phone, '.ll-result__title', '已加入团队').waitFor();
}

/** The desktop opens the console login; returns the ticket its QR code carries. */
export async function consoleLoginTicket(app: BrowserApp, desktop: Page): Promise<string> {
  await desktop.goto(app.url('packages/console/pages/login/index'));
  return readQr(desktop, '.scan-login__qr');
}

/** The phone "scans": WeChat opens the page the code names, with the ticket as `scene`. */
export async function scanConsoleTicket(app: BrowserApp, phone: Page, ticket: string): Promise<void> {
  await phone.goto(app.url(`packages/staff/pages/scan-confirm/index?scene=${encodeURIComponent(ticket)}`));
}

/** Signs the desktop console in by scanning its QR code with a staff member's phone. */
export async function scanLoginConsole(app: BrowserApp, desktop: Page, staffPhone: Page): Promise<void> {
  const ticket = await consoleLoginTicket(app, desktop);
  await scanConsoleTicket(app, staffPhone, ticket);
  await button(staffPhone, '确认登录控制台').click();
  await desktop.waitForURL(/packages\/console\/pages\/home/, WAIT);
}
