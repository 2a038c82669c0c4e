import type { Page } from 'playwright-core';
import {
  acceptInvite,
  animationsSettled,
  button,
  confirmModal,
  field,
  onScreen,
  openFirstAdminInvite,
  PHONE,
  scanLoginConsole,
  screenshotPage,
  setUpBrowserApp,
  signInAsPersona,
  WAIT,
} from '../support/flows';
import { createInvite } from '../support/server';

/**
 * Live events in the H5 build, as people use them: the admin creates a free event in the console;
 * a salesperson shares it; a prospect opens the share link, signs in, fills the one missing field,
 * ticks consent and allows reminders in the sandbox's stand-in for WeChat's subscribe sheet, then
 * looks into the live room. The admin creates a paid event (the server's per-field refusal shown
 * first); the prospect signs up, binds a phone (the only thing still missing), pays through the
 * sandbox and sees the sign-up confirmed. The console reports credit both sign-ups to the
 * salesperson, and the paid one shows its revenue.
 */

jest.setTimeout(240_000);

const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const FREE_TITLE = '制造业数字化转型实战直播';
const PAID_TITLE = '精益供应链高阶研修课';
const SALES_NAME = '李娜';
const PROSPECT = 'prospect-zhao';

const app = setUpBrowserApp();

const screenshot = (page: Page, name: string) => screenshotPage(page, `${name}.png`);

/**
 * Opens a link as a person would: a fresh load of the app (storage, so the login, kept). A `goto`
 * that changes only the hash would let Taro's router reuse a page already in its stack.
 */
async function openLink(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

/** A Beijing-time date and time `minutes` from now, as the console form takes them. */
function beijingFields(minutes: number): { date: string; time: string } {
  const iso = new Date(Date.now() + minutes * 60_000 + 8 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

interface NewEvent {
  title: string;
  price: string;
  startsInMinutes: number;
  /** Sign-up fields to switch off (the form starts with 姓名 and 手机号). */
  untick?: string[];
  /** Typed first, refused by the server, then corrected to 100. */
  refusedCapacity?: string;
}

/** The admin fills the console's event form and publishes; answers the new event's id. */
async function createEvent(desktop: Page, event: NewEvent): Promise<string> {
  await openLink(desktop, app.url('packages/console/pages/home/index'));
  await onScreen(desktop, '.console-nav__item', '直播管理').click();
  await desktop.waitForURL(/packages\/console\/pages\/live\/index/, WAIT);
  await button(desktop, '新建直播').click();
  await desktop.waitForURL(/packages\/console\/pages\/live-edit\/index/, WAIT);

  await field(desktop, '直播标题').fill(event.title);
  await onScreen(desktop, '.live-form__summary textarea').fill('从数据采集到精益排产，三位一线专家拆解真实项目的做法与教训。');
  await field(desktop, '嘉宾 1 姓名').fill('陈立');
  await field(desktop, '嘉宾 1 头衔').fill('某智能制造集团 CIO');
  const start = beijingFields(event.startsInMinutes);
  const end = beijingFields(event.startsInMinutes + 120);
  await field(desktop, '开始日期').fill(start.date);
  await field(desktop, '开始时间').fill(start.time);
  await field(desktop, '结束日期').fill(end.date);
  await field(desktop, '结束时间').fill(end.time);
  await field(desktop, '名额').fill(event.refusedCapacity ?? '100');
  await field(desktop, '价格（元）').fill(event.price);
  for (const label of event.untick ?? []) await onScreen(desktop, '.live-form__field-chip', label).click();
  await field(desktop, '直播流地址').fill('https://live.example.com/stream.m3u8');
  await button(desktop, '+ 添加问题').click();
  await field(desktop, '第 1 题').fill('本场直播对你有帮助吗？');
  await field(desktop, '第 1 题选项').fill('很有帮助，一般，没有帮助');

  if (event.refusedCapacity) {
    // The form lets any whole number through; the server refuses it and names the field.
    await button(desktop, '发布直播').click();
    await onScreen(desktop, '.ll-field--error', '名额需为 1–100000 的整数').waitFor();
    await onScreen(desktop, '.live-publish .ll-notice', '有几项需要修改').waitFor();
    await field(desktop, '名额').fill('100');
  }

  const created = desktop.waitForResponse((r) => new URL(r.url()).pathname === '/api/live' && r.request().method() === 'POST' && r.status() === 201);
  await button(desktop, '发布直播').click();
  const { id } = (await (await created).json()) as { id: string };
  await onScreen(desktop, '.live-publish .ll-notice', '已发布，报名已开放').waitFor();
  await onScreen(desktop, '.live-publish .ll-tag', '已发布').waitFor();
  return id;
}

describe('live events in the browser (H5 + WeChat sandbox)', () => {
  let adminPhone: Page;
  let desktop: Page;
  let prospect: Page;
  let freeId: string;
  let paidId: string;
  let shareLink: string;

  test('an admin creates and publishes a free event in the console', async () => {
    adminPhone = await openFirstAdminInvite(app);
    await acceptInvite(adminPhone);
    desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, adminPhone);

    // Starts in ten minutes: the live room is already open (it opens half an hour before).
    freeId = await createEvent(desktop, { title: FREE_TITLE, price: '0', startsInMinutes: 10, untick: ['手机号'] });
    await screenshot(desktop, 'live-console-form');

    await onScreen(desktop, '.console-frame__back').click();
    const row = onScreen(desktop, '.live-table__row', FREE_TITLE);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/报名中[\s\S]*免费[\s\S]*0 \/ 100/);
  });

  test('a salesperson finds it on 首页 and shares it with their own link', async () => {
    const invite = await createInvite(app.server, { name: SALES_NAME, role: 'sales' });
    const sales = await app.newPage(PHONE);
    await signInAsPersona(app, sales, 'sales-li');
    await sales.goto(app.url(invite.path));
    await acceptInvite(sales);

    await sales.goto(app.url('pages/index/index'));
    const card = onScreen(sales, '.live-card', FREE_TITLE);
    await card.waitFor();
    expect(await card.innerText()).toContain('免费');
    await card.click();
    await onScreen(sales, '.live-hero__title', FREE_TITLE).waitFor();
    // 首页 stays in the page stack (with its own share panel): look only inside the event's page.
    await animationsSettled(sales);
    await onScreen(sales, '.live-detail .share-panel .ll-button', '分享给好友').click();
    shareLink = (await onScreen(sales, '.live-detail .share-panel__link').innerText()).trim();
    expect(shareLink).toMatch(new RegExp(`/#/packages/live/pages/detail/index\\?id=${freeId}&s=[A-Za-z0-9_-]{16}$`));
  });

  test('a prospect opens the share link, signs up with only the missing name and consent, and allows reminders', async () => {
    prospect = await app.newPage(PHONE);
    await prospect.goto(shareLink);
    await onScreen(prospect, '.live-hero__title', FREE_TITLE).waitFor();
    await animationsSettled(prospect);
    expect(await onScreen(prospect, '.live-hero__countdown').innerText()).toMatch(/距开播 \d+ 分 \d{2} 秒/);
    expect(await onScreen(prospect, '.live-bar').innerText()).toContain('免费');

    await button(prospect, '立即报名').click();
    // Not signed in: the sheet asks for the sandbox persona first.
    await onScreen(prospect, '.signup-sheet .sign-in').waitFor();
    await field(prospect, '沙箱用户名').fill(PROSPECT);
    await button(prospect, '登录').click();

    // Only what is missing (the name), and consent unticked, naming the policy version.
    await field(prospect, '姓名').waitFor();
    expect(await onScreen(prospect, '.signup-sheet .ll-field').count()).toBe(1);
    const consent = onScreen(prospect, '.gate-consent');
    expect(await consent.innerText()).toContain('我已阅读并同意《隐私政策》（2026-11 版）');
    expect(await consent.getAttribute('class')).not.toContain('ll-check--checked');

    await field(prospect, '姓名').fill('赵敏');
    await button(prospect, '提交报名').click();
    await onScreen(prospect, '.signup-sheet .ll-notice', '请先阅读并勾选同意《隐私政策》').waitFor();
    await consent.click();
    await button(prospect, '提交报名').click();

    // The sandbox's stand-in for WeChat's subscribe-message sheet.
    await onScreen(prospect, '.wechat-sandbox--subscribe', '允许发送直播提醒？').waitFor();
    await button(prospect, '允许').click();
    await onScreen(prospect, '.live-signup__title', '已报名').waitFor();
    await onScreen(prospect, '.live-signup', '已开启开播提醒').waitFor();
    expect(await onScreen(prospect, '.signup-sheet').count()).toBe(0);
    await screenshot(prospect, 'live-detail');

    // The room is open half an hour before the start: 未开播 with the countdown and the speakers
    // (no black player before there is anything to play), and the watch time so far.
    await button(prospect, '进入直播间').click();
    await prospect.waitForURL(/packages\/live\/pages\/room/, WAIT);
    await animationsSettled(prospect);
    await onScreen(prospect, '.live-room__minutes', '已观看 0 分钟').waitFor();
    const waiting = onScreen(prospect, '.live-room__waiting');
    expect(await waiting.innerText()).toMatch(/未开播[\s\S]*距开播 \d+ 分 \d{2} 秒[\s\S]*陈立/);
    expect(await onScreen(prospect, '.live-room video').count()).toBe(0);
    await screenshot(prospect, 'live-room');
  });

  test('the admin publishes a paid event; the server’s refusal is shown on the field first', async () => {
    paidId = await createEvent(desktop, { title: PAID_TITLE, price: '99', startsInMinutes: 24 * 60, refusedCapacity: '200000' });
    expect(paidId).not.toBe(freeId);
  });

  test('the prospect signs up for the paid event, binds a phone, pays in the sandbox and is confirmed', async () => {
    await openLink(prospect, app.url(`packages/live/pages/detail/index?id=${paidId}`));
    await onScreen(prospect, '.live-hero__title', PAID_TITLE).waitFor();
    await animationsSettled(prospect);
    expect(await onScreen(prospect, '.live-bar').innerText()).toContain('¥99');

    await button(prospect, '立即报名').click();
    // Name and consent are already on record: only the phone is asked for.
    const sheet = onScreen(prospect, '.signup-sheet');
    await sheet.waitFor();
    expect(await onScreen(prospect, '.signup-sheet .gate-form__known').innerText()).toContain('赵敏');
    expect(await onScreen(prospect, '.gate-consent').count()).toBe(0);
    await field(prospect, '手机号').fill('13800138000');
    await button(prospect, '绑定手机号').click();
    await onScreen(prospect, '.signup-sheet .gate-form__known', '138****8000').waitFor();

    await button(prospect, '提交并支付 ¥99').click();
    const pay = onScreen(prospect, '.wechat-sandbox--payment');
    await pay.waitFor();
    expect(await pay.innerText()).toContain('¥99.00');
    await button(prospect, '确认支付').click();

    // WeChat notifies the server, not the app: the page waits for the server to confirm.
    await onScreen(prospect, '.live-signup__confirming', '支付确认中…').waitFor();
    await onScreen(prospect, '.live-signup__title', '已报名').waitFor({ timeout: 60_000 });
    await onScreen(prospect, '.live-signup', '已支付 ¥99.00').waitFor();
    await onScreen(prospect, '.live-signup .ll-notice', '支付成功，报名已确认').waitFor();
    await screenshot(prospect, 'live-paid-confirmed');
  });

  test('the console reports credit both sign-ups to the salesperson, and the paid one shows its revenue', async () => {
    await openLink(desktop, app.url('packages/console/pages/live/index'));
    await onScreen(desktop, '.live-table__row', FREE_TITLE).locator('.live-table__link', { hasText: '数据' }).click();
    await desktop.waitForURL(/packages\/console\/pages\/live-report/, WAIT);
    const freeSharer = onScreen(desktop, '.live-report-sharers__row', SALES_NAME);
    await freeSharer.waitFor();
    expect(await freeSharer.innerText()).toMatch(new RegExp(`${SALES_NAME}\\s+1`));

    await openLink(desktop, app.url(`packages/console/pages/live-report/index?id=${paidId}`));
    const paidSharer = onScreen(desktop, '.live-report-sharers__row', SALES_NAME);
    await paidSharer.waitFor();
    expect(await paidSharer.innerText()).toMatch(new RegExp(`${SALES_NAME}\\s+1\\s+1\\s+¥99\\.00`));
    expect(await onScreen(desktop, '.live-stats').first().innerText()).toMatch(/¥99\.00[\s\S]*净收入/);
    await screenshot(desktop, 'live-report');
  });

  test('the prospect cancels the paid sign-up after a warning about the refund; the report shows it refunded', async () => {
    await openLink(prospect, app.url(`packages/live/pages/detail/index?id=${paidId}`));
    await onScreen(prospect, '.live-signup__title', '已报名').waitFor();
    await animationsSettled(prospect);
    await button(prospect, '取消报名').click();
    expect(await onScreen(prospect, '.taro-modal__content').innerText()).toContain('报名费 ¥99.00 将原路退回');
    await confirmModal(prospect, '取消报名');
    await onScreen(prospect, '.ll-notice', '已取消报名，¥99.00 将原路退回').waitFor();
    await button(prospect, '立即报名').waitFor();

    await openLink(desktop, app.url(`packages/console/pages/live-report/index?id=${paidId}`));
    const revenue = onScreen(desktop, '.live-stats--revenue');
    await revenue.waitFor();
    expect(await revenue.innerText()).toMatch(/¥99\.00[\s\S]*总收入[\s\S]*¥99\.00[\s\S]*已退款[\s\S]*¥0\.00[\s\S]*净收入/);
  });
});

