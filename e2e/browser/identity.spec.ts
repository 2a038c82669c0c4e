import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from '../support/browser';
import {
  acceptInvite,
  animationsSettled,
  button,
  confirmModal,
  consoleLoginTicket,
  field,
  onScreen,
  openFirstAdminInvite,
  PHONE,
  readQr,
  scanConsoleTicket,
  setUpBrowserApp,
  signInAsPersona,
  WAIT,
} from '../support/flows';

/**
 * Identity in the H5 build, as people use it: a prospect signs in through the WeChat sandbox and
 * binds a phone; the first admin joins through the CLI invite; the desktop console signs in by
 * scanning its QR code with the admin's phone; the admin invites a salesperson from the console,
 * sees the invite pending until it is accepted, and revokes another one.
 */

jest.setTimeout(120_000);

const DESKTOP = { viewport: { width: 1280, height: 860 } };

const app = setUpBrowserApp();

/** The console's 待加入 list, once it has loaded: the names of the pending invites. */
async function pendingInviteNames(desktop: Page): Promise<string[]> {
  await onScreen(desktop, '.pending-invites-card .ll-card__subtitle').waitFor();
  return onScreen(desktop, '.pending-invites__row:not(.pending-invites__row--head) .ll-table__cell--strong').allInnerTexts();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await animationsSettled(page);
  await page.screenshot({ path: join(ARTIFACTS, `identity-${name}.png`), fullPage: true });
}

describe('identity in the browser (H5 + WeChat sandbox)', () => {
  test('a prospect signs in, binds a phone, and 我的 shows it masked', async () => {
    const page = await app.newPage(PHONE);
    await signInAsPersona(app, page, 'prospect-zhou');
    await screenshot(page, 'a1-prospect-signed-in');

    await button(page, '编辑昵称').click();
    await field(page, '昵称').fill('周先生');
    await button(page, '保存').click();
    await onScreen(page, '.profile-card__name', '周先生').waitFor();

    await field(page, '手机号').fill('13912345678');
    await button(page, '绑定手机号').click();
    await onScreen(page, '.phone-card__number', '139****5678').waitFor();

    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13912345678');
    expect(await page.content()).not.toContain('13912345678');
    const inputValues = await page.$$eval('input', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(inputValues.join(' ')).not.toContain('13912345678');
    await screenshot(page, 'a2-prospect-phone-masked');

    // The session survives a reload, and the phone still shows masked.
    await page.reload();
    await onScreen(page, '.phone-card__number', '139****5678').waitFor();
    await onScreen(page, '.profile-card__name', '周先生').waitFor();
    expect(await page.content()).not.toContain('13912345678');
  });

  test('an expired console QR code says so and can be refreshed', async () => {
    const page = await app.newPage(DESKTOP);
    await page.clock.install();
    const first = await consoleLoginTicket(app, page);

    await page.clock.fastForward('03:00'); // tickets live for two minutes
    await onScreen(page, '.scan-login__overlay-text', '二维码已过期').waitFor();
    await screenshot(page, 'c0-console-qr-expired');

    await button(page, '刷新').click();
    await onScreen(page, '.scan-login__status', '等待扫码').waitFor();
    const second = await readQr(page, '.scan-login__qr');
    expect(second).not.toEqual(first);
  });

  describe('staff', () => {
    let adminPhone: Page;
    let desktop: Page;

    test('the first admin binds their WeChat through the CLI invite', async () => {
      adminPhone = await openFirstAdminInvite(app);
      const card = onScreen(adminPhone, '.invite');
      await card.waitFor();
      expect(await card.innerText()).toContain('王敏');
      expect(await card.innerText()).toContain('管理员');
      await screenshot(adminPhone, 'b1-invite');

      await acceptInvite(adminPhone);
      await button(adminPhone, '前往我的').click();
      await onScreen(adminPhone, '.staff-tools__name', '王敏').waitFor();
      await onScreen(adminPhone, '.profile-card .ll-tag', '管理员').waitFor();
      await screenshot(adminPhone, 'b2-admin-mine');
    });

    test('the desktop console signs in by scanning its QR code with the staff phone', async () => {
      desktop = await app.newPage(DESKTOP);
      // Reading the code also checks that it is a PNG data URL.
      const ticket = await consoleLoginTicket(app, desktop);
      expect(ticket).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      await screenshot(desktop, 'c1-console-qr');

      await scanConsoleTicket(app, adminPhone, ticket);
      await button(adminPhone, '确认登录控制台').waitFor();
      await onScreen(desktop, '.scan-login__overlay-hint', '请在手机上确认登录').waitFor();
      await screenshot(adminPhone, 'c2-phone-confirm');
      await screenshot(desktop, 'c3-console-scanned');

      await button(adminPhone, '确认登录控制台').click();
      await onScreen(adminPhone, '.ll-result__title', '已确认登录').waitFor();

      await desktop.waitForURL(/packages\/console\/pages\/home/, WAIT);
      await onScreen(desktop, '.console-welcome__hello', '王敏').waitFor();
      await onScreen(desktop, '.console-header__name', '王敏').waitFor();
      // The desktop holds a console session only; it never became a mini-program login.
      const stored = await desktop.evaluate(() => ({
        console: localStorage.getItem('leadloop.console-session') !== null,
        app: localStorage.getItem('leadloop.session') !== null,
      }));
      expect(stored).toEqual({ console: true, app: false });
      await screenshot(desktop, 'c4-console-home');
    });

    test('the admin invites a salesperson from the console, who joins with the link', async () => {
      await field(desktop, '成员姓名').fill('李娜');
      await onScreen(desktop, '.invite-form__role').filter({ has: desktop.getByText('销售', { exact: true }) }).click();
      await button(desktop, '生成邀请').click();

      const linkText = await onScreen(desktop, '.invite-result__link').innerText();
      const link = linkText.trim();
      expect(link).toMatch(/\/#\/packages\/staff\/pages\/invite\/index\?scene=/);
      expect(link.endsWith(`scene=${await readQr(desktop, '.invite-result__qr')}`)).toBe(true);
      await screenshot(desktop, 'd1-console-invite');
      await onScreen(desktop, '.pending-invites__row', '李娜').filter({ hasText: '销售' }).waitFor();

      const salesPhone = await app.newPage(PHONE);
      await signInAsPersona(app, salesPhone, 'sales-li');
      await salesPhone.goto(link);
      await acceptInvite(salesPhone);
      await onScreen(salesPhone, '.ll-result__description', '你已绑定为「销售」：李娜').waitFor();
      await screenshot(salesPhone, 'd2-sales-joined');

      await desktop.reload();
      await onScreen(desktop, '.staff-table__row', '李娜').filter({ hasText: '已绑定' }).waitFor();
      await screenshot(desktop, 'd3-console-staff');
      expect(await pendingInviteNames(desktop)).not.toContain('李娜');
    });

    test('the admin revokes a pending invite, whose link then no longer works', async () => {
      await field(desktop, '成员姓名').fill('赵强');
      await onScreen(desktop, '.invite-form__role').filter({ has: desktop.getByText('市场', { exact: true }) }).click();
      await button(desktop, '生成邀请').click();
      const link = (await onScreen(desktop, '.invite-result__link').innerText()).trim();

      const row = onScreen(desktop, '.pending-invites__row', '赵强');
      await row.waitFor();
      await row.locator('.ll-button').filter({ hasText: '撤销' }).click();
      await confirmModal(desktop, '撤销');
      await row.waitFor({ state: 'detached' });
      expect(await pendingInviteNames(desktop)).not.toContain('赵强');
      await screenshot(desktop, 'd4-console-invite-revoked');

      const otherPhone = await app.newPage(PHONE);
      await signInAsPersona(app, otherPhone, 'marketer-zhao');
      await otherPhone.goto(link);
      const card = onScreen(otherPhone, '.invite');
      await onScreen(otherPhone, '.invite .ll-notice', '邀请已过期').waitFor();
      expect(await card.innerText()).toContain('赵强');
      expect(await button(otherPhone, '接受邀请并绑定').count()).toBe(0);
      await screenshot(otherPhone, 'd5-revoked-invite');
    });
  });
});
