import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { publishEvent } from './support/live';
import { count, drain, mint } from './support/share';

/**
 * Brand settings (admin) and the home page marketers build: who may change them, what is refused
 * and with which code, what prospects see before and after a publish, and that the privacy-policy
 * version people consent under is the brand's.
 */

const POLICY = '2026-11';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201a2b4a8d20000000049454e44ae426082', 'hex');
const FORBIDDEN = /LeadLoop|线索闭环/i;

const policyText = (v: string) => `本隐私政策（${v}）说明云启科技如何收集、使用和保护你的个人信息。我们仅在你同意的范围内使用。`;
const brand = (overrides: Record<string, unknown> = {}) => ({
  companyName: '云启科技有限公司',
  shortName: '云启科技',
  colour: '#0A7C5A',
  servicePhone: '400-800-1234',
  privacyPolicy: { text: policyText('2026-12'), version: '2026-12' },
  userAgreement: { text: '欢迎使用云启科技小程序。使用前请阅读本协议，并遵守相关规定。', version: '2026-12' },
  ...overrides,
});

describe('brand settings and the home page', () => {
  let server: TestServer;
  let admin: { token: string; personId: string; staffId: string };
  let marketer: { token: string; personId: string; staffId: string };
  let sales: { token: string; personId: string; staffId: string };
  const storageDir = mkdtempSync(join(tmpdir(), 'leadloop-brand-'));

  beforeAll(async () => {
    server = await startTestServer('brand', { PRIVACY_POLICY_VERSION: POLICY, STORAGE_DIR: storageDir, EVENT_PROCESSOR_INTERVAL_MS: '0' });
    admin = await staffAs(server, '管理员王敏', 'admin');
    marketer = await staffAs(server, '市场李娜', 'marketer');
    sales = await staffAs(server, '销售赵强', 'sales');
  });
  afterAll(async () => {
    await server.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  async function upload(path: string, field: string, bytes: Buffer, token: string, type = 'image/png') {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(bytes)], { type }), 'upload.png');
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  }

  /** A conditional GET as a browser sends it once max-age has passed: the status code. */
  const revalidate = (path: string, etag: string) =>
    new Promise<number>((resolve, reject) => {
      get(`${server.url}${path}`, { headers: { 'if-none-match': etag } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });

  const saveDraft = (blocks: unknown[], token = marketer.token) => server.http('PUT', '/api/console/home/draft', { blocks }, token);

  it('a fresh install names no company and never this product, and shows a default home page', async () => {
    const res = await server.http('GET', '/api/brand');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ configured: false, companyName: '', shortName: '', logoUrl: null, privacyPolicyVersion: POLICY, version: 0 });
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const home = await server.http('GET', '/api/home');
    expect(home.body.version).toBe(0);
    expect(home.body.blocks.map((b: { type: string }) => b.type)).toEqual(['text', 'live', 'whitepapers', 'contact']);
    const policy = await server.http('GET', '/api/brand/policies/privacy-policy');
    expect(policy.body).toMatchObject({ kind: 'privacy-policy', version: POLICY });
    for (const body of [res.body, home.body, policy.body]) expect(JSON.stringify(body)).not.toMatch(FORBIDDEN);
    expect((await server.http('GET', '/api/brand/policies/cookies')).body.code).toBe('NOT_FOUND');
  });

  it('only an admin reads or changes brand settings; marketers edit the home page, salespeople neither', async () => {
    const prospect = await loginAs(server, '访客甲');
    expect((await server.http('GET', '/api/console/brand')).status).toBe(401);
    for (const who of [prospect, marketer, sales]) {
      expect((await server.http('GET', '/api/console/brand', undefined, who.token)).body.code).toBe('FORBIDDEN');
      expect((await server.http('PUT', '/api/console/brand', brand(), who.token)).body.code).toBe('FORBIDDEN');
      expect((await upload('/api/console/brand/logo', 'logo', PNG, who.token)).body.code).toBe('FORBIDDEN');
    }
    expect((await server.http('GET', '/api/console/home', undefined, marketer.token)).status).toBe(200);
    expect((await server.http('GET', '/api/console/home', undefined, admin.token)).status).toBe(200);
    for (const who of [prospect, sales]) {
      expect((await server.http('GET', '/api/console/home', undefined, who.token)).body.code).toBe('FORBIDDEN');
      expect((await saveDraft([], who.token)).body.code).toBe('FORBIDDEN');
      expect((await server.http('POST', '/api/console/home/publish', undefined, who.token)).body.code).toBe('FORBIDDEN');
    }
    // nothing was written by the refused calls
    expect(await count(server, 'SELECT COUNT(*) AS n FROM brand_settings')).toBe(0);
    expect(await count(server, 'SELECT COUNT(*) AS n FROM home_page_drafts')).toBe(0);
  });

  it('refuses bad colours, phones, versions and oversized texts field by field', async () => {
    const bad = await server.http(
      'PUT',
      '/api/console/brand',
      brand({
        companyName: '',
        colour: 'red;background:url(javascript:alert(1))',
        servicePhone: '12345',
        privacyPolicy: { text: 'x'.repeat(20_001), version: '2026 12<script>' },
        userAgreement: { text: '太短', version: '' },
      }),
      admin.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect([...new Set(bad.body.details.fields.map((f: { path: string }) => f.path))].sort()).toEqual([
      'colour',
      'companyName',
      'privacyPolicy.text',
      'privacyPolicy.version',
      'servicePhone',
      'userAgreement.text',
      'userAgreement.version',
    ]);
    for (const colour of ['#12345', '#GGGGGG', 'rgb(0,0,0)', '1f5eff']) {
      expect((await server.http('PUT', '/api/console/brand', brand({ colour }), admin.token)).body.details.fields[0].path).toBe('colour');
    }
    expect((await server.http('PUT', '/api/console/brand', { ...brand(), role: 'admin' }, admin.token)).body.code).toBe('VALIDATION_FAILED');
    expect(await count(server, 'SELECT COUNT(*) AS n FROM brand_settings')).toBe(0);
  });

  it('an admin names the company: prospects read it (ETag, 304 when unchanged) and the logo must be an image', async () => {
    const saved = await server.http('PUT', '/api/console/brand', brand(), admin.token);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ configured: true, companyName: '云启科技有限公司', colour: '#0a7c5a', servicePhone: '400-800-1234', version: 1, privacyPolicy: { version: '2026-12' } });

    const first = await server.http('GET', '/api/brand');
    expect(first.body).toMatchObject({ configured: true, companyName: '云启科技有限公司', shortName: '云启科技', colour: '#0a7c5a', privacyPolicyVersion: '2026-12' });
    const etag = first.headers.get('etag')!;
    expect(etag).toContain('brand-1');
    // a browser revalidating (fetch() would add Cache-Control: no-cache, which rightly forces a full answer)
    expect(await revalidate('/api/brand', etag)).toBe(304);

    // a text file declared as PNG, a PDF and an empty part are refused by their bytes
    for (const bytes of [Buffer.from('<svg onload="alert(1)"/>'), Buffer.from('%PDF-1.4\n'), Buffer.alloc(0)]) {
      const refused = await upload('/api/console/brand/logo', 'logo', bytes, admin.token);
      expect(refused.status).toBe(bytes.length === 0 ? 400 : 415);
      expect(refused.body.code).toBe(bytes.length === 0 ? 'VALIDATION_FAILED' : 'IMAGE_TYPE_UNSUPPORTED');
    }
    const logo = await upload('/api/console/brand/logo', 'logo', PNG, admin.token);
    expect(logo.status).toBe(200);
    expect(logo.body.logoUrl).toMatch(/^\/api\/brand\/logo\/[0-9A-Z]{26}$/);
    const image = await fetch(`${server.url}${logo.body.logoUrl}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
    // a new logo replaces the old one, whose file is removed
    const replaced = await upload('/api/console/brand/logo', 'logo', PNG, admin.token);
    expect(replaced.body.logoUrl).not.toBe(logo.body.logoUrl);
    expect((await fetch(`${server.url}${logo.body.logoUrl}`)).status).toBe(404);
    expect((await server.http('GET', '/api/brand')).headers.get('etag')).not.toBe(etag);
    expect((await fetch(`${server.url}/api/brand/logo/..%2F..%2Fetc`)).status).toBe(404);
  });

  it('consents are given under the brand’s policy version: a new version asks again', async () => {
    const person = await loginAs(server, '访客乙');
    const { body: code } = await server.http('POST', '/sandbox/personas/访客乙/phone-code', { phone: '13800000021' });
    expect((await server.http('POST', '/api/me/phone', { code: code.code }, person.token)).status).toBe(200);
    expect((await server.http('GET', '/api/config')).body.privacyPolicyVersion).toBe('2026-12');

    const old = await server.http('POST', '/api/home/contact-requests', { requestId: 'req-old-policy-1', gate: { profile: { name: '乙' }, consent: { policyVersion: POLICY, accepted: true } } }, person.token);
    expect(old.body.code).toBe('CONSENT_POLICY_OUTDATED');
    const ok = await server.http('POST', '/api/home/contact-requests', { requestId: 'req-current-1', gate: { profile: { name: '乙' }, consent: { policyVersion: '2026-12', accepted: true } }, note: '想了解报价' }, person.token);
    expect(ok.status).toBe(201);
    // a retried tap is the same request
    const retry = await server.http('POST', '/api/home/contact-requests', { requestId: 'req-current-1', gate: { profile: {} } }, person.token);
    expect(retry.body.id).toBe(ok.body.id);
    expect(await count(server, 'SELECT COUNT(*) AS n FROM home_contact_requests WHERE person_id = ?', [person.personId])).toBe(1);
    // a conversion on the home page, once; the lead follows from it
    expect(await count(server, "SELECT COUNT(*) AS n FROM events WHERE person_id = ? AND type = 'contact_request' AND page = 'pages/index/index'", [person.personId])).toBe(1);
    await drain(server);
    expect(await count(server, "SELECT COUNT(*) AS n FROM leads WHERE person_id = ? AND status = 'contact_requested'", [person.personId])).toBe(1);
    expect(await count(server, "SELECT COUNT(*) AS n FROM consents WHERE person_id = ? AND purpose = 'sales_contact' AND policy_version = '2026-12'", [person.personId])).toBe(1);
    // the request is part of the person's data
    expect((await server.http('GET', '/api/me/export', undefined, person.token)).body.sections.homeContactRequests).toEqual([expect.objectContaining({ note: '想了解报价' })]);

    // the admin publishes a new policy: the next request asks for consent again
    expect((await server.http('PUT', '/api/console/brand', brand({ privacyPolicy: { text: policyText('2027-01'), version: '2027-01' } }), admin.token)).status).toBe(200);
    expect((await server.http('GET', '/api/config')).body.privacyPolicyVersion).toBe('2027-01');
    const asked = await server.http('POST', '/api/home/contact-requests', { requestId: 'req-new-policy-1', gate: { profile: {} } }, person.token);
    expect(asked.body.code).toBe('CONSENT_REQUIRED');
    const consents = await server.http('GET', '/api/me/consents', undefined, person.token);
    expect(consents.body.items.find((c: { purpose: string }) => c.purpose === 'sales_contact')).toMatchObject({ policyVersion: '2026-12', outdated: true });
  });

  it('refuses hostile blocks with codes: script links, unknown types, HTML fields, oversized text, missing images and content', async () => {
    const before = await server.http('GET', '/api/console/home', undefined, marketer.token);
    const refused = async (blocks: unknown[], code: string) => {
      const res = await saveDraft(blocks);
      expect(res.body.code).toBe(code);
      return res.body;
    };
    const image = await upload('/api/console/home/images', 'image', PNG, marketer.token);
    expect(image.status).toBe(201);
    const banner = { id: 'b1', type: 'banner', imageId: image.body.imageId, alt: '春季新品发布' };

    for (const link of ['javascript:alert(1)', { contentType: 'live', contentId: 'javascript:alert(1)' }, { contentType: 'url', contentId: 'https://evil.example' }, { url: 'https://evil.example' }]) {
      const body = await refused([{ ...banner, link }], 'VALIDATION_FAILED');
      expect(body.details.fields[0].path).toMatch(/^blocks\.0\.link/);
    }
    await refused([{ id: 'x', type: 'html', html: '<script>alert(1)</script>' }], 'VALIDATION_FAILED');
    await refused([{ id: 't', type: 'text', title: null, paragraphs: [{ style: 'paragraph', text: 'x', html: '<b>x</b>' }] }], 'VALIDATION_FAILED');
    await refused([{ id: 't', type: 'text', title: null, paragraphs: [{ style: 'paragraph', text: '字'.repeat(501) }] }], 'VALIDATION_FAILED');
    await refused([{ id: 't', type: 'text', title: null, paragraphs: Array.from({ length: 31 }, () => ({ style: 'paragraph', text: '段' })) }], 'VALIDATION_FAILED');
    await refused(Array.from({ length: 21 }, (_, i) => ({ id: `c${i}`, type: 'contact', title: '请联系我' })), 'VALIDATION_FAILED');
    await refused([{ id: 'same', type: 'contact', title: 'a' }, { id: 'same', type: 'contact', title: 'b' }], 'VALIDATION_FAILED');
    await refused([{ ...banner, imageId: '01J0000000000000000000000A' }], 'HOME_IMAGE_NOT_FOUND');
    const missing = await refused([{ id: 'l', type: 'live', title: '直播', eventIds: ['01J0000000000000000000000B'] }], 'HOME_CONTENT_NOT_FOUND');
    expect(missing.details).toMatchObject({ path: 'blocks.0.eventIds.0', contentType: 'live' });
    // a body past the size limit is refused before it is read
    const huge = await server.http('PUT', '/api/console/home/draft', { blocks: [{ id: 't', type: 'text', title: null, paragraphs: [{ style: 'paragraph', text: 'x'.repeat(400_000) }] }] }, marketer.token);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    // images are checked by their bytes
    const notImage = await upload('/api/console/home/images', 'image', Buffer.from('<html><script>alert(1)</script></html>'), marketer.token);
    expect(notImage.body.code).toBe('IMAGE_TYPE_UNSUPPORTED');
    // text that looks like HTML is kept as plain text (the page shows it, never runs it)
    const plain = await saveDraft([{ id: 't', type: 'text', title: null, paragraphs: [{ style: 'paragraph', text: '<img src=x onerror=alert(1)>' }] }]);
    expect(plain.status).toBe(200);
    expect(plain.body.blocks[0].paragraphs[0].text).toBe('<img src=x onerror=alert(1)>');
    // nothing refused reached the draft, and prospects still see the default page
    expect(before.body.published).toBeNull();
    expect((await server.http('GET', '/api/home')).body.version).toBe(0);
  });

  it('publishes drafts as versions; prospects see the last published one, and items carry the sharer’s token onward', async () => {
    const event = await publishEvent(server, marketer.token, { title: '春季新品发布会' });
    const card = (await server.http('GET', '/api/cards/mine', undefined, sales.token)).body;
    const image = (await upload('/api/console/home/images', 'image', PNG, marketer.token)).body;
    const blocks = [
      { id: 'hero', type: 'banner', imageId: image.imageId, alt: '春季新品发布会', link: { contentType: 'live', contentId: event.id } },
      { id: 'live', type: 'live', title: '精选直播', eventIds: [event.id] },
      { id: 'team', type: 'cards', title: '推荐顾问', cardIds: [card.id] },
      { id: 'about', type: 'text', title: '关于我们', paragraphs: [{ style: 'heading', text: '专注制造业数字化' }, { style: 'bullet', text: '十年行业经验' }] },
      { id: 'contact', type: 'contact', title: '请联系我', description: '顾问一个工作日内联系你' },
    ];
    const draft = await saveDraft(blocks);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ unpublishedChanges: true, published: null });
    expect((await server.http('GET', '/api/home')).body.version).toBe(0);

    const v1 = await server.http('POST', '/api/console/home/publish', undefined, marketer.token);
    expect(v1.body).toMatchObject({ unpublishedChanges: false, published: { version: 1, publishedBy: marketer.staffId } });
    const home = (await server.http('GET', '/api/home')).body;
    expect(home.version).toBe(1);
    expect(home.blocks.map((b: { id: string }) => b.id)).toEqual(['hero', 'live', 'team', 'about', 'contact']);
    expect(home.cards).toEqual([expect.objectContaining({ id: card.id, name: '销售赵强' })]);
    expect(JSON.stringify(home)).not.toMatch(FORBIDDEN);

    // a new draft changes nothing for prospects until it is published as version 2
    expect((await saveDraft(blocks.slice(3))).status).toBe(200);
    expect((await server.http('GET', '/api/home')).body.blocks).toHaveLength(5);
    expect((await server.http('POST', '/api/console/home/publish', undefined, admin.token)).body.published.version).toBe(2);
    expect((await server.http('GET', '/api/home')).body.blocks.map((b: { id: string }) => b.id)).toEqual(['about', 'contact']);
    expect(await count(server, 'SELECT COUNT(*) AS n FROM home_page_versions')).toBe(2);

    // someone shares the home page; a visitor opens the live event from it: it opens with the sharer's own token for the event
    const sharer = await loginAs(server, '分享者丙');
    const homeToken = await mint(server, sharer.token);
    const link = await server.http('POST', '/api/home/links', { shareToken: homeToken, contentType: 'live', contentId: event.id });
    expect(link.body.token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await server.http('POST', '/api/home/links', { shareToken: homeToken, contentType: 'live', contentId: event.id })).body.token).toBe(link.body.token);
    const own = await server.http('POST', '/api/share/tokens', { contentType: 'live', contentId: event.id }, sharer.token);
    expect(own.body.token).toBe(link.body.token);
    // a token that is not a home-page share, content that does not exist, or a hostile token opens without one
    const liveToken = await mint(server, sharer.token, undefined, { contentType: 'live', contentId: event.id });
    expect((await server.http('POST', '/api/home/links', { shareToken: liveToken, contentType: 'card', contentId: card.id })).body.token).toBeNull();
    expect((await server.http('POST', '/api/home/links', { shareToken: homeToken, contentType: 'whitepaper', contentId: '01J0000000000000000000000C' })).body.token).toBeNull();
    expect((await server.http('POST', '/api/home/links', { shareToken: "x' OR 1=1 --", contentType: 'live', contentId: event.id })).body.code).toBe('VALIDATION_FAILED');
  });
});
