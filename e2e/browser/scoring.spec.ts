import type { Locator, Page } from 'playwright-core';
import { acceptInvite, button, eventually, onScreen, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, signInAsPersona } from '../support/flows';
import { createInvite } from '../support/server';

/**
 * Lead scoring in the desktop console: a prospect downloads a whitepaper and becomes a lead worth
 * 15 intent points; the marketer opens 线索评分, raises 下载白皮书 to 40, previews the draft on the
 * recent leads (the prospect's score goes from 15 to 40 there), saves it as a new version and
 * watches the background re-score finish; the lead's breakdown then says 40.
 */

jest.setTimeout(240_000);

const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const PROSPECT_NAME = '赵磊';

const app = setUpBrowserApp();

async function storedToken(page: Page, key: string): Promise<string> {
  const stored = await page.evaluate((k) => localStorage.getItem(k), key);
  const parsed = JSON.parse(stored ?? 'null') as { data?: { token?: string }; token?: string } | null;
  const token = parsed?.data?.token ?? parsed?.token;
  if (!token) throw new Error(`no session stored under ${key}`);
  return token;
}

async function apiCall<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: token ? { authorization: `Bearer ${token}` } : {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const res = await fetch(`${app.server.url}/api${path}`, init);
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>'];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A prospect (through the sandbox's WeChat login) downloads a published whitepaper: a lead. */
async function prospectDownloads(consoleToken: string): Promise<string> {
  const form = new FormData();
  form.set('title', '2026 制造业私域增长白皮书');
  form.set('summary', '十个制造业客户的私域获客实践。');
  form.set('requiredFields', JSON.stringify(['name']));
  form.set('file', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), 'whitepaper.pdf');
  const paper = await apiCall<{ id: string }>('POST', '/console/whitepapers', consoleToken, form);
  await apiCall('POST', `/console/whitepapers/${paper.id}/publish`, consoleToken);
  const minted = await fetch(`${app.server.url}/sandbox/personas/scoring-prospect/login-code`, { method: 'POST' });
  const { code } = (await minted.json()) as { code: string };
  const session = await apiCall<{ token: string; person: { id: string } }>('POST', '/auth/wechat/login', null, { code });
  const brand = await apiCall<{ privacyPolicyVersion: string }>('GET', '/brand', null);
  await apiCall('POST', `/whitepapers/${paper.id}/downloads`, session.token, {
    requestId: 'scoring-e2e-download-1',
    gate: { profile: { name: PROSPECT_NAME }, consent: { policyVersion: brand.privacyPolicyVersion, accepted: true } },
  });
  return session.person.id;
}

/** The intent rule row for an activity (its name on screen), and one of its number fields by label. */
const ruleRow = (page: Page, activity: string): Locator =>
  onScreen(page, '.scoring__rule').filter({ has: page.locator('.scoring__rule-signal', { hasText: new RegExp(`^${activity}$`) }) });
const ruleField = (row: Locator, label: string): Locator => row.locator('.ll-field').filter({ has: row.page().getByText(label, { exact: true }) }).locator('input');

describe('lead scoring in the console (H5)', () => {
  it('a marketer raises a rule, previews it on a real lead, saves it, and the lead is re-scored', async () => {
    const invite = await createInvite(app.server, { name: '李娜', role: 'marketer' });
    const phone = await app.newPage(PHONE);
    await signInAsPersona(app, phone, 'marketer-li');
    await phone.goto(app.url(invite.path));
    await acceptInvite(phone);
    const desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, phone);
    const consoleToken = await storedToken(desktop, 'leadloop.console-session');

    const personId = await prospectDownloads(consoleToken);
    type Score = { intent: number; items: { label: string; points: number }[] };
    const scored = await eventually(
      () => apiCall<Score>('GET', `/leads/${personId}/score`, consoleToken).catch(() => null),
      (s) => !!s?.items.some((i) => i.label === '下载白皮书'),
      'the download to be scored',
    );
    expect(Math.round(scored!.intent)).toBe(15);

    // the console's navigation leads to 线索评分
    await onScreen(desktop, '.console-nav__title', '线索评分').click();
    await desktop.waitForURL(/packages\/console\/pages\/scoring/);
    const download = ruleRow(desktop, '下载白皮书');
    await download.waitFor();
    await screenshotPage(desktop, 'scoring-console-1440.png');
    await ruleField(download, '分值').fill('40');

    await button(desktop, '预览草稿效果').click();
    const previewRow = onScreen(desktop, '.scoring__preview-row', PROSPECT_NAME);
    await previewRow.waitFor();
    await expect(previewRow.locator('.scoring__preview-score').first().textContent()).resolves.toBe('D · 15');
    await expect(previewRow.locator('.scoring__preview-score--changed').textContent()).resolves.toBe('D · 40');

    await button(desktop, '保存为新版本并重新评分').click();
    await onScreen(desktop, '.ll-notice', '已保存为第 2 版').waitFor();
    await onScreen(desktop, '.ll-card__title', '重新评分已完成').waitFor({ timeout: 60_000 });
    const after = await apiCall<Score>('GET', `/leads/${personId}/score`, consoleToken);
    expect(after.items.find((i) => i.label === '下载白皮书')?.points).toBe(40);
    expect(Math.round(after.intent)).toBe(40);

    // the same page on a phone-sized screen: one column, nothing wider than the screen
    const narrow = desktop;
    await narrow.setViewportSize(PHONE.viewport);
    await narrow.reload();
    await ruleRow(narrow, '下载白皮书').waitFor();
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshotPage(narrow, 'scoring-console-390.png');
  });
});
