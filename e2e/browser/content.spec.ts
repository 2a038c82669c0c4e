import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { callApi, storedToken, tinyPdf } from '../support/api';
import { acceptInvite, button, eventually, field, onScreen, openFirstAdminInvite, PHONE, scanLoginConsole, screenshotPage, setUpBrowserApp, WAIT } from '../support/flows';
import { createInvite } from '../support/server';

/**
 * Content in the H5 build, as people use it: an admin uploads a whitepaper PDF in the desktop
 * console and publishes it; a salesperson sets up their card with the whitepaper featured and
 * shares it; a prospect opens the card from the link, opens the whitepaper from the card, passes
 * the gate (name, company, phone through the sandbox's getPhoneNumber, an explicit consent) and
 * gets the exact PDF, then asks to be contacted. The salesperson sees the visit and the lead; the
 * prospect sees the consents in 我的 and exports their data.
 */

jest.setTimeout(240_000);

const DESKTOP = { viewport: { width: 1440, height: 1000 } };
const TITLE = '2026 制造业私域增长白皮书';
const CARD_LINK = /\/#\/packages\/card\/pages\/view\/index\?id=([0-9A-Z]{26})&s=([A-Za-z0-9_-]{16})$/;

const app = setUpBrowserApp();

const PDF = tinyPdf('LeadLoop content e2e');

/** A multi-line field (summary, introduction, note) by its label. */
const textArea = (page: Page, label: string): Locator =>
  page.locator('.ll-field').filter({ visible: true }).filter({ has: page.getByText(label, { exact: true }) }).locator('textarea');

/** Signs in from a login panel on screen (the card page asks before showing the card). */
async function signInHere(page: Page, persona: string): Promise<void> {
  await onScreen(page, '.sign-in').waitFor();
  await field(page, '沙箱用户名').fill(persona);
  await button(page, '登录').click();
}

const apiGet = <T>(path: string, token: string) => callApi<T>(app, 'GET', `/api${path}`, token);

describe('whitepapers, cards and 我的 in the browser (H5 + WeChat sandbox)', () => {
  let adminPhone: Page;
  let desktop: Page;
  let salesPhone: Page;
  let prospect: Page;
  let cardLink: string;
  let cardId: string;

  test('an admin uploads a whitepaper PDF in the console and publishes it', async () => {
    adminPhone = await openFirstAdminInvite(app);
    await acceptInvite(adminPhone);
    desktop = await app.newPage(DESKTOP);
    await scanLoginConsole(app, desktop, adminPhone);

    await onScreen(desktop, '.console-nav__item', '白皮书管理').click();
    await desktop.waitForURL(/packages\/console\/pages\/whitepapers/, WAIT);
    await onScreen(desktop, '.whitepaper-form').waitFor();

    // Nothing chosen yet: the form says what is missing before anything is sent.
    await button(desktop, '上传白皮书').click();
    await onScreen(desktop, '.ll-field__error', '请填写标题').waitFor();
    await onScreen(desktop, '.whitepaper-form__pdf .ll-field__error', '请选择 PDF 文件').waitFor();

    await field(desktop, '标题').fill(TITLE);
    await textArea(desktop, '简介').fill('十个制造业客户的私域获客实践：从展会到直播，再到销售跟进。');
    await field(desktop, '标签').fill('制造业，私域');
    const chooser = desktop.waitForEvent('filechooser');
    await onScreen(desktop, '.whitepaper-form__pdf .ll-button').click();
    await (await chooser).setFiles({ name: '2026 私域增长白皮书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await onScreen(desktop, '.whitepaper-form__chosen', '2026 私域增长白皮书.pdf').waitFor();
    // The gate asks for name, company and phone by default.
    for (const label of ['姓名', '公司', '手机号']) await onScreen(desktop, '.whitepaper-form__field.ll-check--checked', label).waitFor();

    await button(desktop, '上传白皮书').click();
    await onScreen(desktop, '.whitepaper-saved', '已保存为草稿').waitFor();
    await onScreen(desktop, '.whitepaper-table__row', TITLE).filter({ hasText: '草稿' }).waitFor();
    await button(desktop, '立即发布').click();
    await onScreen(desktop, '.whitepaper-saved', '已发布').waitFor();
    await onScreen(desktop, '.whitepaper-table__row', TITLE).filter({ hasText: '已发布' }).waitFor();
    await screenshotPage(desktop, 'content-console-whitepapers.png');
  });

  test('a salesperson sets up a card featuring the whitepaper, makes a poster and shares the card', async () => {
    const invite = await createInvite(app.server, { name: '李娜', role: 'sales' });
    salesPhone = await app.newPage(PHONE);
    await salesPhone.goto(app.url('pages/mine/index'));
    await signInHere(salesPhone, 'sales-li');
    await onScreen(salesPhone, '.profile-card').waitFor();
    await salesPhone.goto(app.url(invite.path));
    await acceptInvite(salesPhone);

    await salesPhone.goto(app.url('pages/mine/index'));
    await onScreen(salesPhone, '.card-tools__item', '编辑与分享名片').click();
    await salesPhone.waitForURL(/packages\/staff\/pages\/card/, WAIT);
    // The card starts from the staff name.
    await eventually(() => field(salesPhone, '姓名').inputValue().catch(() => ''), (v) => v === '李娜', 'the card form to start from the staff name');
    await field(salesPhone, '职位').fill('华东区销售总监');
    await field(salesPhone, '公司').fill('云启科技');
    await field(salesPhone, '电话').fill('138 0000 1111');
    await textArea(salesPhone, '简介').fill('你好，我是李娜，负责华东区制造业客户的数字化营销方案。');

    await button(salesPhone, '添加精选内容').click();
    await onScreen(salesPhone, '.featured-picker__option', TITLE).click();
    await onScreen(salesPhone, '.featured-picker__option.ll-check--checked', TITLE).waitFor();
    await button(salesPhone, '完成').click();
    await onScreen(salesPhone, '.featured-edit__item', TITLE).waitFor();

    await button(salesPhone, '保存名片').click();
    await onScreen(salesPhone, '.ll-notice', '名片已保存').waitFor();
    // msg_sec_check (the sandbox) approved the introduction; the phone was saved as digits.
    await onScreen(salesPhone, '.card-intro-edit .ll-tag', '已通过').waitFor();
    expect(await field(salesPhone, '电话').inputValue()).toBe('13800001111');

    await button(salesPhone, '生成名片海报').click();
    const posterImage = onScreen(salesPhone, '.poster-sheet__image img');
    await posterImage.waitFor();
    await salesPhone.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.poster-sheet__image img')].some((i) => i.complete && i.naturalWidth === 750));
    const posterSrc = (await posterImage.getAttribute('src')) ?? '';
    expect(posterSrc).toMatch(/\/api\/posters\/[0-9a-f]{64}\.png$/);
    await onScreen(salesPhone, '.poster-sheet__hint', '长按图片可保存或转发').waitFor();
    await screenshotPage(salesPhone, 'poster-preview.png');
    await onScreen(salesPhone, '.poster-sheet .ll-sheet__close').click();

    await onScreen(salesPhone, '.share-panel', '分享我的名片').locator('.ll-button', { hasText: '分享给好友' }).click();
    cardLink = (await onScreen(salesPhone, '.share-panel__link').innerText()).trim();
    const match = CARD_LINK.exec(cardLink);
    expect(match).not.toBeNull();
    cardId = match![1];
    expect(cardLink.startsWith(app.server.url)).toBe(true);
  });

  test('a prospect opens the card from the link, opens the featured whitepaper, passes the gate and gets the exact PDF', async () => {
    prospect = await app.newPage({ ...PHONE, acceptDownloads: true });
    await prospect.goto(cardLink);
    // Viewing a card is recorded for its owner, so the browser signs in first.
    await signInHere(prospect, 'prospect-qian');
    await onScreen(prospect, '.card-profile__name', '李娜').waitFor();
    await onScreen(prospect, '.card-profile__title', '华东区销售总监').waitFor();
    await onScreen(prospect, '.card-intro__text', '负责华东区制造业客户').waitFor();
    for (const action of ['拨打电话', '存入通讯录', '请联系我']) await button(prospect, action).waitFor();
    await screenshotPage(prospect, 'card-view.png');

    // The featured whitepaper opens with the salesperson's own share token for it.
    await onScreen(prospect, '.card-featured__item', TITLE).click();
    await prospect.waitForURL(/packages\/whitepaper\/pages\/detail\/index\?id=[0-9A-Z]{26}&s=[A-Za-z0-9_-]{16}/, WAIT);
    await onScreen(prospect, '.whitepaper-hero__title', TITLE).waitFor();
    await onScreen(prospect, '.whitepaper-gate-line', '下载前需填写：姓名、公司、手机号').waitFor();

    await button(prospect, '免费下载').click();
    const gate = onScreen(prospect, '.whitepaper-gate');
    await gate.waitFor();
    // Only what is missing; the consent names the policy version and starts unticked.
    await onScreen(prospect, '.gate-consent', '2026-11').waitFor();
    expect(await onScreen(prospect, '.gate-consent').getAttribute('class')).not.toContain('ll-check--checked');
    await field(prospect, '手机号').fill('13912340000');
    await button(prospect, '绑定手机号').click();
    await onScreen(prospect, '.gate-form__known-value', '139****0000').waitFor();
    await field(prospect, '姓名').fill('钱多多');
    await field(prospect, '公司').fill('多多智造');

    await button(prospect, '提交并下载').click();
    await onScreen(prospect, '.whitepaper-gate .ll-notice', '请先阅读并勾选同意《隐私政策》').waitFor();
    await onScreen(prospect, '.gate-consent').click();
    await onScreen(prospect, '.gate-consent.ll-check--checked').waitFor();
    await screenshotPage(prospect, 'whitepaper-gate.png');

    const granted = prospect.waitForResponse((r) => /\/api\/whitepapers\/[0-9A-Z]{26}\/downloads$/.test(r.url()) && r.request().method() === 'POST');
    const download = prospect.waitForEvent('download');
    await button(prospect, '提交并下载').click();
    const response = await granted;
    expect(response.status()).toBe(201);
    const link = (await response.json()) as { url: string; fileName: string; downloadId: string };
    expect(link.url).toMatch(/^\/api\/files\/whitepapers\/[0-9A-Z]{26}\?exp=\d+&sig=[\w-]+$/);

    // The browser downloads the signed link under the document's name …
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('2026 私域增长白皮书.pdf');
    expect((await readFile((await saved.path())!)).equals(PDF)).toBe(true);
    // … and the signed link itself answers the exact bytes, with no session.
    const file = await fetch(`${app.server.url}${link.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    await onScreen(prospect, '.whitepaper-done', '已开始下载').waitFor();
    await screenshotPage(prospect, 'content-whitepaper-downloaded.png');

    // Back on the card, 请联系我 already knows the name and phone: a note and the consent.
    await prospect.goBack();
    await onScreen(prospect, '.card-profile__name', '李娜').waitFor();
    await button(prospect, '请联系我').click();
    await onScreen(prospect, '.card-contact-sheet .gate-form__known-value', '钱多多').waitFor();
    await textArea(prospect, '想了解什么（选填）').fill('想了解报价和实施周期');
    await onScreen(prospect, '.card-contact-sheet .gate-consent').click();
    await button(prospect, '提交').click();
    await onScreen(prospect, '.ll-result__title', '已收到你的请求').waitFor();
  });

  test('the salesperson sees the visit and the contact request, and the lead and the download under their shares', async () => {
    await salesPhone.goto(app.url('pages/mine/index'));
    await onScreen(salesPhone, '.card-tools__item', '名片访客').click();
    await salesPhone.waitForURL(/packages\/staff\/pages\/visitors/, WAIT);
    const row = onScreen(salesPhone, '.card-visitors__row', '钱多多');
    await row.waitFor();
    expect(await row.innerText()).toContain('139****0000');
    expect(await row.innerText()).toContain('请求联系');
    expect(await salesPhone.content()).not.toContain('13912340000');
    await screenshotPage(salesPhone, 'content-card-visitors.png');

    // Attribution runs in the background: the card brought the lead, the featured whitepaper the download.
    const token = await storedToken(salesPhone);
    type Shares = { items: { contentType: string; contentId: string; leads: number; conversions: number; visitors: number }[] };
    const shares = await eventually(
      () => apiGet<Shares>('/share/mine', token),
      (s) => s.items.some((i) => i.contentType === 'card' && i.contentId === cardId && i.leads >= 1) && s.items.some((i) => i.contentType === 'whitepaper' && i.conversions >= 1),
      'the card’s lead and the whitepaper’s download under the salesperson’s shares',
    );
    expect(shares.items.find((i) => i.contentType === 'card')).toMatchObject({ visitors: 1, leads: 1 });

    await salesPhone.goto(app.url('packages/staff/pages/my-shares/index'));
    const cardItem = onScreen(salesPhone, '.my-shares__item', '名片');
    await cardItem.waitFor();
    expect(await cardItem.locator('.my-shares__number').filter({ hasText: '线索' }).locator('.my-shares__value').innerText()).toBe('1');
    const paperItem = onScreen(salesPhone, '.my-shares__item', '白皮书');
    expect(Number(await paperItem.locator('.my-shares__number').filter({ hasText: '转化' }).locator('.my-shares__value').innerText())).toBeGreaterThanOrEqual(1);

    // The console counts the download too.
    await desktop.reload();
    await onScreen(desktop, '.whitepaper-table__row', TITLE).locator('.whitepaper-table__downloads', { hasText: '1' }).waitFor();
  });

  test('the prospect sees the consents in 我的 and exports their data', async () => {
    await prospect.goto(app.url('pages/mine/index'));
    await onScreen(prospect, '.mine-menu__item', '隐私与授权').click();
    await prospect.waitForURL(/packages\/me\/pages\/privacy/, WAIT);
    const consent = onScreen(prospect, '.consent-item--whitepaper_download');
    await consent.waitFor();
    expect(await consent.innerText()).toContain('已同意');
    expect(await consent.innerText()).toContain('2026-11');
    expect(await onScreen(prospect, '.consent-item--sales_contact').innerText()).toContain('已同意');
    expect(await onScreen(prospect, '.consent-item--event_signup').innerText()).toContain('未授权');
    await screenshotPage(prospect, 'content-privacy.png');

    await prospect.goto(app.url('pages/mine/index'));
    await onScreen(prospect, '.mine-menu__item', '我的下载').click();
    await onScreen(prospect, '.my-downloads__row', TITLE).waitFor();

    // a fresh load: going back to 我的 by hash alone can leave the earlier 我的 page hidden in Taro's stack
    await prospect.goto('about:blank');
    await prospect.goto(app.url('pages/mine/index'));
    await onScreen(prospect, '.mine-menu__item', '导出与注销').click();
    await button(prospect, '生成数据副本').click();
    await onScreen(prospect, '.data-export__line', '白皮书下载记录').filter({ hasText: '1 条' }).waitFor();
    const exported = prospect.waitForEvent('download');
    await button(prospect, '下载 JSON 文件').click();
    const file = await exported;
    expect(file.suggestedFilename()).toMatch(/^我的数据-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await file.path())!, 'utf8')) as { person: { name: string; company: string; phone: string }; sections: { whitepaperDownloads: { title: string }[] } };
    expect(data.person).toMatchObject({ name: '钱多多', company: '多多智造' });
    expect(data.person.phone).toContain('13912340000');
    expect(data.sections.whitepaperDownloads.map((d) => d.title)).toEqual([TITLE]);
  });
});
