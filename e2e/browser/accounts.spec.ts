import type { Page } from 'playwright-core';
import { CSV_HEADER, gbkEncode } from '../../server/test/support/csv';
import { acceptInvite, button, eventually, field, onScreen, openFirstAdminInvite, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona, WAIT } from '../support/flows';

/**
 * Accounts in the desktop console: a marketer imports a target-account list saved by Excel in
 * GBK — a file with a bad row is refused with that row named and nothing imported, the fixed file
 * goes in whole — then filters the list by tier, opens an account whose contacts joined by their
 * corporate email, sets a contact's buying role, and checks the pages at 1440 px and 390 px.
 */

jest.setTimeout(240_000);

const ROW = '.account-table__row:not(.account-table__row--head)';
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const app = setUpBrowserApp();

/** A prospect who signs in and fills in their company and work email (as 我的 would). */
async function prospectWithProfile(persona: string, profile: Record<string, string>): Promise<void> {
  const { code } = (await (await fetch(`${app.server.url}/sandbox/personas/${persona}/login-code`, { method: 'POST' })).json()) as { code: string };
  const session = (await (await fetch(`${app.server.url}/api/auth/wechat/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as { token: string };
  const res = await fetch(`${app.server.url}/api/me`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` }, body: JSON.stringify(profile) });
  if (!res.ok) throw new Error(`profile: HTTP ${res.status} ${await res.text()}`);
}

async function chooseCsv(desktop: Page, bytes: Buffer): Promise<void> {
  const chooser = desktop.waitForEvent('filechooser');
  await button(desktop, (await onScreen(desktop, '.account-import .ll-button', '重新选择文件').count()) > 0 ? '重新选择文件' : '选择 CSV 文件').click();
  await (await chooser).setFiles({ name: '目标客户.csv', mimeType: 'text/csv', buffer: bytes });
}

/** The session a page's mini-program or console holds (Taro's storage wraps values: { data: … }). */
async function storedToken(page: Page, key: string): Promise<string> {
  const stored = await page.evaluate((k) => localStorage.getItem(k), key);
  const parsed = JSON.parse(stored ?? 'null') as { data?: { token?: string }; token?: string } | null;
  const token = parsed?.data?.token ?? parsed?.token;
  if (!token) throw new Error(`no session stored under ${key}`);
  return token;
}

describe('accounts in the console', () => {
  let desktop: Page;

  it('imports a target list, filters it, opens an account and sets a contact’s buying role', async () => {
    const adminPhone = await openFirstAdminInvite(app);
    await acceptInvite(adminPhone);
    desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, adminPhone);

    await onScreen(desktop, '.console-nav__item', '客户管理').click();
    await desktop.waitForURL(/packages\/console\/pages\/accounts\/index/, WAIT);
    await onScreen(desktop, '.ll-muted', /还没有客户/).waitFor();

    const rows = [
      '华为技术有限公司,互联网/软件,5000+,广东省,深圳,A,王敏,huawei.com',
      '美的集团股份有限公司,制造业,5000 人及以上,广东,佛山,B,,midea.com',
      '三一重工股份有限公司,制造业,1000–4999 人,湖南,长沙,X,,',
    ];
    await button(desktop, '导入目标客户').click();
    await chooseCsv(desktop, gbkEncode([CSV_HEADER, ...rows].join('\r\n')));
    await onScreen(desktop, '.account-import__problem', '第 4 行：等级只能是 A、B 或 C').waitFor();
    await onScreen(desktop, '.ll-notice', /有 1 行不符合要求，整份文件未导入/).waitFor();
    await screenshotPage(desktop, 'accounts-import-refused-1440.png');

    rows[2] = rows[2].replace(',X,', ',C,');
    await chooseCsv(desktop, gbkEncode([CSV_HEADER, ...rows].join('\r\n')));
    await onScreen(desktop, '.ll-notice', '导入完成：新增 3 家，更新 0 家。').waitFor();
    await onScreen(desktop, '.ll-sheet__close').click();
    await onScreen(desktop, ROW).nth(2).waitFor();
    expect(await onScreen(desktop, ROW).count()).toBe(3);

    // two people from Huawei sign in and give their work email: they join the account by its domain
    await prospectWithProfile('hw-li', { name: '李雷', company: '华为', title: '采购经理', email: 'li.lei@huawei.com' });
    await prospectWithProfile('hw-han', { name: '韩梅梅', company: '华为终端', title: 'IT 总监', email: 'han@huawei.com' });

    await onScreen(desktop, '.account-filters__tier .ll-select__value').click();
    await onScreen(desktop, '.ll-select__option', 'A 类').click();
    // the contacts join in the background (the activity stream): read the list again until both count
    await eventually(
      async () => {
        await onScreen(desktop, '.account-filters .ll-button', '搜索').click();
        return onScreen(desktop, ROW, '华为技术有限公司').locator('.account-table__number').first().innerText();
      },
      (contacts) => contacts.trim() === '2',
      'both Huawei contacts counted on the account',
    );
    expect(await onScreen(desktop, ROW).count()).toBe(1);
    await screenshotPage(desktop, 'accounts-list-1440.png');

    await onScreen(desktop, '.account-table__link', '华为技术有限公司').click();
    await desktop.waitForURL(/packages\/console\/pages\/accounts\/detail/, WAIT);
    await onScreen(desktop, '.account-facts__value', 'A 类目标').waitFor();
    await onScreen(desktop, '.account-facts__value', '王敏').waitFor();
    await onScreen(desktop, '.account-contacts__row', '李雷').waitFor();

    await onScreen(desktop, '.account-contacts__row', '李雷').locator('.ll-select__value').click();
    await onScreen(desktop, '.ll-select__option', '采购').click();
    await onScreen(desktop, '.account-contacts__row', '李雷').locator('.ll-select__value', { hasText: '采购' }).waitFor();
    await screenshotPage(desktop, 'account-detail-1440.png');

    await field(desktop, '城市').fill('深圳坂田');
    await button(desktop, '保存').click();
    await onScreen(desktop, '.account-facts__value', '广东 深圳坂田').waitFor();

    await desktop.setViewportSize(PHONE.viewport);
    await screenshotPage(desktop, 'account-detail-390.png');
    const overflow = await desktop.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await desktop.goBack();
    await desktop.waitForURL(/packages\/console\/pages\/accounts\/index/, WAIT);
    await onScreen(desktop, ROW).first().waitFor();
    await screenshotPage(desktop, 'accounts-list-390.png');
  });
  it('a whitepaper gate asks industry, region and company size with pickers, and keeps the answers', async () => {
    const consoleToken = await storedToken(desktop, 'leadloop.console-session');
    const form = new FormData();
    form.set('title', '制造业数字化白皮书');
    form.set('summary', '十个工厂的数字化实践。');
    form.set('requiredFields', JSON.stringify(['industry', 'region', 'sizeBand']));
    form.set('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'))], { type: 'application/pdf' }), 'paper.pdf');
    const created = await fetch(`${app.server.url}/api/console/whitepapers`, { method: 'POST', body: form, headers: { authorization: `Bearer ${consoleToken}` } });
    const paper = (await created.json()) as { id: string };
    expect(created.status).toBe(201);
    await fetch(`${app.server.url}/api/console/whitepapers/${paper.id}/publish`, { method: 'POST', headers: { authorization: `Bearer ${consoleToken}` } });

    const prospect = await app.newPage(PHONE);
    await signInAsPersona(app, prospect, 'gate-picker');
    await prospect.goto(app.url(`packages/whitepaper/pages/detail/index?id=${paper.id}`));
    await onScreen(prospect, '.whitepaper-gate-line', '下载前需填写：所属行业、所在地区、公司规模').waitFor();
    await button(prospect, '免费下载').click();
    await onScreen(prospect, '.whitepaper-gate').waitFor();

    await onScreen(prospect, '.gate-industry .ll-select__value').click();
    await onScreen(prospect, '.ll-select__option', '制造业').click();
    await onScreen(prospect, '.gate-region .ll-select__value').click();
    await onScreen(prospect, '.ll-select__option', '广东').click();
    await field(prospect, '所在城市（选填）').fill('东莞');
    await onScreen(prospect, '.gate-sizeBand .ll-select__value').click();
    await onScreen(prospect, '.ll-select__option', '200–499 人').click();
    await onScreen(prospect, '.gate-consent').click();
    await screenshotPage(prospect, 'gate-new-fields-390.png');
    await button(prospect, '提交并下载').click();
    await onScreen(prospect, '.whitepaper-done').waitFor();

    const token = await storedToken(prospect, 'leadloop.session');
    const exported = (await (await fetch(`${app.server.url}/api/me/export`, { headers: { authorization: `Bearer ${token}` } })).json()) as { person: Record<string, unknown> };
    expect(exported.person).toMatchObject({ industry: 'manufacturing', province: '广东', city: '东莞', sizeBand: '200-499' });
  });
});
