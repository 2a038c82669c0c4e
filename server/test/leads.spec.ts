import { intentKey } from '@leadloop/shared';
import { newId } from '../src/database/ids';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { clockOf, moveClock, serverNow } from './support/clock';
import { firstSignup, publishEvent } from './support/live';
import { arrive, count, drain, mint } from './support/share';
import { consent, newRequestId, publishedWhitepaper, requestDownload } from './support/whitepaper';

// a fresh database with every migration, under a shared machine's load, can take longer than Jest's default
jest.setTimeout(90_000);

type Staff = { token: string; personId: string; staffId: string };

/**
 * The lead workspace as staff use it: who sees which lead (list, detail, timeline, phone), the
 * logged phone reveal in the person's export, the list's filters, sorts and keyset pages, and
 * the lead's owner following the share chain's owner.
 */
describe('leads: list, detail, timeline, phone reveal', () => {
  let server: TestServer;
  let admin: Staff;
  let marketer: Staff;
  let salesA: Staff;
  let salesB: Staff;
  let partner: Staff;
  let whitepaperId: string;
  let prospect: { token: string; personId: string };
  let partnerLead: { token: string; personId: string };

  const ownerOfLead = async (personId: string) => (await server.dataSource.query('SELECT owner_staff_id FROM leads WHERE person_id = ?', [personId]))[0]?.owner_staff_id ?? null;
  const ownerOfPerson = async (personId: string) => (await server.dataSource.query('SELECT owner_staff_id FROM person_attribution WHERE person_id = ?', [personId]))[0]?.owner_staff_id ?? null;

  /** Someone arriving through a sharer's whitepaper link, binding a phone and downloading it. */
  async function downloadThrough(sharer: Staff, persona: string, phone: string, name: string) {
    const token = await mint(server, sharer.token, undefined, { contentType: 'whitepaper', contentId: whitepaperId });
    const person = await arrive(server, persona, token);
    const { body: code } = await server.http('POST', `/sandbox/personas/${persona}/phone-code`, { phone });
    expect((await server.http('POST', '/api/me/phone', { code: code.code }, person.token)).status).toBe(200);
    const downloaded = await requestDownload(server, person.token, whitepaperId, { gate: { profile: { name, company: '云启科技' }, consent: consent(), followUp: consent() }, shareToken: token });
    expect(downloaded.status).toBe(201);
    return person;
  }

  beforeAll(async () => {
    server = await startTestServer('leads');
    admin = await staffAs(server, 'leads-admin', 'admin');
    marketer = await staffAs(server, 'leads-marketer', 'marketer');
    salesA = await staffAs(server, 'leads-sales-a', 'sales');
    salesB = await staffAs(server, 'leads-sales-b', 'sales');
    partner = await staffAs(server, 'leads-partner', 'partner');
    whitepaperId = await publishedWhitepaper(server, marketer.token, 'name,company', '制造业私域增长白皮书');
    prospect = await downloadThrough(salesA, 'leads-prospect', '13912345678', '林晓');
    partnerLead = await downloadThrough(partner, 'leads-partner-lead', '13700001111', '赵磊');
    // the prospect also asks salesperson A to call, with a note
    const card = (await server.http('GET', '/api/cards/mine', undefined, salesA.token)).body;
    const asked = await server.http('POST', `/api/cards/${card.id}/contact-requests`, { requestId: newRequestId(), note: '想了解私有化部署报价', gate: { profile: {}, consent: consent() } }, prospect.token);
    expect(asked.status).toBe(201);
    await drain(server);
  });
  afterAll(() => server.close());

  it('copies the owner the share chain gave onto the lead', async () => {
    expect(await ownerOfLead(prospect.personId)).toBe(salesA.staffId);
    expect(await ownerOfPerson(prospect.personId)).toBe(salesA.staffId);
    expect(await ownerOfLead(partnerLead.personId)).toBe(partner.staffId);
  });

  it('shows a salesperson their own lead: list, detail with chain and note, timeline — the phone masked', async () => {
    const list = await server.http('GET', '/api/leads', undefined, salesA.token);
    expect(list.status).toBe(200);
    // 请联系我 is a hand-raise: routing made the lead an MQL and handed it to the card's owner
    // grade, score now and stage are the scoring's: the list shows the breakdown's figures, rounded
    const scored = (await server.http('GET', `/api/leads/${prospect.personId}/score`, undefined, salesA.token)).body;
    expect(scored.intent).toBeGreaterThan(0);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: prospect.personId, displayName: '林晓', company: '云启科技', phoneMasked: '139****5678', stage: 'mql', grade: scored.grade, score: Math.round(scored.intent), owner: { id: salesA.staffId, name: 'leads-sales-a' }, lastActivity: expect.objectContaining({ kind: 'card_contact', label: '名片留言：请联系我' }) }),
    ]);
    expect(list.body.nextCursor).toBeNull();

    const detail = await server.http('GET', `/api/leads/${prospect.personId}`, undefined, salesA.token);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      displayName: '林晓',
      phoneMasked: '139****5678',
      phoneRevealable: true,
      owner: { id: salesA.staffId, name: 'leads-sales-a' },
      firstTouch: { content: { type: 'whitepaper', id: whitepaperId, title: '制造业私域增长白皮书' }, chain: [{ name: 'leads-sales-a', staff: true }] },
      contactNotes: [{ note: '想了解私有化部署报价', via: 'card' }],
    });
    expect(detail.body.consents.map((c: { purpose: string; granted: boolean }) => [c.purpose, c.granted]).sort()).toEqual([
      ['sales_contact', true],
      ['whitepaper_download', true],
    ]);

    const timeline = await server.http('GET', `/api/leads/${prospect.personId}/timeline`, undefined, salesA.token);
    expect(timeline.status).toBe(200);
    const kinds = timeline.body.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['contact_request', 'download', 'touch']));
    expect(kinds.indexOf('contact_request')).toBeLessThan(kinds.indexOf('download'));
    expect(timeline.body.items.find((i: { kind: string }) => i.kind === 'contact_request')).toMatchObject({ label: '请求联系', detail: '留言：想了解私有化部署报价' });
    expect(timeline.body.items.find((i: { kind: string }) => i.kind === 'download')).toMatchObject({ label: '下载白皮书', contentTitle: '制造业私域增长白皮书' });
    for (const body of [list.body, detail.body, timeline.body]) expect(JSON.stringify(body)).not.toContain('13912345678');
  });

  it('refuses another salesperson’s lead everywhere with LEAD_NOT_YOURS, revealing nothing', async () => {
    expect((await server.http('GET', '/api/leads', undefined, salesB.token)).body).toEqual({ items: [], nextCursor: null });
    expect((await server.http('GET', `/api/leads?owner=${salesA.staffId}`, undefined, salesB.token)).body.items).toEqual([]);
    for (const [method, path] of [
      ['GET', `/api/leads/${prospect.personId}`],
      ['GET', `/api/leads/${prospect.personId}/timeline`],
      ['POST', `/api/leads/${prospect.personId}/phone`],
    ]) {
      const res = await server.http(method, path, undefined, salesB.token);
      expect([res.status, res.body.code]).toEqual([403, 'LEAD_NOT_YOURS']);
      expect(JSON.stringify(res.body)).not.toContain('13912345678');
    }
    expect(await count(server, 'SELECT COUNT(*) FROM phone_reveals')).toBe(0);
    expect((await server.http('GET', `/api/leads/${newId()}`, undefined, salesA.token)).body.code).toBe('LEAD_NOT_FOUND');
    expect((await server.http('GET', '/api/leads', undefined, prospect.token)).status).toBe(403);
  });

  it('never gives a partner a full phone number: list, detail and timeline masked, the reveal refused', async () => {
    const list = await server.http('GET', '/api/leads', undefined, partner.token);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([partnerLead.personId]);
    const detail = await server.http('GET', `/api/leads/${partnerLead.personId}`, undefined, partner.token);
    expect(detail.body).toMatchObject({ phoneMasked: '137****1111', phoneRevealable: false });
    const timeline = await server.http('GET', `/api/leads/${partnerLead.personId}/timeline`, undefined, partner.token);
    const reveal = await server.http('POST', `/api/leads/${partnerLead.personId}/phone`, undefined, partner.token);
    expect([reveal.status, reveal.body.code]).toEqual([403, 'LEAD_PHONE_HIDDEN']);
    for (const body of [list.body, detail.body, timeline.body, reveal.body]) expect(JSON.stringify(body)).not.toContain('13700001111');
    expect(await count(server, 'SELECT COUNT(*) FROM phone_reveals WHERE person_id = ?', [partnerLead.personId])).toBe(0);
  });

  it('reveals the number to its owner and the pool, logs each reveal and lists it in the person’s export', async () => {
    const mine = await server.http('POST', `/api/leads/${prospect.personId}/phone`, undefined, salesA.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ phone: '+8613912345678', revealedAt: expect.any(String) });
    const pool = await server.http('POST', `/api/leads/${prospect.personId}/phone`, undefined, marketer.token);
    expect(pool.body.phone).toBe('+8613912345678');
    const log = await server.dataSource.query('SELECT staff_id FROM phone_reveals WHERE person_id = ? ORDER BY revealed_at, id', [prospect.personId]);
    expect(log.map((r: { staff_id: string }) => r.staff_id)).toEqual([salesA.staffId, marketer.staffId]);

    const exported = await server.http('GET', '/api/me/export', undefined, prospect.token);
    expect(exported.body.sections.phoneReveals).toEqual([
      { by: 'leads-sales-a', at: mine.body.revealedAt },
      { by: 'leads-marketer', at: pool.body.revealedAt },
    ]);
  });

  it('pages the timeline newest first without duplicates or gaps, and refuses a made-up cursor or id', async () => {
    const whole = await server.http('GET', `/api/leads/${prospect.personId}/timeline?limit=100`, undefined, salesA.token);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await server.http('GET', `/api/leads/${prospect.personId}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`, undefined, salesA.token);
      ids.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(ids).toEqual(whole.body.items.map((i: { id: string }) => i.id));
    const times = whole.body.items.map((i: { at: string }) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await server.http('GET', `/api/leads/${prospect.personId}/timeline?cursor=bm9wZQ`, undefined, salesA.token)).body.code).toBe('VALIDATION_FAILED');
    expect((await server.http('GET', `/api/leads/${'x'.repeat(300)}`, undefined, admin.token)).body.code).toBe('LEAD_NOT_FOUND');
  });

  it('opens the people behind a whitepaper’s downloads as the pool filtered to it', async () => {
    const downloaded = await server.http('GET', `/api/leads?contentType=whitepaper&contentId=${whitepaperId}&action=downloaded`, undefined, marketer.token);
    expect(downloaded.body.items.map((i: { id: string }) => i.id).sort()).toEqual([prospect.personId, partnerLead.personId].sort());
    const asked = await server.http('GET', `/api/leads?contentType=whitepaper&contentId=${whitepaperId}&action=contact_requested`, undefined, marketer.token);
    expect(asked.body.items.map((i: { id: string }) => i.id)).toEqual([prospect.personId]);
    const other = await server.http('GET', `/api/leads?contentType=live&contentId=${whitepaperId}&action=signed_up`, undefined, marketer.token);
    expect(other.body.items).toEqual([]);

    // the whitepaper row's numbers count exactly the leads their links open
    const counts = await server.http('GET', `/api/leads/sources?contentType=whitepaper&contentId=${whitepaperId}`, undefined, marketer.token);
    expect(counts.status).toBe(200);
    expect(counts.body.counts).toEqual([
      { action: 'downloaded', minutes: null, count: 2 },
      { action: 'contact_requested', minutes: null, count: 1 },
    ]);
  });

  it('counts a content’s people for the console only, and refuses a made-up content with VALIDATION_FAILED', async () => {
    for (const who of [salesA, partner]) {
      const refused = await server.http('GET', `/api/leads/sources?contentType=whitepaper&contentId=${whitepaperId}`, undefined, who.token);
      expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    for (const query of ['contentType=video&contentId=x', 'contentType=live', `contentId=${whitepaperId}`, 'contentType=live&contentId=' + 'x'.repeat(65), 'contentType=live&contentId=a%27b', 'contentType=live&contentId=x&action=watched']) {
      const res = await server.http('GET', `/api/leads/sources?${query}`, undefined, admin.token);
      expect([query, res.status, res.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
    // a content nobody touched: every number is 0
    const none = await server.http('GET', `/api/leads/sources?contentType=live&contentId=${newId()}`, undefined, admin.token);
    expect(none.body.counts.map((c: { count: number }) => c.count)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('links the lead’s company to its account page for those who may open it: the console, and the account’s owner', async () => {
    const accountOf = async (token: string) => (await server.http('GET', `/api/leads/${prospect.personId}`, undefined, token)).body.account;
    const account = await accountOf(marketer.token);
    expect(account).toMatchObject({ name: '云启科技', openable: true });
    expect(await accountOf(salesA.token)).toEqual({ id: account.id, name: '云启科技', openable: false });
    expect((await server.http('GET', `/api/accounts/${account.id}`, undefined, salesA.token)).body.code).toBe('ACCOUNT_NOT_YOURS');

    expect((await server.http('PATCH', `/api/accounts/${account.id}`, { ownerStaffId: salesA.staffId }, marketer.token)).status).toBe(200);
    expect(await accountOf(salesA.token)).toEqual({ id: account.id, name: '云启科技', openable: true });
    const page = await server.http('GET', `/api/accounts/${account.id}`, undefined, salesA.token);
    expect(page.status).toBe(200);
    // account-level intent is its contacts' intent now
    const score = (await server.http('GET', `/api/leads/${prospect.personId}`, undefined, salesA.token)).body.score;
    expect(page.body.contacts.find((c: { personId: string }) => c.personId === prospect.personId)).toMatchObject({ intent: score });
    expect(page.body.intent).toBe(page.body.contacts.reduce((sum: number, c: { intent: number | null }) => sum + (c.intent ?? 0), 0));
  });

  it('refuses filters that do not make sense with VALIDATION_FAILED, never a 500', async () => {
    for (const query of ['action=downloaded', 'contentType=whitepaper', 'scoreMin=80&scoreMax=20', 'minutes=30', 'contentType=live&contentId=x&action=watched', 'stage=hot', 'sort=random', 'cursor=bm9wZQ', 'createdFrom=2026-13', 'owner=x', 'tag=' + 'x'.repeat(21), 'limit=101', 'unknown=1']) {
      const res = await server.http('GET', `/api/leads?${query}`, undefined, admin.token);
      expect([query, res.status, res.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });

  describe('filters, sorts and keyset pages over a seeded pool', () => {
    const seeded: { id: string; stage: string; grade: string; key: number; created: number; active: number; owner: string | null; province: string; tag: string | null }[] = [];

    beforeAll(async () => {
      const base = Date.UTC(2026, 10, 1);
      // intent keys of 0, 5, 5, 12.5 and 40 points earned now: those are their scores now (30-day half-life)
      const now = (await serverNow(server)).getTime();
      for (let i = 0; i < 23; i += 1) {
        const id = newId(base + i);
        // ties on every sort key, so pages must break them by person id
        seeded.push({ id, stage: ['new', 'engaged', 'mql'][i % 3], grade: ['A', 'B', 'C', 'D'][i % 4], key: intentKey([0, 5, 5, 12.5, 40][i % 5], now, 30), created: base + (i % 6) * 3_600_000, active: base + (i % 4) * 86_400_000, owner: i % 2 ? salesB.staffId : null, province: i % 3 ? '广东' : '浙江', tag: i % 5 === 0 ? '重点客户' : null });
      }
      for (const s of seeded) {
        await server.dataSource.query('INSERT INTO persons (id, real_name, province, seniority_edited, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)', [s.id, `客户${s.id.slice(-4)}`, s.province, new Date(s.created), new Date(s.created)]);
        await server.dataSource.query(
          "INSERT INTO leads (person_id, status, first_kind, first_ref, last_kind, last_ref, activity_count, created_at, last_activity_at, stage, fit_grade, intent_key, owner_staff_id) VALUES (?, 'new', 'whitepaper_download', 'x', 'whitepaper_download', 'x', 1, ?, ?, ?, ?, ?, ?)",
          [s.id, new Date(s.created), new Date(s.active), s.stage, s.grade, s.key, s.owner],
        );
        if (s.tag) await server.dataSource.query('INSERT INTO person_tags (person_id, tag, created_at) VALUES (?, ?, ?)', [s.id, s.tag, new Date(s.created)]);
      }
    });

    /** Every page of a list, following nextCursor. */
    async function allPages(query: string, token: string, limit = 4): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await server.http('GET', `/api/leads?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`, undefined, token);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        ids.push(...res.body.items.map((i) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      return ids;
    }

    const seededOnly = (ids: string[]) => ids.filter((id) => seeded.some((s) => s.id === id));
    const desc = (key: (s: (typeof seeded)[number]) => number) => (a: (typeof seeded)[number], b: (typeof seeded)[number]) => key(b) - key(a) || (a.id < b.id ? 1 : -1);

    it('pages every sort without duplicates or gaps, ties broken by person id', async () => {
      const byScore = await allPages('', admin.token);
      expect(new Set(byScore).size).toBe(byScore.length);
      expect(seededOnly(byScore)).toEqual([...seeded].sort(desc((s) => s.key)).map((s) => s.id));
      expect(seededOnly(await allPages('&sort=activity', admin.token, 5))).toEqual([...seeded].sort(desc((s) => s.active)).map((s) => s.id));
      expect(seededOnly(await allPages('&sort=created', admin.token, 3))).toEqual([...seeded].sort(desc((s) => s.created)).map((s) => s.id));
    });

    it('combines filters: stage, grade, owner, tag, region, dates', async () => {
      const expectIds = async (query: string, keep: (s: (typeof seeded)[number]) => boolean, token = admin.token) =>
        expect(seededOnly(await allPages(query, token))).toEqual([...seeded].filter(keep).sort(desc((s) => s.key)).map((s) => s.id));
      await expectIds('&stage=engaged', (s) => s.stage === 'engaged');
      await expectIds('&stage=mql&grade=A', (s) => s.stage === 'mql' && s.grade === 'A');
      await expectIds(`&owner=${salesB.staffId}`, (s) => s.owner === salesB.staffId);
      await expectIds('&tag=' + encodeURIComponent('重点客户'), (s) => s.tag === '重点客户');
      await expectIds('&province=' + encodeURIComponent('浙江') + '&grade=B', (s) => s.province === '浙江' && s.grade === 'B');
      await expectIds('&activeFrom=2026-11-02&activeTo=2026-11-03', (s) => s.active >= Date.UTC(2026, 10, 1, 16) && s.active < Date.UTC(2026, 10, 3, 16));
      // a salesperson's scope narrows any filter to their own leads
      await expectIds('&stage=new', (s) => s.stage === 'new' && s.owner === salesB.staffId, salesB.token);
    });

    it('opens the people behind a live event’s numbers: signed up, watched, watched at least N minutes', async () => {
      const liveId = newId();
      const [a, b, c] = seeded;
      // a signed up and watched 10 minutes, b signed up and watched 45, c signed up and cancelled
      for (const [s, status] of [[a, 'confirmed'], [b, 'confirmed'], [c, 'cancelled']] as const) {
        await server.dataSource.query('INSERT INTO live_signups (id, event_id, person_id, status, created_at) VALUES (?, ?, ?, ?, ?)', [newId(), liveId, s.id, status, new Date()]);
      }
      for (const [s, minutes] of [[a, 10], [b, 45]] as const) {
        await server.dataSource.query('INSERT INTO live_attendance (event_id, person_id, minutes, first_at, last_at) VALUES (?, ?, ?, ?, ?)', [liveId, s.id, minutes, new Date(), new Date()]);
      }
      const people = async (query: string) => (await allPages(`&contentType=live&contentId=${liveId}&${query}`, admin.token)).sort();
      expect(await people('action=signed_up')).toEqual([a.id, b.id].sort());
      expect(await people('action=attended')).toEqual([a.id, b.id].sort());
      expect(await people('action=watched&minutes=30')).toEqual([b.id]);
      expect(await people('action=watched&minutes=10')).toEqual([a.id, b.id].sort());
      expect(await people('action=downloaded')).toEqual([]);

      // the report's numbers are the pool's: each count is the length of the list its link opens
      const counts = await server.http('GET', `/api/leads/sources?contentType=live&contentId=${liveId}`, undefined, marketer.token);
      expect(counts.body.counts).toEqual([
        { action: 'signed_up', minutes: null, count: 2 },
        { action: 'attended', minutes: null, count: 2 },
        { action: 'watched', minutes: 10, count: 2 },
        { action: 'watched', minutes: 30, count: 1 },
        { action: 'watched', minutes: 60, count: 0 },
        { action: 'contact_requested', minutes: null, count: 0 },
      ]);
      for (const c of counts.body.counts as { action: string; minutes: number | null; count: number }[]) {
        expect((await people(`action=${c.action}${c.minutes ? `&minutes=${c.minutes}` : ''}`)).length).toBe(c.count);
      }
    });

    it('filters by the score now: a range of the decayed score is a range of the stored key', async () => {
      const scored = await server.http('GET', '/api/leads?limit=100', undefined, admin.token);
      const scoreOf = new Map(scored.body.items.map((i: { id: string; score: number }) => [i.id, i.score]));
      const top = Math.max(...seeded.map((s) => s.key));
      expect(seeded.filter((s) => s.key === top).map((s) => scoreOf.get(s.id))).toEqual([40, 40, 40, 40]);
      expect(seededOnly(await allPages('&scoreMin=40&scoreMax=40', admin.token)).sort()).toEqual(seeded.filter((s) => s.key === top).map((s) => s.id).sort());
      // 12.5 shows as 13 and counts as 13: 6–13 holds the 5s and the 12.5s, not the 0s or the 40s
      expect(seededOnly(await allPages('&scoreMin=5&scoreMax=13', admin.token)).length).toBe(seeded.filter((s) => s.key > 0 && s.key < top).length);
      expect(seededOnly(await allPages('&scoreMin=6&scoreMax=13', admin.token)).length).toBe(4);
    });
  });

  it('keeps the lead’s owner with the person’s when a salesperson leaves and hands over', async () => {
    const receiver = await staffAs(server, 'leads-receiver', 'sales');
    const handed = await server.http('POST', `/api/staff/${salesA.staffId}/handover`, { toStaffId: receiver.staffId }, admin.token);
    expect(handed.status).toBe(201);
    expect(await ownerOfPerson(prospect.personId)).toBe(receiver.staffId);
    expect(await ownerOfLead(prospect.personId)).toBe(receiver.staffId);
    const list = await server.http('GET', '/api/leads', undefined, receiver.token);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([prospect.personId]);
  });

  it('copies the owner onto a lead whose owner arrived after it (a later share chain takes the person)', async () => {
    const walkIn = await loginAs(server, 'leads-walk-in');
    const downloaded = await requestDownload(server, walkIn.token, whitepaperId, { gate: { profile: { name: '周航', company: '远航物流' }, consent: consent() } });
    expect(downloaded.status).toBe(201);
    await drain(server);
    expect(await ownerOfLead(walkIn.personId)).toBeNull();
    // the person now arrives through salesperson B's share: the chain assigns them, and the lead follows
    const token = await mint(server, salesB.token, undefined, { contentType: 'whitepaper', contentId: whitepaperId });
    await server.http('POST', '/api/events', { events: [{ id: `evt-walkin-${Date.now()}`, type: 'entry', at: new Date().toISOString(), page: 'packages/whitepaper/pages/detail/index', anonymousId: 'walk-in-install-0001', shareToken: token }] }, walkIn.token);
    await drain(server);
    expect(await ownerOfPerson(walkIn.personId)).toBe(salesB.staffId);
    expect(await ownerOfLead(walkIn.personId)).toBe(salesB.staffId);
  });

  it('limits how many numbers one staff member sees in an hour, logging only what was shown', async () => {
    const reveal = () => server.http('POST', `/api/leads/${partnerLead.personId}/phone`, undefined, admin.token);
    for (let i = 0; i < 100; i += 1) expect((await reveal()).status).toBe(200);
    const refused = await reveal();
    expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(JSON.stringify(refused.body)).not.toContain('13700001111');
    expect(await count(server, 'SELECT COUNT(*) FROM phone_reveals WHERE staff_id = ?', [admin.staffId])).toBe(100);
    await moveClock(server, { advanceMs: 3_600_000 });
    expect((await reveal()).body.phone).toBe('+8613700001111');
  });

  it('erases the reveal log with the person', async () => {
    expect(await count(server, 'SELECT COUNT(*) FROM phone_reveals WHERE person_id = ?', [prospect.personId])).toBe(2);
    const erased = await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, prospect.token);
    expect(erased.status).toBe(200);
    expect(await count(server, 'SELECT COUNT(*) FROM phone_reveals WHERE person_id = ?', [prospect.personId])).toBe(0);
  });

  it('writes every kind of activity on the timeline in Chinese: watch milestones, survey, card return, a withdrawn consent, a merge', async () => {
    const clock = clockOf(server.app);
    const now = (await serverNow(server)).getTime();
    const minutesFromNow = (m: number) => new Date(now + m * 60_000).toISOString();
    const live = await publishEvent(server, marketer.token, { title: '精益排产直播', startAt: minutesFromNow(-1), endAt: minutesFromNow(240), survey: [{ id: 'useful', text: '本场直播有帮助吗？', choices: ['有帮助', '一般'] }] });
    const person = await loginAs(server, 'leads-timeline');
    expect((await server.http('POST', `/api/live/${live.id}/signups`, firstSignup('周婷'), person.token)).status).toBe(200);
    await drain(server);
    const cardOwner = await staffAs(server, 'leads-card-owner', 'sales');
    const card = (await server.http('PUT', '/api/cards/mine', { name: '周全' }, cardOwner.token)).body;
    try {
      // 35 minutes in the room: a watch activity at every 5 minutes, the timeline shows the 30-minute one
      const watch = (kind: string) => server.http('POST', `/api/live/${live.id}/attendance`, { kind, sessionId: 'leads-timeline-session' }, person.token);
      expect((await watch('join')).status).toBe(200);
      for (let minute = 1; minute < 35; minute += 1) {
        clock.advance(60_000);
        await watch('heartbeat');
      }
      expect((await watch('leave')).body.watchMinutes).toBe(35);
      expect((await server.http('POST', `/api/live/${live.id}/survey`, { answers: { useful: '有帮助' } }, person.token)).status).toBe(200);
      // the salesperson's card, and again an hour later
      expect((await server.http('GET', `/api/cards/${card.id}`, undefined, person.token)).status).toBe(200);
      clock.advance(61 * 60_000);
      expect((await server.http('GET', `/api/cards/${card.id}`, undefined, person.token)).status).toBe(200);
      expect((await server.http('POST', '/api/me/consents/event_signup/withdraw', {}, person.token)).status).toBe(200);
    } finally {
      clock.set(null);
    }
    // the same human on another WeChat binds the phone this one holds: merged here
    const phone = '13600002222';
    const bind = async (persona: string, token: string) => server.http('POST', '/api/me/phone', { code: (await server.http('POST', `/sandbox/personas/${persona}/phone-code`, { phone })).body.code }, token);
    expect((await bind('leads-timeline', person.token)).status).toBe(200);
    const twin = await loginAs(server, 'leads-timeline-twin');
    expect((await bind('leads-timeline-twin', twin.token)).body.mergedFrom).toBe(twin.personId);

    type Item = { kind: string; label: string; contentTitle: string | null; detail: string | null };
    const timeline = async (): Promise<Item[]> => (await server.http('GET', `/api/leads/${person.personId}/timeline?limit=100`, undefined, marketer.token)).body.items;
    const items = await timeline();
    const only = (kind: string) => items.filter((i) => i.kind === kind);
    expect(only('watch')).toEqual([expect.objectContaining({ label: '累计观看', contentTitle: '精益排产直播', detail: '已满 30 分钟' })]);
    expect(only('attend')).toEqual([expect.objectContaining({ label: '观看直播', detail: '累计观看 35 分钟' })]);
    expect(only('survey')).toEqual([expect.objectContaining({ label: '提交直播问卷', contentTitle: '精益排产直播' })]);
    expect(only('card_view')).toHaveLength(2);
    expect(only('card_return')).toEqual([expect.objectContaining({ label: '再次访问名片', contentTitle: '周全的名片' })]);
    expect(only('consent_withdrawn')).toEqual([expect.objectContaining({ label: '撤回授权', contentTitle: null, detail: '不再同意：直播报名' })]);
    expect(only('merge')).toEqual([expect.objectContaining({ label: '合并重复记录', detail: '手机号相同的另一条记录已并入' })]);
    // no code names or ids in what the timeline writes (titles are the content's own)
    for (const item of items) expect(`${item.label} ${item.detail ?? ''}`).not.toMatch(/[a-z]{3,}|[0-9A-Z]{26}/);

    const [merge] = await server.dataSource.query('SELECT id FROM person_merges WHERE survivor_id = ?', [person.personId]);
    expect((await server.http('POST', `/api/persons/merges/${merge.id}/unmerge`, undefined, admin.token)).status).toBe(200);
    expect((await timeline()).filter((i) => i.kind === 'merge')).toEqual([expect.objectContaining({ detail: '手机号相同的另一条记录已并入（管理员已撤销合并）' })]);
  });
});
