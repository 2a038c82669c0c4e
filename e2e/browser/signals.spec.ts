import type { Page } from 'playwright-core';
import { callApi, storedToken } from '../support/api';
import { acceptInvite, button, confirmModal, eventually, onScreen, openFirstAdminInvite, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona } from '../support/flows';
import { createInvite } from '../support/server';

/**
 * 销售动态 in the H5 build: a prospect comes back to a salesperson's card (through the API, as the
 * app sends it); the salesperson sees the unread badge on 我的, opens the inbox, finds the returning
 * visitor there and turns on WeChat reminders through the sandbox's subscribe prompt. An admin
 * keeps the working calendar in the console's 品牌设置.
 */

jest.setTimeout(240_000);

const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const MINUTE = 60_000;
const app = setUpBrowserApp();

async function sandbox<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${app.server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('sales signals: the inbox on the phone, the working calendar in the console', () => {
  let salesPhone: Page;
  let salesToken: string;

  beforeAll(async () => {
    const invite = await createInvite(app.server, { name: '李娜', role: 'sales' });
    salesPhone = await app.newPage(PHONE);
    await signInAsPersona(app, salesPhone, 'signals-sales-li');
    await salesPhone.goto(app.url(invite.path));
    await acceptInvite(salesPhone);
    salesToken = await storedToken(salesPhone);
  });

  it('shows a returning card visitor in 销售动态 with an unread badge, and turns on WeChat reminders', async () => {
    const card = await callApi<{ id: string }>(app, 'GET', '/api/cards/mine', salesToken);
    const { code } = await sandbox<{ code: string }>('POST', '/sandbox/personas/signals-prospect-zhou/login-code');
    const prospect = await sandbox<{ token: string }>('POST', '/api/auth/wechat/login', undefined, { code });
    await sandbox('PATCH', '/api/me', prospect.token, { name: '周总' });
    await sandbox('GET', `/api/cards/${card.id}`, prospect.token);
    await sandbox('POST', '/sandbox/clock', undefined, { advanceMs: 31 * MINUTE }); // past the return-visit threshold
    await sandbox('GET', `/api/cards/${card.id}`, prospect.token);
    await eventually(() => callApi<{ unread: number }>(app, 'GET', '/api/me/signals/unread', salesToken), (r) => r.unread === 1, 'the returning visit to reach the inbox');

    await salesPhone.goto(app.url('pages/mine/index'));
    await onScreen(salesPhone, '.signals-menu .ll-menu__badge', '1').waitFor();
    await screenshotPage(salesPhone, 'signals-mine-390.png');

    await onScreen(salesPhone, '.signals-menu__item', '客户新动态').click();
    const row = onScreen(salesPhone, '.signal-row', '周总');
    await row.waitFor();
    await onScreen(salesPhone, '.signal-row .ll-tag', '又来看名片').waitFor();
    await screenshotPage(salesPhone, 'signals-inbox-390.png');

    await button(salesPhone, '开启微信提醒').click();
    await confirmModal(salesPhone, '允许');
    await onScreen(salesPhone, '.ll-card', '还可接收 1 条微信提醒').waitFor();
    expect(await callApi(app, 'GET', '/api/me/signals/subscription', salesToken)).toEqual({ templateId: 'sandbox-sales-signal', available: 1 });

    // opening the inbox read the signal: back on 我的 the badge is gone
    expect(await callApi(app, 'GET', '/api/me/signals/unread', salesToken)).toEqual({ unread: 0 });
    await salesPhone.goBack();
    await onScreen(salesPhone, '.signals-menu__item', '客户新动态').waitFor();
    await eventually(() => onScreen(salesPhone, '.signals-menu .ll-menu__badge').count(), (n) => n === 0, 'the badge on 我的 to go');
  });

  it('lets an admin keep the working calendar: holidays and a make-up working day', async () => {
    const adminPhone = await openFirstAdminInvite(app);
    await acceptInvite(adminPhone);
    const desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, adminPhone);
    await desktop.goto(app.url('packages/console/pages/brand/index'));
    const calendar = onScreen(desktop, '.working-calendar');
    await calendar.waitFor();
    await calendar.locator('textarea').nth(0).fill('2027-01-01\n2027-02-30');
    await calendar.locator('textarea').nth(1).fill('2027-01-09');
    await button(desktop, '保存工作日历').click();
    await onScreen(desktop, '.working-calendar .ll-notice', '日期「2027-02-30」格式不对').waitFor();
    await calendar.locator('textarea').nth(0).fill('2027-01-01');
    await button(desktop, '保存工作日历').click();
    await onScreen(desktop, '.working-calendar .ll-notice', '工作日历已保存').waitFor();
    await screenshotPage(desktop, 'working-calendar-1440.png');
    await desktop.setViewportSize({ width: 390, height: 844 });
    await screenshotPage(desktop, 'working-calendar-390.png');

    const saved = await callApi(app, 'GET', '/api/console/working-calendar', await storedToken(desktop, 'leadloop.console-session'));
    expect(saved).toMatchObject({ weekdays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '18:00', holidays: ['2027-01-01'], workdays: ['2027-01-09'] });
  });
});
