import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { DataSource } from 'typeorm';
import { type RunningApp, startApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { IntroModeration } from '../src/modules/card/intro-moderation';
import { Activity } from '../src/modules/activity/activity';
import { Touchpoints } from '../src/modules/share-chain/touchpoints';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { clockOf, moveClock } from './support/clock';
import { arrive, count, drain, entryEvent, mint, newInstall } from './support/share';

const POLICY = '2026-11';
const CONSENT = { policyVersion: POLICY, accepted: true as const };
const APPROVED_INTRO = '你好，我是华东区销售经理，专注制造业数字化。';
const RISKY_INTRO = '提供代开发票服务，欢迎咨询。';
const MINUTE = 60_000;
const DAY = 86_400_000;

describe('salesperson cards', () => {
  let server: TestServer;
  const storageDir = mkdtempSync(join(tmpdir(), 'leadloop-card-'));

  beforeAll(async () => {
    // the attribution processor and the moderation retry job are off: tests drive them
    server = await startTestServer('card', {
      EVENT_PROCESSOR_INTERVAL_MS: '0',
      CARD_MODERATION_INTERVAL_MS: '0',
      CARD_RETURN_VISIT_MINUTES: '45',
      OWNER_PROTECTION_DAYS: '30',
      PRIVACY_POLICY_VERSION: POLICY,
      STORAGE_DIR: storageDir,
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const cardOf = async (token: string) => (await server.http('GET', '/api/cards/mine', undefined, token)).body;
  const save = (token: string, card: Record<string, unknown>) => server.http('PUT', '/api/cards/mine', card, token);
  const view = (token: string, cardId: string, query = '') => server.http('GET', `/api/cards/${cardId}${query}`, undefined, token);

  /** A prospect signed in with a bound phone, as the mini-program gets it from getPhoneNumber. */
  async function prospect(persona: string, phone: string, signIn: (p: string) => Promise<{ token: string; personId: string }> = (p) => loginAs(server, p)) {
    const person = await signIn(persona);
    const { body: code } = await server.http('POST', `/sandbox/personas/${persona}/phone-code`, { phone });
    const bound = await server.http('POST', '/api/me/phone', { code: code.code }, person.token);
    if (bound.status !== 200) throw new Error(`phone binding failed: ${JSON.stringify(bound.body)}`);
    return person;
  }

  async function upload(token: string, kind: string, bytes: Buffer, type = 'image/png') {
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(bytes)], { type }), 'upload.bin');
    const res = await fetch(`${server.url}/api/cards/mine/images/${kind}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  }

  const contact = (token: string, cardId: string, body: Record<string, unknown>) => server.http('POST', `/api/cards/${cardId}/contact-requests`, body, token);

  it('creates my card from my staff name, validates edits field by field, and saves them', async () => {
    const owner = await staffAs(server, '王敏', 'sales');
    const created = await cardOf(owner.token);
    expect(created).toMatchObject({ name: '王敏', title: null, phone: null, featured: [], introduction: { status: 'approved', draft: null } });

    const bad = await save(owner.token, { name: '王敏', phone: '12345', email: 'not-an-email', introduction: 'x'.repeat(501) });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'introduction', 'phone']);

    const tooMany = await save(owner.token, { name: '王敏', featured: Array.from({ length: 7 }, (_, i) => ({ contentType: 'page', contentId: `p${i}`, title: `页面${i}` })) });
    expect(tooMany.body.details.fields[0].path).toBe('featured');

    for (const phone of ['13812345678', '010-12345678', '0755-1234567-801']) {
      const ok = await save(owner.token, { name: '王敏', title: '销售总监', company: '云启科技', phone, email: 'wangmin@example.com' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ id: created.id, title: '销售总监', company: '云启科技', phone, email: 'wangmin@example.com' });
    }
    // blank means none
    expect((await save(owner.token, { name: '王敏', title: '  ', phone: '' })).body).toMatchObject({ title: null, phone: null });

    // prospects cannot edit cards
    const visitor = await loginAs(server, 'card-edit-prospect');
    expect((await save(visitor.token, { name: 'x' })).body.code).toBe('FORBIDDEN');
  });

  it('accepts PNG/JPEG images by their bytes, refuses anything else with a code, and serves them publicly', async () => {
    const owner = await staffAs(server, 'image-owner', 'partner');
    const png = PNG.sync.write(new PNG({ width: 4, height: 4 }));

    const text = await upload(owner.token, 'avatar', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('IMAGE_TYPE_UNSUPPORTED');

    const tooBig = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const big = await upload(owner.token, 'avatar', tooBig);
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');

    expect((await upload(owner.token, 'banner', png)).body.code).toBe('VALIDATION_FAILED');
    const prospect = await loginAs(server, 'image-prospect');
    expect((await upload(prospect.token, 'avatar', png)).body.code).toBe('FORBIDDEN');

    const avatar = await upload(owner.token, 'avatar', png);
    expect(avatar.status).toBe(200);
    expect(avatar.body.avatarUrl).toMatch(/^\/api\/cards\/images\/[0-9A-Z]{26}$/);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
    const qr = await upload(owner.token, 'contact-qr', jpeg, 'application/octet-stream');
    expect(qr.body.contactQrUrl).toMatch(/^\/api\/cards\/images\//);

    const served = await fetch(`${server.url}${avatar.body.avatarUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${server.url}${qr.body.contactQrUrl}`)).headers.get('content-type')).toBe('image/jpeg');

    // a new avatar replaces the old one, which is no longer served
    const again = await upload(owner.token, 'avatar', png);
    expect(again.body.avatarUrl).not.toBe(avatar.body.avatarUrl);
    const gone = await server.http('GET', avatar.body.avatarUrl);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('NOT_FOUND');
  });

  it('shows others only the last introduction msg_sec_check approved; the owner sees a rejected draft as such', async () => {
    const owner = await staffAs(server, 'intro-owner', 'sales');
    const visitor = await loginAs(server, 'intro-visitor');
    const checks = async () => (await server.http('GET', '/sandbox/calls')).body.msg_sec_check as number;
    const checksBefore = await checks();

    const approved = await save(owner.token, { name: '李娜', introduction: APPROVED_INTRO });
    expect(approved.body.introduction).toEqual({ draft: APPROVED_INTRO, status: 'approved', published: APPROVED_INTRO, note: null });
    const cardId = approved.body.id;
    expect((await view(visitor.token, cardId)).body.introduction).toBe(APPROVED_INTRO);

    const rejected = await save(owner.token, { name: '李娜', introduction: RISKY_INTRO });
    expect(rejected.body.introduction).toMatchObject({ draft: RISKY_INTRO, status: 'rejected', published: APPROVED_INTRO });
    expect(rejected.body.introduction.note).toContain('未通过');
    const seen = await view(visitor.token, cardId);
    expect(seen.body.introduction).toBe(APPROVED_INTRO);
    expect(JSON.stringify(seen.body)).not.toContain('代开发票');
    expect((await cardOf(owner.token)).introduction.status).toBe('rejected');

    // one check per changed draft; saving the same draft again does not check it again
    await save(owner.token, { name: '李娜', title: '区域经理', introduction: RISKY_INTRO });
    expect((await checks()) - checksBefore).toBe(2);
  });

  it('keeps an introduction pending while WeChat is busy, and approves it on the retry', async () => {
    const owner = await staffAs(server, 'busy-owner', 'sdr');
    const visitor = await loginAs(server, 'busy-visitor');
    const first = await save(owner.token, { name: '赵磊', introduction: APPROVED_INTRO });
    // busy through the client's own retries (it tries -1 four times)
    await server.http('POST', '/sandbox/faults', { api: 'msg_sec_check', errcode: -1, times: 4, errmsg: 'system error' });

    const changed = `${APPROVED_INTRO}欢迎交流。`;
    const pending = await save(owner.token, { name: '赵磊', introduction: changed });
    expect(pending.status).toBe(200);
    expect(pending.body.introduction).toMatchObject({ draft: changed, status: 'pending', published: APPROVED_INTRO });
    expect((await view(visitor.token, first.body.id)).body.introduction).toBe(APPROVED_INTRO);

    // not due yet: the retry waits for its backoff
    const moderation = server.app.get(IntroModeration);
    await moderation.checkDue();
    expect((await cardOf(owner.token)).introduction.status).toBe('pending');

    // the first retry is due a minute later
    const clock = clockOf(server.app);
    clock.advance(MINUTE + 1_000);
    try {
      expect(await moderation.checkDue()).toBeGreaterThanOrEqual(1);
      expect((await cardOf(owner.token)).introduction).toMatchObject({ status: 'approved', published: changed });
      expect((await view(visitor.token, first.body.id)).body.introduction).toBe(changed);
    } finally {
      clock.set(null);
    }
  });

  it('records views, ignores repeat taps and the owner, and signals a visitor who returns after the threshold', async () => {
    const owner = await staffAs(server, 'visits-owner', 'sales');
    const cardId = (await save(owner.token, { name: '孙悦', phone: '021-66668888', email: 'sunyue@example.com' })).body.id;
    const cardToken = await mint(server, owner.token, undefined, { contentType: 'card', contentId: cardId });
    const visitor = await prospect('returning-visitor', '13700001111');
    await server.http('PATCH', '/api/me', { name: '周杰' }, visitor.token);

    const seen = await view(visitor.token, cardId, `?shareToken=${cardToken}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: cardId, name: '孙悦', phone: '021-66668888', email: 'sunyue@example.com', viewerIsOwner: false });
    // nothing that identifies the owner's WeChat
    const [openid] = await server.dataSource.query("SELECT value FROM person_identifiers WHERE person_id = ? AND kind = 'openid'", [owner.personId]);
    expect(JSON.stringify(seen.body)).not.toContain(owner.personId);
    expect(JSON.stringify(seen.body)).not.toContain(openid.value);

    const views = () => count(server, 'SELECT COUNT(*) FROM card_views WHERE card_id = ?', [cardId]);
    const signals = () => count(server, 'SELECT COUNT(*) FROM card_signals WHERE card_id = ?', [cardId]);
    expect(await views()).toBe(1);
    const [row] = await server.dataSource.query('SELECT * FROM card_views WHERE card_id = ?', [cardId]);
    expect(row).toMatchObject({ person_id: visitor.personId, share_token: cardToken });
    const [touch] = await server.dataSource.query("SELECT * FROM events WHERE type = 'card_view' AND person_id = ?", [visitor.personId]);
    expect(touch.client_event_id).toBe(`card_view:${row.id}`);
    expect(touch.share_node_id).not.toBeNull();

    // a double tap and the owner's own look are not visits
    await view(visitor.token, cardId);
    expect((await view(owner.token, cardId)).body.viewerIsOwner).toBe(true);
    expect(await views()).toBe(1);

    const clock = clockOf(server.app);
    try {
      // 31 minutes later: a visit, but under this server's 45-minute threshold
      clock.advance(31 * MINUTE);
      await view(visitor.token, cardId);
      expect(await views()).toBe(2);
      expect(await signals()).toBe(0);
      // 46 minutes after that: a returning visitor
      clock.advance(46 * MINUTE);
      await view(visitor.token, cardId);
      expect(await views()).toBe(3);
      expect(await signals()).toBe(1);
    } finally {
      clock.set(null);
    }

    // the returning visit is one kind of signal in the owner's inbox
    await drain(server);
    const inbox = await server.http('GET', '/api/me/signals', undefined, owner.token);
    expect(inbox.body.items).toEqual([expect.objectContaining({ kind: 'card_return', leadPersonId: visitor.personId, displayName: '周杰', read: false })]);
    expect(inbox.body.unread).toBe(1);
    expect((await server.http('POST', '/api/me/signals/read', {}, owner.token)).body).toEqual({ unread: 0 });

    const visitors = await server.http('GET', '/api/cards/mine/visitors', undefined, owner.token);
    expect(visitors.body.items).toEqual([
      { displayName: '周杰', phoneMasked: '137****1111', views: 3, firstViewAt: expect.any(String), lastViewAt: expect.any(String), contactRequested: false, contactRequestedAt: null },
    ]);
    expect(JSON.stringify(visitors.body)).not.toContain('13700001111');
  });

  it('pages visitors by last view and never shows one owner another owner’s visitors', async () => {
    const owner = await staffAs(server, 'paging-owner', 'sales');
    const rival = await staffAs(server, 'paging-rival', 'sales');
    const cardId = (await save(owner.token, { name: '吴昊' })).body.id;
    for (const persona of ['paging-a', 'paging-b', 'paging-c']) await view((await loginAs(server, persona)).token, cardId);

    const first = await server.http('GET', '/api/cards/mine/visitors?limit=2', undefined, owner.token);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await server.http('GET', `/api/cards/mine/visitors?limit=2&cursor=${first.body.nextCursor}`, undefined, owner.token);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const order = [...first.body.items, ...second.body.items].map((v: { lastViewAt: string }) => v.lastViewAt);
    expect([...order].sort().reverse()).toEqual(order);
    expect((await server.http('GET', '/api/cards/mine/visitors?cursor=bogus', undefined, owner.token)).body.code).toBe('VALIDATION_FAILED');

    // "mine" is always the caller's card: the rival sees their own (empty) list, and there is no route by card id
    expect((await server.http('GET', '/api/cards/mine/visitors', undefined, rival.token)).body).toEqual({ items: [], nextCursor: null });
    expect((await server.http('GET', `/api/cards/${cardId}/visitors`, undefined, rival.token)).status).toBe(404);
    await drain(server);
    expect((await server.http('GET', '/api/me/signals', undefined, rival.token)).body.items).toEqual([]);
    const visitor = await loginAs(server, 'paging-a');
    expect((await server.http('GET', '/api/cards/mine/visitors', undefined, visitor.token)).body.code).toBe('FORBIDDEN');
  });

  it('makes the card owner the owner of a new person who asks to be contacted, once per request id', async () => {
    const owner = await staffAs(server, 'contact-owner', 'sales');
    const cardId = (await save(owner.token, { name: '郑爽' })).body.id;
    const cardToken = await mint(server, owner.token, undefined, { contentType: 'card', contentId: cardId });
    const person = await loginAs(server, 'contact-new');
    await view(person.token, cardId, `?shareToken=${cardToken}`);
    const body = { requestId: 'req-contact-new-1', gate: { profile: { name: '陈晨' }, consent: CONSENT }, note: '想了解报价', shareToken: cardToken };

    // the gate needs a phone: nothing is kept, and the same request id can be used again
    const incomplete = await contact(person.token, cardId, body);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body).toMatchObject({ code: 'PROFILE_INCOMPLETE', details: { missing: ['phone'] } });
    expect(await count(server, 'SELECT COUNT(*) FROM card_contact_requests WHERE person_id = ?', [person.personId])).toBe(0);

    const { body: code } = await server.http('POST', '/sandbox/personas/contact-new/phone-code', { phone: '13600002222' });
    await server.http('POST', '/api/me/phone', { code: code.code }, person.token);
    const sent = await contact(person.token, cardId, body);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'received' });
    // a retried request (same id), even concurrent ones, is stored once
    const retries = await Promise.all([contact(person.token, cardId, body), contact(person.token, cardId, body)]);
    expect(retries.map((r) => r.body.id)).toEqual([sent.body.id, sent.body.id]);
    expect(await count(server, 'SELECT COUNT(*) FROM card_contact_requests WHERE person_id = ?', [person.personId])).toBe(1);
    await drain(server); // conversions are credited by the event processor
    expect(await count(server, "SELECT COUNT(*) FROM conversions WHERE kind = 'contact_request' AND person_id = ?", [person.personId])).toBe(1);
    expect(await count(server, "SELECT COUNT(*) FROM events WHERE type = 'contact_request' AND person_id = ?", [person.personId])).toBe(1);

    const [attribution] = await server.dataSource.query('SELECT owner_staff_id FROM person_attribution WHERE person_id = ?', [person.personId]);
    expect(attribution.owner_staff_id).toBe(owner.staffId);
    const decisions = await server.dataSource.query('SELECT decision, reason, evidence_node_id FROM ownership_decisions WHERE person_id = ?', [person.personId]);
    expect(decisions).toEqual([{ decision: 'assigned', reason: 'card contact request', evidence_node_id: expect.any(String) }]);
    const [lead] = await server.dataSource.query('SELECT status, last_kind FROM leads WHERE person_id = ?', [person.personId]);
    expect(lead).toEqual({ status: 'contact_requested', last_kind: 'card_contact' });
    expect(await count(server, "SELECT COUNT(*) FROM consents WHERE person_id = ? AND purpose = 'sales_contact' AND action = 'granted'", [person.personId])).toBe(1);

    const visitors = await server.http('GET', '/api/cards/mine/visitors', undefined, owner.token);
    expect(visitors.body.items[0]).toMatchObject({ displayName: '陈晨', phoneMasked: '136****2222', contactRequested: true });

    // the owner cannot ask themselves
    const self = await contact(owner.token, cardId, { ...body, requestId: 'req-self-0001' });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('CARD_SELF_CONTACT');
    expect((await contact(person.token, '01ARZ3NDEKTSV4RRFFQ69G5FAV', { ...body, requestId: 'req-nowhere-1' })).body.code).toBe('NOT_FOUND');
  });

  it('leaves a person owned by another salesperson inside the protection window with that owner, and logs it', async () => {
    const owner = await staffAs(server, 'kept-card-owner', 'sales');
    const rival = await staffAs(server, 'kept-rival', 'sales');
    const cardId = (await save(owner.token, { name: '冯涛' })).body.id;
    const rivalToken = await mint(server, rival.token);
    const person = await prospect('kept-prospect', '13500003333', (p) => arrive(server, p, rivalToken));
    await drain(server);
    const ownerOf = async () => (await server.dataSource.query('SELECT owner_staff_id FROM person_attribution WHERE person_id = ?', [person.personId]))[0].owner_staff_id;
    expect(await ownerOf()).toBe(rival.staffId);

    await view(person.token, cardId);
    const sent = await contact(person.token, cardId, { requestId: 'req-kept-0001', gate: { profile: { name: '蒋文' }, consent: CONSENT } });
    expect(sent.status).toBe(201);
    expect(await ownerOf()).toBe(rival.staffId);
    const [kept] = await server.dataSource.query("SELECT * FROM ownership_decisions WHERE person_id = ? AND decision = 'kept'", [person.personId]);
    expect(kept).toMatchObject({ candidate_staff_id: owner.staffId, previous_owner_staff_id: rival.staffId, reason: 'card contact request: protected (30-day window)' });
    // the card owner still has the request on their card
    expect((await server.http('GET', '/api/cards/mine/visitors', undefined, owner.token)).body.items[0]).toMatchObject({ displayName: '蒋文', contactRequested: true });
  });

  it('moves a person to the salesperson they ask to contact once the owner’s protection has run out', async () => {
    const owner = await staffAs(server, 'expiry-card-owner', 'sales');
    const rival = await staffAs(server, 'expiry-rival', 'sales');
    const cardId = (await save(owner.token, { name: '韩梅' })).body.id;
    const rivalToken = await mint(server, rival.token);
    const person = await prospect('expiry-prospect', '13500005555', (p) => arrive(server, p, rivalToken));
    await drain(server);
    const ownerOf = async () => (await server.dataSource.query('SELECT owner_staff_id FROM person_attribution WHERE person_id = ?', [person.personId]))[0].owner_staff_id;
    expect(await ownerOf()).toBe(rival.staffId);
    // weeks later the prospect opens the card again (signing in anew: their old session has expired)
    const askLater = async (days: number, requestId: string) => {
      await moveClock(server, { advanceMs: days * DAY });
      const again = await loginAs(server, 'expiry-prospect');
      expect(again.personId).toBe(person.personId);
      const sent = await contact(again.token, cardId, { requestId, gate: { profile: { name: '韩雪' }, consent: CONSENT } });
      expect(sent.status).toBe(201);
    };

    try {
      await askLater(29, 'req-expiry-0029');
      expect(await ownerOf()).toBe(rival.staffId);
      await askLater(2, 'req-expiry-0031');
      expect(await ownerOf()).toBe(owner.staffId);
    } finally {
      await moveClock(server, { at: null });
    }
    const decisions = await server.dataSource.query('SELECT decision, candidate_staff_id, previous_owner_staff_id, reason FROM ownership_decisions WHERE person_id = ? ORDER BY created_at, id', [person.personId]);
    expect(decisions.slice(-2)).toEqual([
      { decision: 'kept', candidate_staff_id: owner.staffId, previous_owner_staff_id: rival.staffId, reason: 'card contact request: protected (30-day window)' },
      { decision: 'moved', candidate_staff_id: owner.staffId, previous_owner_staff_id: rival.staffId, reason: 'card contact request: protection window over' },
    ]);
  });

  it('puts card visits and contact requests in the prospect’s data export, and erases them with their data', async () => {
    const owner = await staffAs(server, 'privacy-card-owner', 'sales');
    const cardId = (await save(owner.token, { name: '何静' })).body.id;
    const person = await prospect('privacy-card-prospect', '13400004444');
    await view(person.token, cardId);
    await contact(person.token, cardId, { requestId: 'req-privacy-01', gate: { profile: { name: '许可' }, consent: CONSENT }, note: '请周五联系' });

    const exported = await server.http('GET', '/api/me/export', undefined, person.token);
    expect(exported.body.sections.cardVisits).toEqual({
      cards: [expect.objectContaining({ cardId, views: 1 })],
      contactRequests: [expect.objectContaining({ cardId, note: '请周五联系' })],
    });

    expect((await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, person.token)).status).toBe(200);
    for (const table of ['card_views', 'card_visitors', 'card_contact_requests']) {
      expect(await count(server, `SELECT COUNT(*) FROM ${table} WHERE person_id = ?`, [person.personId])).toBe(0);
    }
    expect((await server.http('GET', '/api/cards/mine/visitors', undefined, owner.token)).body.items).toEqual([]);
  });

  it('opens featured content through the card owner’s chain, which the prospect’s actions and shares follow', async () => {
    const owner = await staffAs(server, 'featured-owner', 'sales');
    const featured = [{ contentType: 'whitepaper', contentId: 'wp-cloud-2026', title: '制造业上云白皮书' }];
    const saved = await save(owner.token, { name: '韩梅', featured });
    expect(saved.body.featured).toEqual([{ ...featured[0], shareToken: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) }]);

    const install = newInstall();
    const person = await loginAs(server, 'featured-prospect');
    const card = await view(person.token, saved.body.id);
    const token = card.body.featured[0].shareToken;
    expect(token).toBe(saved.body.featured[0].shareToken);
    const [node] = await server.dataSource.query('SELECT * FROM share_nodes WHERE token = ?', [token]);
    expect(node).toMatchObject({ sharer_person_id: owner.personId, content_type: 'whitepaper', content_id: 'wp-cloud-2026', root_staff_id: owner.staffId });

    // the prospect opens the whitepaper from the card (the page carries s=token), then downloads it
    await server.http('POST', '/api/events', { events: [entryEvent(install, token, { page: 'packages/whitepaper/pages/detail/index' })] }, person.token);
    await drain(server);
    const source = await server.app.get(Touchpoints).source(person.personId, token);
    const download = { kind: 'download', personId: person.personId, refId: 'dl-featured-1', page: 'packages/whitepaper/pages/detail/index', contentType: 'whitepaper', contentId: 'wp-cloud-2026', source } as const;
    await server.dataSource.transaction((em) => server.app.get(Activity).record(em, download));
    await drain(server); // conversions are credited by the event processor
    const [conversion] = await server.dataSource.query("SELECT * FROM conversions WHERE kind = 'download' AND ref_id = 'dl-featured-1'");
    expect(conversion.last_touch_node_id).toBe(node.id);
    const [credit] = await server.dataSource.query("SELECT staff_id FROM conversion_credits WHERE conversion_id = ? AND model = 'first'", [conversion.id]);
    expect(credit.staff_id).toBe(owner.staffId);
    const [attribution] = await server.dataSource.query('SELECT owner_staff_id FROM person_attribution WHERE person_id = ?', [person.personId]);
    expect(attribution.owner_staff_id).toBe(owner.staffId);

    // and sharing it onward grows the owner's tree
    const child = await mint(server, person.token, token, { contentType: 'whitepaper', contentId: 'wp-cloud-2026' });
    const [childNode] = await server.dataSource.query('SELECT * FROM share_nodes WHERE token = ?', [child]);
    expect(childNode).toMatchObject({ parent_id: node.id, root_staff_id: owner.staffId, depth: 1 });
  });
});

/** `npm start` runs on the embedded SQLite database: the card's SQL must hold there too. */
describe('salesperson cards on the embedded SQLite default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadloop-card-sqlite-'));
  let running: RunningApp;
  let server: TestServer;

  beforeAll(async () => {
    running = await startApp(
      loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'leadloop.sqlite'), STORAGE_DIR: join(dir, 'files'), LOG_LEVEL: 'warn', PRIVACY_POLICY_VERSION: POLICY }),
    );
    const http: TestServer['http'] = async (method, path, body, token) => {
      const res = await fetch(`${running.url}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as any, headers: res.headers };
    };
    server = { url: running.url, app: running.app, http, dataSource: running.app.get(DataSource) } as unknown as TestServer;
  });
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves a moderated card, counts a returning visit once, and stores a retried contact request once', async () => {
    const owner = await staffAs(server, 'lite-owner', 'sales');
    const saved = await server.http('PUT', '/api/cards/mine', { name: '林琳', phone: '13912345678', introduction: APPROVED_INTRO }, owner.token);
    expect(saved.body.introduction.status).toBe('approved');
    const cardId = saved.body.id;

    const person = await loginAs(server, 'lite-prospect');
    const { body: code } = await server.http('POST', '/sandbox/personas/lite-prospect/phone-code', { phone: '13312345678' });
    await server.http('POST', '/api/me/phone', { code: code.code }, person.token);
    expect((await server.http('GET', `/api/cards/${cardId}`, undefined, person.token)).body.introduction).toBe(APPROVED_INTRO);
    clockOf(running.app).advance(31 * MINUTE); // past the default 30-minute return-visit threshold
    await Promise.all([1, 2].map(() => server.http('GET', `/api/cards/${cardId}`, undefined, person.token)));
    expect(await count(server, 'SELECT COUNT(*) FROM card_views WHERE card_id = ?', [cardId])).toBe(2);
    await drain(server);
    expect((await server.http('GET', '/api/me/signals', undefined, owner.token)).body.items.map((s: { kind: string }) => s.kind)).toEqual(['card_return']);

    const body = { requestId: 'req-lite-0001', gate: { profile: { name: '高远' }, consent: CONSENT } };
    const first = await server.http('POST', `/api/cards/${cardId}/contact-requests`, body, person.token);
    expect(first.status).toBe(201);
    expect((await server.http('POST', `/api/cards/${cardId}/contact-requests`, body, person.token)).body.id).toBe(first.body.id);
    const visitors = await server.http('GET', '/api/cards/mine/visitors', undefined, owner.token);
    expect(visitors.body.items).toEqual([expect.objectContaining({ displayName: '高远', views: 2, contactRequested: true })]);
    await drain(server); // the lead row is written by the stream's consumer
    expect(await count(server, "SELECT COUNT(*) FROM leads WHERE person_id = ? AND status = 'contact_requested'", [person.personId])).toBe(1);
  });
});
