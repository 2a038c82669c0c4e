import { Pages } from '@leadloop/shared';
import type { Page } from 'playwright-core';
import { callApi, storedToken, tinyPdf } from '../support/api';
import { acceptInvite, button, eventually, field, onScreen, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona } from '../support/flows';
import { createInvite } from '../support/server';

/**
 * Sales teams and routing in the desktop console: an admin builds 华东组 with two salespeople,
 * writes the rule 华东 (浙江 → 华东组), asks the tester which rule takes a lead from 浙江, and gives
 * a lead no rule took (waiting in 待分配) to a salesperson by hand with a reason. Both pages are
 * then checked on a phone-sized screen.
 */

jest.setTimeout(300_000);

const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const PROSPECT = '孙悦';

const app = setUpBrowserApp();

async function sandboxLogin(persona: string): Promise<{ token: string; person: { id: string } }> {
  const minted = await fetch(`${app.server.url}/sandbox/personas/${persona}/login-code`, { method: 'POST' });
  const { code } = (await minted.json()) as { code: string };
  const res = await fetch(`${app.server.url}/api/auth/wechat/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  return (await res.json()) as { token: string; person: { id: string } };
}

/** A salesperson joins through their invite (as the team page's invite flow ends). */
async function joinStaff(persona: string, name: string): Promise<void> {
  const invite = await createInvite(app.server, { name, role: 'sales' });
  const session = await sandboxLogin(persona);
  await callApi(app, 'POST', '/api/staff/invites/accept', session.token, { token: invite.token });
}

/** A prospect downloads a whitepaper (a lead), and marketing moves them to MQL: no rule takes them. */
async function queuedLead(consoleToken: string): Promise<string> {
  const form = new FormData();
  form.set('title', '华东制造业数字化白皮书');
  form.set('summary', '制造业客户的私域实践。');
  form.set('requiredFields', JSON.stringify(['name']));
  form.set('file', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), 'whitepaper.pdf');
  const paper = await callApi<{ id: string }>(app, 'POST', '/api/console/whitepapers', consoleToken, form);
  await callApi(app, 'POST', `/api/console/whitepapers/${paper.id}/publish`, consoleToken);
  const prospect = await sandboxLogin('routing-prospect');
  const brand = await (await fetch(`${app.server.url}/api/brand`)).json();
  await callApi(app, 'POST', `/api/whitepapers/${paper.id}/downloads`, prospect.token, {
    requestId: 'routing-e2e-download-1',
    gate: { profile: { name: PROSPECT }, consent: { policyVersion: brand.privacyPolicyVersion, accepted: true } },
  });
  const personId = prospect.person.id;
  await eventually(() => callApi(app, 'GET', `/api/leads/${personId}`, consoleToken).catch(() => null), (lead) => lead?.stage === 'engaged', 'the download to make an engaged lead');
  await callApi(app, 'POST', `/api/leads/${personId}/stage`, consoleToken, { to: 'mql' });
  await eventually(() => callApi(app, 'GET', '/api/routing/unassigned', consoleToken), (page) => page.items.some((i: { personId: string }) => i.personId === personId), 'routing to queue the lead');
  return personId;
}

const pick = async (page: Page, selectClass: string, option: string) => {
  await onScreen(page, `.${selectClass} .ll-select__value`).click();
  await onScreen(page, '.ll-select__option', option).click();
};

describe('sales teams and routing in the console (H5)', () => {
  it('an admin builds a team and a rule, tests it, and assigns a queued lead by hand', async () => {
    const invite = await createInvite(app.server, { name: '王敏', role: 'admin' });
    const phone = await app.newPage(PHONE);
    await signInAsPersona(app, phone, 'routing-admin');
    await phone.goto(app.url(invite.path));
    await acceptInvite(phone);
    const desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, phone);
    const consoleToken = await storedToken(desktop, 'leadloop.console-session');
    await joinStaff('routing-sales-1', '陈晨');
    await joinStaff('routing-sales-2', '刘洋');
    const lead = await queuedLead(consoleToken);

    // 销售团队: a group and its members
    await onScreen(desktop, '.console-nav__title', '销售团队').click();
    await desktop.waitForURL(/packages\/console\/pages\/sales-teams/);
    await button(desktop, '新建销售组').click();
    await field(desktop, '组名').fill('华东组');
    await pick(desktop, 'group-sheet__manager', '王敏');
    await button(desktop, '保存').click();
    const group = onScreen(desktop, '.sales-teams__group', '华东组');
    await group.waitFor();
    for (const [name, region] of [
      ['陈晨', '浙江'],
      ['刘洋', null],
    ] as const) {
      await group.locator('.ll-button', { hasText: '添加成员' }).click();
      await pick(desktop, 'member-sheet__staff', name);
      if (region) await onScreen(desktop, '.member-sheet .chip-set__option', region).first().click();
      await button(desktop, '保存').click();
      await onScreen(desktop, '.sales-teams__members__row', name).waitFor();
    }
    await onScreen(desktop, '.sales-teams__members__row', '陈晨').getByText('浙江').waitFor();
    await screenshotPage(desktop, 'sales-teams-1440.png');

    // 线索分配: a rule, the tester, the queue
    await desktop.goto(app.url(Pages.consoleRouting));
    await button(desktop, '添加规则').click();
    const rule = onScreen(desktop, '.routing__rule').first();
    await rule.locator('.ll-field', { hasText: '规则名称' }).locator('input').fill('华东');
    await pick(desktop, 'routing__group', '华东组');
    await rule.locator('.ll-button', { hasText: '设置条件' }).click();
    await rule.locator('.chip-set').first().locator('.chip-set__option', { hasText: '浙江' }).click();
    await button(desktop, '保存规则').click();
    await onScreen(desktop, '.ll-notice', '已保存').waitFor();
    const saved = await callApi(app, 'GET', '/api/routing/rules', consoleToken);
    expect(saved.items.map((r: any) => [r.name, r.regions, r.group.name])).toEqual([['华东', ['浙江'], '华东组']]);

    await pick(desktop, 'tester__region', '浙江');
    await button(desktop, '测试').click();
    await onScreen(desktop, '.routing__test-result', '命中第 1 条「华东」，分配到「华东组」组内轮询。').waitFor();

    const queued = onScreen(desktop, '.routing__queue__row', PROSPECT);
    await queued.waitFor();
    await screenshotPage(desktop, 'routing-console-1440.png');
    await queued.locator('.ll-button', { hasText: '分配' }).click();
    await pick(desktop, 'assign-sheet__staff', '刘洋');
    await field(desktop, '分配原因').fill('北京客户，由刘洋先跟进');
    await button(desktop, '确认分配').click();
    await onScreen(desktop, '.ll-muted', '没有待分配的线索。').waitFor();
    const history = await callApi(app, 'GET', `/api/leads/${lead}/routing`, consoleToken);
    expect(history.items.map((d: any) => [d.outcome, d.staff?.name ?? null, d.by?.name ?? null, d.reason])).toEqual([
      ['reassigned', '刘洋', '王敏', '北京客户，由刘洋先跟进'],
      ['unassigned', null, null, '没有匹配的分配规则'],
    ]);

    // both pages on a phone-sized screen: one column, nothing wider than the screen
    await desktop.setViewportSize(PHONE.viewport);
    for (const [path, file, ready] of [
      [Pages.consoleRouting, 'routing-console-390.png', '.routing__rule'],
      [Pages.consoleSalesTeams, 'sales-teams-390.png', '.sales-teams__group'],
    ] as const) {
      await desktop.goto(app.url(path));
      await onScreen(desktop, ready).first().waitFor();
      expect(await desktop.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshotPage(desktop, file);
    }
  });
});
