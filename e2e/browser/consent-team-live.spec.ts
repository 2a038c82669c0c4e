import { createConnection } from 'mysql2/promise';
import type { Page } from 'playwright-core';
import { acceptInvite, animationsSettled, button, confirmModal, field, onScreen, openFirstAdminInvite, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona, WAIT } from '../support/flows';
import { createInvite } from '../support/server';

/**
 * A new live event keeps its id across a reload (no second event from saving again), with a cover
 * uploaded as a file; a prospect signs up without the optional follow-up consent, reads the policy
 * inside the app, corrects their name in 我的 and sees the room's 未开播 state; the admin disables a
 * salesperson and hands their customers over, and the hand-over log says who did it.
 */

jest.setTimeout(240_000);

const DESKTOP = { viewport: { width: 1440, height: 900 } };
const TITLE = '工业软件选型避坑指南直播';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const app = setUpBrowserApp();
const screenshot = (page: Page, name: string) => screenshotPage(page, `${name}.png`);

/** `n` active colleagues who were invited and have not bound their WeChat yet (同事01, 同事02, …), newest of all. */
async function addColleagues(n: number): Promise<void> {
  const conn = await createConnection({ uri: app.server.db.url });
  try {
    const now = new Date();
    const rows = Array.from({ length: n }, (_, i) => [`01${'Z'.repeat(22)}${String(i + 1).padStart(2, '0')}`, `同事${String(i + 1).padStart(2, '0')}`, 'sales', 'active', now, now]);
    await conn.query('INSERT INTO staff (id, name, role, status, created_at, updated_at) VALUES ?', [rows]);
  } finally {
    await conn.end();
  }
}

async function countRows(sql: string, params: unknown[] = []): Promise<number> {
  const conn = await createConnection({ uri: app.server.db.url });
  try {
    const [rows] = await conn.query(sql, params);
    return Number(Object.values((rows as Record<string, unknown>[])[0])[0]);
  } finally {
    await conn.end();
  }
}

describe('consent, data rights, team hand-over and live events in the browser', () => {
  let adminPhone: Page;
  let desktop: Page;
  let eventId: string;

  test('a reloaded new live event keeps its id, and saving again never creates a second event', async () => {
    adminPhone = await openFirstAdminInvite(app);
    await acceptInvite(adminPhone);
    desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, adminPhone);

    // a fresh load: a goto that changes only the hash lets Taro's router reuse a page in its stack
    await desktop.goto('about:blank');
    await desktop.goto(app.url('packages/console/pages/live-edit/index'));
    await onScreen(desktop, '.console-frame__title', '新建直播').waitFor();
    const creates: string[] = [];
    desktop.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/live' && r.method() === 'POST') creates.push(r.url());
    });

    await field(desktop, '直播标题').fill(TITLE);
    await field(desktop, '嘉宾 1 姓名').fill('周航');
    await field(desktop, '嘉宾 1 头衔').fill('某装备集团数字化总监');
    await onScreen(desktop, '.live-form__field-chip', '手机号').click();
    await field(desktop, '直播流地址').fill('https://live.example.com/stream.m3u8');
    // the cover is a file, chosen before the first save and uploaded with it
    const chooser = desktop.waitForEvent('filechooser');
    await button(desktop, '上传封面').click();
    await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: PNG });
    await onScreen(desktop, '.live-form__cover-hint', '保存后上传').waitFor();

    const created = desktop.waitForResponse((r) => new URL(r.url()).pathname === '/api/live' && r.request().method() === 'POST' && r.status() === 201);
    await button(desktop, '保存草稿').click();
    eventId = ((await (await created).json()) as { id: string }).id;
    await onScreen(desktop, '.live-publish .ll-notice', '草稿已保存').waitFor();
    await desktop.waitForURL(new RegExp(`live-edit/index\\?id=${eventId}$`), WAIT);
    await onScreen(desktop, '.console-frame__title', '编辑直播').waitFor();
    await onScreen(desktop, '.live-form__cover-image').waitFor();

    // a reload edits the same event; saving again changes it instead of creating another
    await desktop.reload();
    await onScreen(desktop, '.console-frame__title', '编辑直播').waitFor();
    expect(await field(desktop, '直播标题').inputValue()).toBe(TITLE);
    await onScreen(desktop, '.live-form__cover-image').waitFor();
    await onScreen(desktop, '.live-form__summary textarea').fill('三家制造企业的选型复盘：需求怎么写、演示怎么看、合同怎么签。');
    const patched = desktop.waitForResponse((r) => new URL(r.url()).pathname === `/api/live/${eventId}` && r.request().method() === 'PATCH' && r.status() === 200);
    await button(desktop, '发布直播').click();
    await patched;
    await onScreen(desktop, '.live-publish .ll-notice', '已发布，报名已开放').waitFor();
    expect(creates).toHaveLength(1);
    expect(await countRows('SELECT COUNT(*) FROM live_events')).toBe(1);
    expect(await countRows('SELECT COUNT(*) FROM live_events WHERE id = ? AND cover_key IS NOT NULL', [eventId])).toBe(1);
    await screenshot(desktop, 'consent-live-edit-console');
  });

  test('a prospect signs up without the follow-up consent, reads the policy in the app, and sees 未开播 in the room', async () => {
    const prospect = await app.newPage(PHONE);
    await prospect.goto(app.url(`packages/live/pages/detail/index?id=${eventId}`));
    await onScreen(prospect, '.live-hero__title', TITLE).waitFor();
    await onScreen(prospect, '.live-cover__image').waitFor();
    await button(prospect, '立即报名').click();
    await onScreen(prospect, '.signup-sheet .sign-in').waitFor();
    await field(prospect, '沙箱用户名').fill('prospect-sun');
    await button(prospect, '登录').click();
    await field(prospect, '姓名').waitFor();

    // two boxes, both unticked: the sign-up's consent, and the optional follow-up on its own
    const consent = onScreen(prospect, '.signup-sheet .gate-consent');
    const followUp = onScreen(prospect, '.signup-sheet .gate-follow-up');
    expect(await consent.innerText()).not.toContain('顾问');
    expect(await followUp.innerText()).toContain('同意顾问就相关内容与我联系（可选');
    expect(await followUp.getAttribute('class')).not.toContain('ll-check--checked');
    await animationsSettled(prospect);
    await screenshot(prospect, 'consent-signup-sheet');

    // the policy opens inside the app, with the server's text and version
    await onScreen(prospect, '.signup-sheet .gate-consent__link').click();
    await prospect.waitForURL(/packages\/me\/pages\/policy\/index\?kind=privacy/, WAIT);
    await onScreen(prospect, '.policy-text', '版本 2026-11').waitFor();
    expect(await onScreen(prospect, '.policy-text').innerText()).toContain('单独征得你的同意');
    await screenshot(prospect, 'consent-policy-page');
    await prospect.goBack();
    await onScreen(prospect, '.live-hero__title', TITLE).waitFor();
    await animationsSettled(prospect);
    if (!(await field(prospect, '姓名').count())) await button(prospect, '立即报名').click();

    await field(prospect, '姓名').fill('孙悦');
    await consent.click();
    await button(prospect, '提交报名').click();
    await onScreen(prospect, '.wechat-sandbox--subscribe', '允许发送直播提醒？').waitFor();
    await button(prospect, '拒绝').click();
    await onScreen(prospect, '.live-signup__title', '已报名').waitFor();
    expect(await countRows("SELECT COUNT(*) FROM consents WHERE purpose = 'sales_contact'")).toBe(0);
    expect(await countRows("SELECT COUNT(*) FROM consents WHERE purpose = 'event_signup'")).toBe(1);

    // the room before the start: 未开播, the countdown and the speakers instead of a black player
    await prospect.goto(app.url(`packages/live/pages/room/index?id=${eventId}`));
    const waiting = onScreen(prospect, '.live-room__waiting');
    await waiting.waitFor();
    expect(await waiting.innerText()).toMatch(/未开播[\s\S]*距开播[\s\S]*周航/);
    expect(await onScreen(prospect, '.live-room video').count()).toBe(0);
    await screenshot(prospect, 'consent-live-room-upcoming');

    // 更正权: 我的 › 个人信息 shows the name given in the form; a correction is listed and shown in 我的
    await prospect.goto(app.url('pages/mine/index'));
    await onScreen(prospect, '.profile-card__given', '孙悦').waitFor();
    await onScreen(prospect, '.mine-menu__item', '个人信息').click();
    await prospect.waitForURL(/packages\/me\/pages\/profile\/index/, WAIT);
    expect(await field(prospect, '姓名').inputValue()).toBe('孙悦');
    await field(prospect, '邮箱').fill('not-an-email');
    await button(prospect, '保存更正').click();
    await onScreen(prospect, '.ll-field--error', '请填写正确的邮箱地址').waitFor();
    await field(prospect, '姓名').fill('孙月');
    await field(prospect, '公司').fill('北辰精密');
    await field(prospect, '邮箱').fill('sunyue@beichen.cn');
    await button(prospect, '保存更正').click();
    await onScreen(prospect, '.ll-notice', '已更正').waitFor();
    await onScreen(prospect, '.profile-correction__change', '姓名：孙悦 → 孙月').waitFor();
    await screenshot(prospect, 'consent-profile-correction');
    await prospect.goto(app.url('pages/mine/index'));
    await onScreen(prospect, '.profile-card__given', '孙月 · 北辰精密').waitFor();
    await screenshot(prospect, 'consent-mine');
  });

  test('the admin disables a salesperson and hands over their customers; the log says who did it', async () => {
    const invite = await createInvite(app.server, { name: '钱鹏', role: 'sales' });
    const sales = await app.newPage(PHONE);
    await signInAsPersona(app, sales, 'sales-qian');
    await sales.goto(app.url(invite.path));
    await acceptInvite(sales);

    // a bigger team than the member table's first page: colleagues invited but not bound yet, joined after 钱鹏
    await addColleagues(24);

    await desktop.goto('about:blank');
    await desktop.goto(app.url('packages/console/pages/home/index'));
    const row = onScreen(desktop, '.staff-table__row', '钱鹏');
    await row.waitFor();
    expect(await onScreen(desktop, '.staff-table__row', '同事24').count()).toBe(0);
    await row.locator('.staff-table__manage').click();
    await onScreen(desktop, '.staff-manage', '离职交接').waitFor();
    // the sheet offers every active member, not only the rows the table has loaded, and finds them by name
    await field(desktop, '查找接手人').fill('同事24');
    await onScreen(desktop, '.staff-manage__receiver', '同事24').waitFor();
    expect(await onScreen(desktop, '.staff-manage__receiver').count()).toBe(1);
    await animationsSettled(desktop);
    await screenshot(desktop, 'consent-console-handover-find');
    await field(desktop, '查找接手人').fill('王敏');
    await onScreen(desktop, '.staff-manage__receiver', '王敏').click();
    await animationsSettled(desktop);
    await screenshot(desktop, 'consent-console-handover-sheet');
    await button(desktop, '停用并移交').click();
    await confirmModal(desktop, '确认移交');
    await onScreen(desktop, '.ll-notice', '已停用「钱鹏」').waitFor();
    await onScreen(desktop, '.staff-table__row', '钱鹏').filter({ hasText: '已停用' }).waitFor();
    const log = onScreen(desktop, '.handover-log__row', '钱鹏');
    await log.waitFor();
    expect(await log.innerText()).toMatch(/钱鹏[\s\S]*王敏[\s\S]*位客户[\s\S]*王敏/);
    expect(await countRows("SELECT COUNT(*) FROM staff WHERE name = '钱鹏' AND status = 'disabled'")).toBe(1);
    await screenshot(desktop, 'consent-console-team');

    // the last admin cannot be demoted: the refusal is shown, nothing changes
    await onScreen(desktop, '.staff-table__row', '王敏').locator('.staff-table__manage').click();
    await onScreen(desktop, '.staff-manage__role', '市场').click();
    await button(desktop, '保存角色').click();
    await onScreen(desktop, '.staff-manage .ll-notice', '至少要保留一位在职的管理员').waitFor();
  });
});
