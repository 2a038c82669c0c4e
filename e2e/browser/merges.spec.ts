import type { Page } from 'playwright-core';
import { acceptInvite, button, confirmModal, onScreen, openFirstAdminInvite, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp } from '../support/flows';

/**
 * An admin reviews person merges in the console (用户合并): who was merged into whom, on which
 * evidence, what moved; undoes one; and is told in Chinese why another cannot be undone exactly.
 */

jest.setTimeout(900_000);

const DESKTOP = { viewport: { width: 1440, height: 900 } };
const app = setUpBrowserApp();

async function call(method: string, path: string, body?: unknown, token?: string): Promise<any> {
  const res = await fetch(`${app.server.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A prospect as the mini-program makes one: signed in through the sandbox, a profile, a bound phone. */
async function prospect(persona: string, profile: Record<string, string>, phone: string): Promise<string> {
  const { code } = await call('POST', `/sandbox/personas/${persona}/login-code`);
  const { token } = await call('POST', '/api/auth/wechat/login', { code });
  await call('PATCH', '/api/me', profile, token);
  const phoneCode = await call('POST', `/sandbox/personas/${persona}/phone-code`, { phone });
  await call('POST', '/api/me/phone', { code: phoneCode.code }, token);
  return token;
}

const row = (page: Page, text: string) => onScreen(page, '.merge-table__row', text);

describe('用户合并: an admin reviews and undoes person merges', () => {
  let adminPhone: Page;
  let desktop: Page;

  it('lists merges with names, evidence and what moved; undoes one; explains a refusal', async () => {
    // 张伟 signs in again on a work WeChat and binds the same phone: the two records merge
    await prospect('merge-zhang', { name: '张伟' }, '13900002222');
    await prospect('merge-zhang-work', { name: '张伟（工作号）', company: '云启智造' }, '13900002222');
    // 李静 likewise; then she edits the company her merged record brought, so undoing cannot be exact
    const li = await prospect('merge-li', { name: '李静' }, '13700003333');
    await prospect('merge-li-2', { name: '李静（旧号）', company: '青禾科技' }, '13700003333');
    await call('PATCH', '/api/me', { company: '青禾科技集团' }, li);

    adminPhone = await openFirstAdminInvite(app);
    await acceptInvite(adminPhone);
    desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, adminPhone);

    await onScreen(desktop, '.console-nav__title', '用户合并').click();
    await row(desktop, '张伟（工作号）').waitFor();
    const zhang = await row(desktop, '张伟（工作号）').innerText();
    expect(zhang).toContain('并入 张伟（139****2222）');
    expect(zhang).toContain('手机号');
    expect(zhang).toContain('身份标识');
    expect(zhang).not.toMatch(/[0-9A-HJKMNP-TV-Z]{26}/);
    await screenshotPage(desktop, 'merges-1440.png');

    await row(desktop, '李静（旧号）').locator('.ll-button').click();
    await confirmModal(desktop, '撤销合并');
    await onScreen(desktop, '.ll-notice', '无法精确撤销这次合并').waitFor();
    expect(await onScreen(desktop, '.ll-notice', '无法精确撤销').innerText()).toContain('身份与资料：合并后合并过的记录又有变化');

    await row(desktop, '张伟（工作号）').locator('.ll-button').click();
    await confirmModal(desktop, '撤销合并');
    await onScreen(desktop, '.ll-notice', '已撤销「张伟（工作号）」与「张伟」的合并').waitFor();
    await row(desktop, '张伟（工作号）').filter({ hasText: '已撤销' }).waitFor();
    await screenshotPage(desktop, 'merges-undone-1440.png');

    // the same console session on a narrow window
    const narrow = await desktop.context().newPage();
    await narrow.setViewportSize(PHONE.viewport);
    await narrow.goto(app.url('packages/console/pages/merges/index'));
    await row(narrow, '李静（旧号）').waitFor();
    await screenshotPage(narrow, 'merges-390.png');
  });
});
