import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { moveClock } from './support/clock';
import { firstSignup, publishEvent } from './support/live';
import { arrive, count, drain, entryEvent, HOME, mint, newInstall } from './support/share';

describe('share chain: tokens, touchpoints, attribution', () => {
  let server: TestServer;

  beforeAll(async () => {
    // the background processor is off: each test drains explicitly
    server = await startTestServer('share_chain', { EVENT_PROCESSOR_INTERVAL_MS: '0', OWNER_PROTECTION_DAYS: '30' });
  });
  afterAll(async () => {
    await server.close();
  });

  const nodeOf = async (token: string) => (await server.dataSource.query('SELECT * FROM share_nodes WHERE token = ?', [token]))[0];

  it('mints opaque, idempotent tokens that fit a mini-program scene and form a tree', async () => {
    const staff = await staffAs(server, 'mint-staff', 'sales');
    const tokens = await Promise.all(Array.from({ length: 10 }, () => mint(server, staff.token)));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(tokens[0]).not.toContain(staff.personId);

    const a = await arrive(server, 'mint-a', tokens[0]);
    const child = await mint(server, a.token, tokens[0]);
    await drain(server);
    const node = await nodeOf(child);
    expect(node.depth).toBe(1);
    expect(node.root_staff_id).toBe(staff.staffId);
    expect((await nodeOf(tokens[0])).subtree_nodes).toBe(2);
    // re-sharing my own token keeps my node
    expect(await mint(server, a.token, child)).toBe(child);
  });

  it('tells which content a token opens (a poster code carries only the token), and nothing about its sharer', async () => {
    const staff = await staffAs(server, 'lookup-staff', 'sales');
    const token = await mint(server, staff.token, undefined, { contentType: 'whitepaper', contentId: '01JCONTENTLOOKUP0000000000' });
    const found = await server.http('GET', `/api/share/tokens/${token}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ contentType: 'whitepaper', contentId: '01JCONTENTLOOKUP0000000000' });
    for (const unknown of ['AAAAAAAAAAAAAAAA', 'not%20a%20token']) {
      const res = await server.http('GET', `/api/share/tokens/${unknown}`);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
  });

  it('counts a share in its tree only once it was sent or someone arrived through it', async () => {
    const staff = await staffAs(server, 'activation-staff', 'sales');
    const t1 = await mint(server, staff.token);
    const a = await arrive(server, 'activation-a', t1);
    // A's token is minted (the page pre-mints) but never sent
    const unsent = await server.http('POST', '/api/share/tokens', { ...HOME, parentToken: t1 }, a.token);
    await drain(server);
    expect((await nodeOf(unsent.body.token)).activated_at).toBeNull();
    expect((await nodeOf(t1)).subtree_nodes).toBe(1);
    // someone arrives through it: the share happened
    await arrive(server, 'activation-b', unsent.body.token);
    await drain(server);
    expect((await nodeOf(unsent.body.token)).activated_at).not.toBeNull();
    expect((await nodeOf(t1)).subtree_nodes).toBe(2);
  });

  it('credits a four-level chain staff → A → B → C under every model when C signs up for a live event', async () => {
    const marketer = await staffAs(server, 'credit-marketer', 'marketer');
    const event = await publishEvent(server, marketer.token);
    const staff = await staffAs(server, 'credit-staff', 'sales');
    const t1 = await mint(server, staff.token);
    const a = await arrive(server, 'credit-a', t1);
    const t2 = await mint(server, a.token, t1);
    const b = await arrive(server, 'credit-b', t2);
    const t3 = await mint(server, b.token, t2);
    const c = await arrive(server, 'credit-c', t3);
    await drain(server);

    // C signs up over HTTP, as the mini-program does; the sign-up's touchpoint is the conversion
    const signedUp = await server.http('POST', `/api/live/${event.id}/signups`, firstSignup('credit-c'), c.token);
    expect(signedUp.body.signup.status).toBe('confirmed');
    await drain(server);
    // tapping again, and processing again, credits nothing twice
    expect((await server.http('POST', `/api/live/${event.id}/signups`, firstSignup('credit-c'), c.token)).body.signup.id).toBe(signedUp.body.signup.id);
    await drain(server);
    const conversions: { id: string; ref_id: string; content_type: string }[] = await server.dataSource.query("SELECT id, ref_id, content_type FROM conversions WHERE person_id = ? AND kind = 'signup'", [c.personId]);
    expect(conversions).toEqual([{ id: expect.any(String), ref_id: signedUp.body.signup.id, content_type: 'live' }]);
    const conversionId = conversions[0].id;

    const credits: { model: string; person_id: string; weight_bp: number }[] = await server.dataSource.query(
      'SELECT model, person_id, weight_bp FROM conversion_credits WHERE conversion_id = ? ORDER BY model, position',
      [conversionId],
    );
    const by = (model: string) => credits.filter((r) => r.model === model).map((r) => [r.person_id, r.weight_bp]);
    expect(by('first')).toEqual([[staff.personId, 10000], [a.personId, 0], [b.personId, 0]]);
    expect(by('last')).toEqual([[staff.personId, 0], [a.personId, 0], [b.personId, 10000]]);
    expect(by('linear')).toEqual([[staff.personId, 3334], [a.personId, 3333], [b.personId, 3333]]);
    expect(by('position')).toEqual([[staff.personId, 4000], [a.personId, 2000], [b.personId, 4000]]);

    // counters up the chain: B's node got the conversion, everyone above has it in their subtree
    expect((await nodeOf(t3)).conversions).toBe(1);
    expect((await nodeOf(t1)).subtree_conversions).toBe(1);
    expect((await nodeOf(t1)).subtree_visitors).toBe(3);
    // first touch and owner of C: the staff member at the root
    const [attribution] = await server.dataSource.query('SELECT * FROM person_attribution WHERE person_id = ?', [c.personId]);
    expect(attribution.owner_staff_id).toBe(staff.staffId);
    expect(attribution.first_node_id).toBe((await nodeOf(t3)).id);
  });

  it('protects an owned person inside the window, logs the decision, and yields after it', async () => {
    const first = await staffAs(server, 'owner-first', 'sales');
    const second = await staffAs(server, 'owner-second', 'sales');
    const t1 = await mint(server, first.token);
    const t2 = await mint(server, second.token);
    const p = await arrive(server, 'owned-prospect', t1);
    await drain(server);

    // arriving through a second chain keeps the first owner
    await server.http('POST', '/api/events', { events: [entryEvent(p.install, t2)] }, p.token);
    await drain(server);
    const ownerOf = async () => (await server.dataSource.query('SELECT owner_staff_id FROM person_attribution WHERE person_id = ?', [p.personId]))[0].owner_staff_id;
    expect(await ownerOf()).toBe(first.staffId);
    const decisions = await server.dataSource.query('SELECT decision, candidate_staff_id, previous_owner_staff_id, evidence_node_id FROM ownership_decisions WHERE person_id = ? ORDER BY created_at', [p.personId]);
    expect(decisions.map((d: { decision: string }) => d.decision)).toEqual(['assigned', 'kept']);
    expect(decisions[1]).toMatchObject({ candidate_staff_id: second.staffId, previous_owner_staff_id: first.staffId, evidence_node_id: (await nodeOf(t2)).id });

    // 31 days later the protection is over: the next share that brings them back moves them
    const later = await moveClock(server, { advanceMs: 31 * 86_400_000 });
    try {
      const again = await loginAs(server, 'owned-prospect'); // the old session has expired meanwhile
      const sent = await server.http('POST', '/api/events', { events: [entryEvent(p.install, t2, { at: later.toISOString() })] }, again.token);
      expect(sent.body.rejected).toEqual([]);
      await drain(server);
      expect(await ownerOf()).toBe(second.staffId);
    } finally {
      await moveClock(server, { at: null });
    }
  });

  it('does not count self-referrals, staff self-clicks, crawlers or repeated taps', async () => {
    const staff = await staffAs(server, 'fraud-staff', 'sales');
    const t1 = await mint(server, staff.token);
    const a = await arrive(server, 'fraud-a', t1);
    const t2 = await mint(server, a.token, t1);
    await drain(server);
    const colleague = await staffAs(server, 'fraud-colleague', 'sdr');
    const before = {
      visitors: Number((await nodeOf(t1)).subtree_visitors),
      persons: await count(server, 'SELECT COUNT(*) FROM persons'),
      decisions: await count(server, 'SELECT COUNT(*) FROM ownership_decisions'),
    };

    // A opens their own link; the staff member opens theirs; a colleague opens it too
    await server.http('POST', '/api/events', { events: [entryEvent(a.install, t2)] }, a.token);
    await server.http('POST', '/api/events', { events: [entryEvent(newInstall(), t1)] }, staff.token);
    await server.http('POST', '/api/events', { events: [entryEvent(newInstall(), t1)] }, colleague.token);
    // a link-preview crawler fetches both
    const crawler = await fetch(`${server.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (compatible; mpcrawler)' },
      body: JSON.stringify({ events: [entryEvent(newInstall(), t1), entryEvent(newInstall(), t2)] }),
    });
    expect(crawler.status).toBe(200);
    const prefetch = await fetch(`${server.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-purpose': 'prefetch' },
      body: JSON.stringify({ events: [entryEvent(newInstall(), t2)] }),
    });
    expect(prefetch.status).toBe(200);
    // A taps their link 10 times in a second again: still the one visitor they already were
    await server.http('POST', '/api/events', { events: Array.from({ length: 10 }, () => entryEvent(a.install, t1)) }, a.token);
    await drain(server);

    expect(Number((await nodeOf(t1)).subtree_visitors)).toBe(before.visitors);
    expect(await count(server, 'SELECT COUNT(*) FROM persons')).toBe(before.persons);
    expect(await count(server, 'SELECT COUNT(*) FROM ownership_decisions')).toBe(before.decisions);
    const reasons = await server.dataSource.query("SELECT discount, COUNT(*) AS n FROM events WHERE share_node_id IN (SELECT id FROM share_nodes WHERE token IN (?, ?)) AND discount IS NOT NULL GROUP BY discount", [t1, t2]);
    expect(Object.fromEntries(reasons.map((r: { discount: string; n: string }) => [r.discount, Number(r.n)]))).toEqual({ self_referral: 2, staff: 1, crawler: 2, prefetch: 1, repeat: 10 });
  });

  it('counts a new visitor once however often they tap', async () => {
    const staff = await staffAs(server, 'tap-staff', 'sales');
    const t1 = await mint(server, staff.token);
    const install = newInstall();
    await server.http('POST', '/api/events', { events: Array.from({ length: 10 }, () => entryEvent(install, t1)) });
    await drain(server);
    expect((await nodeOf(t1)).visitors).toBe(1);
  });

  it('counts a visitor who was counted anonymously and then signs in on the same phone once', async () => {
    const staff = await staffAs(server, 'signin-staff', 'sales');
    const t1 = await mint(server, staff.token);
    const install = newInstall();
    await server.http('POST', '/api/events', { events: [entryEvent(install, t1)] });
    await drain(server);
    expect((await nodeOf(t1)).visitors).toBe(1);

    const { body: minted } = await server.http('POST', '/sandbox/personas/signin-visitor/login-code');
    const login = await server.http('POST', '/api/auth/wechat/login', { code: minted.code, entry: { shareToken: t1, anonymousId: install } });
    await server.http('POST', '/api/events', { events: [entryEvent(install, t1)] }, login.body.token);
    await drain(server);
    expect((await nodeOf(t1)).visitors).toBe(1);
    expect((await nodeOf(t1)).subtree_visitors).toBe(1);
  });

  it('stores a resent batch once, and keeps the valid items of a partly malformed batch', async () => {
    const install = newInstall();
    const batch = Array.from({ length: 50 }, () => entryEvent(install));
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await server.http('POST', '/api/events', { events: batch }));
    expect(results.map((r) => r.body.duplicates)).toEqual([0, 50, 50]);
    expect(await count(server, 'SELECT COUNT(*) FROM events WHERE anonymous_id = ?', [install])).toBe(50);

    const mixedInstall = newInstall();
    const mixed: unknown[] = Array.from({ length: 50 }, () => entryEvent(mixedInstall));
    mixed[3] = { ...(mixed[3] as object), type: 'hack' };
    mixed[17] = 'not an event';
    mixed[42] = { ...(mixed[42] as object), at: 'yesterday' };
    const res = await server.http('POST', '/api/events', { events: mixed });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(47);
    expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([3, 17, 42]);
    expect(res.body.rejected[0].code).toBe('VALIDATION_FAILED');
    expect(await count(server, 'SELECT COUNT(*) FROM events WHERE anonymous_id = ?', [mixedInstall])).toBe(47);

    expect((await server.http('POST', '/api/events', { events: [] })).status).toBe(400);
    expect((await server.http('POST', '/api/events', { events: Array.from({ length: 51 }, () => entryEvent(install)) })).status).toBe(400);
  });

  it('answers bad ingest requests with the usual coded errors and request ids', async () => {
    const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${server.url}/api/events`, { method: 'POST', headers: { 'x-request-id': 'ingest-trace-0001', ...headers }, body });
    const broken = await post('{"events": [');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 'VALIDATION_FAILED', requestId: 'ingest-trace-0001' });
    expect(broken.headers.get('x-request-id')).toBe('ingest-trace-0001');
    expect(broken.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await post('events=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    const huge = await post(JSON.stringify({ events: [entryEvent(newInstall(), 'x'.repeat(300 * 1024))] }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    const noList = await post('{"events": "all of them"}');
    expect(((await noList.json()) as any).details.fields[0].path).toBe('events');
    // other methods on the path still reach the framework (and its 404)
    expect((await fetch(`${server.url}/api/events`)).status).toBe(404);
  });

  it('records unknown or forged tokens as direct traffic, never a 500', async () => {
    const install = newInstall();
    const res = await server.http('POST', '/api/events', { events: [entryEvent(install, 'AAAAAAAAAAAAAAAA'), entryEvent(install, "'; DROP TABLE--"), entryEvent(install, 'x'.repeat(64))] });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(3);
    const rows = await server.dataSource.query('SELECT share_node_id, discount FROM events WHERE anonymous_id = ?', [install]);
    expect(rows.every((r: { share_node_id: string | null; discount: string }) => r.share_node_id === null && r.discount === 'unknown_token')).toBe(true);

    const { token } = await loginAs(server, 'forger');
    const forgedParent = await server.http('POST', '/api/share/tokens', { ...HOME, parentToken: 'ZZZZZZZZZZZZZZZZ' }, token);
    expect(forgedParent.status).toBe(200);
    expect(forgedParent.body).toMatchObject({ depth: 0, parentToken: null });
  });

  it('joins a Moments single-page view to the person who then opens the app', async () => {
    const staff = await staffAs(server, 'moments-staff', 'marketer');
    const t1 = await mint(server, staff.token);
    const install = newInstall();
    await server.http('POST', '/api/events', { events: [entryEvent(install, t1, { launchScene: 1154, type: 'view' })] });
    await server.http('POST', '/api/events', { events: [entryEvent(install, t1, { launchScene: 1155 })] });
    const { body: minted } = await server.http('POST', '/sandbox/personas/moments-reader/login-code');
    const login = await server.http('POST', '/api/auth/wechat/login', { code: minted.code, entry: { anonymousId: install, launchScene: 1155 } });
    await drain(server);
    const personId = login.body.person.id;
    expect(await count(server, 'SELECT COUNT(*) FROM events WHERE anonymous_id = ? AND person_id = ?', [install, personId])).toBe(2);
    const [attribution] = await server.dataSource.query('SELECT first_node_id, owner_staff_id FROM person_attribution WHERE person_id = ?', [personId]);
    expect(attribution).toEqual({ first_node_id: (await nodeOf(t1)).id, owner_staff_id: staff.staffId });
  });

  it('draws the star-map of a content, collapsing what does not fit', async () => {
    const staff = await staffAs(server, 'map-staff', 'marketer');
    const content = { contentType: 'page', contentId: 'map-test' };
    const root = await mint(server, staff.token, undefined, content);
    let parent = root;
    for (let i = 0; i < 4; i++) {
      const p = await arrive(server, `map-p${i}`, parent);
      parent = await mint(server, p.token, parent, content);
    }
    for (let i = 0; i < 12; i++) {
      const leaf = await arrive(server, `map-leaf${i}`, root);
      await mint(server, leaf.token, root, content);
    }
    await drain(server);

    const full = await server.http('GET', `/api/share/star-map?contentType=page&contentId=map-test`, undefined, staff.token);
    expect(full.status).toBe(200);
    expect(full.body.totalNodes).toBe(17);
    expect(full.body.collapsed).toBe(false);
    const rootNode = full.body.nodes.find((n: { parentId: string | null }) => n.parentId === null);
    expect(rootNode).toMatchObject({ kind: 'staff', label: 'map-staff', subtreeNodes: 17, visitors: 13 });
    expect(Math.max(...full.body.nodes.map((n: { depth: number }) => n.depth))).toBe(4);
    expect(full.body.topSpreaders[0]).toMatchObject({ kind: 'staff', label: 'map-staff', visitors: 13 });

    const small = await server.http('GET', `/api/share/star-map?contentType=page&contentId=map-test&limit=10`, undefined, staff.token);
    expect(small.body.nodes.length).toBeLessThanOrEqual(10);
    expect(small.body.collapsed).toBe(true);
    const summary = small.body.nodes.find((n: { kind: string }) => n.kind === 'collapsed');
    const shownReal = small.body.nodes.filter((n: { kind: string }) => n.kind !== 'collapsed');
    const hidden = small.body.nodes.filter((n: { kind: string }) => n.kind === 'collapsed').reduce((s: number, n: { subtreeNodes: number }) => s + n.subtreeNodes, 0);
    expect(summary).toBeDefined();
    expect(shownReal.length + hidden).toBe(17);

    const sales = await staffAs(server, 'map-sales', 'sales');
    expect((await server.http('GET', `/api/share/star-map?contentType=page&contentId=map-test`, undefined, sales.token)).status).toBe(403);
    expect((await server.http('GET', `/api/share/star-map?contentType=nope&contentId=x`, undefined, staff.token)).status).toBe(400);

    const mine = await server.http('GET', '/api/share/mine', undefined, staff.token);
    expect(mine.body.items).toContainEqual({ ...content, title: null, shares: 1, visitors: 16, leads: 16, conversions: 0 });
  });

  it('names shared content by its title (never an id), and lists it for the star map to console roles only', async () => {
    const marketer = await staffAs(server, 'titles-marketer', 'marketer');
    const startAt = new Date(Date.now() + 86_400_000).toISOString();
    const endAt = new Date(Date.now() + 90_000_000).toISOString();
    const live = await server.http('POST', '/api/live', { title: '智能工厂排产实战', startAt, endAt, capacity: 10, priceFen: 0, watch: { kind: 'stream', url: 'https://live.example.com/a.m3u8' } }, marketer.token);
    expect(live.status).toBe(201);
    const card = await server.http('GET', '/api/cards/mine', undefined, marketer.token);
    const liveContent = { contentType: 'live', contentId: live.body.id };
    const cardContent = { contentType: 'card', contentId: card.body.id };
    const goneContent = { contentType: 'whitepaper', contentId: '01JGONECONTENT000000000000' };
    await mint(server, marketer.token, undefined, liveContent);
    await mint(server, marketer.token, undefined, cardContent);
    await mint(server, marketer.token);
    await mint(server, marketer.token, undefined, goneContent);
    await drain(server);

    const mine = await server.http('GET', '/api/share/mine', undefined, marketer.token);
    const titleOf = (items: { contentType: string; contentId: string; title: string | null }[], ref: { contentType: string; contentId: string }) =>
      items.find((i) => i.contentType === ref.contentType && i.contentId === ref.contentId)?.title;
    expect(titleOf(mine.body.items, liveContent)).toBe('智能工厂排产实战');
    expect(titleOf(mine.body.items, cardContent)).toBe('titles-marketer的名片');
    expect(titleOf(mine.body.items, HOME)).toBe('首页');
    expect(titleOf(mine.body.items, goneContent)).toBeNull();

    const listed = await server.http('GET', '/api/share/contents', undefined, marketer.token);
    expect(listed.status).toBe(200);
    // Most recently shared first; every item named (or null once deleted).
    expect(listed.body.items[0]).toEqual({ ...goneContent, title: null, shares: 1 });
    expect(titleOf(listed.body.items, liveContent)).toBe('智能工厂排产实战');
    expect(titleOf(listed.body.items, HOME)).toBe('首页');

    const sales = await staffAs(server, 'titles-sales', 'sales');
    expect((await server.http('GET', '/api/share/contents', undefined, sales.token)).status).toBe(403);
    expect((await server.http('GET', '/api/share/contents')).status).toBe(401);
  });

  it('lists shared content page by page, the latest share first, counting every share as it happens', async () => {
    const marketer = await staffAs(server, 'picker-marketer', 'marketer');
    const first = { contentType: 'whitepaper', contentId: '01JPICKERFIRST000000000000' };
    const second = { contentType: 'whitepaper', contentId: '01JPICKERSECOND00000000000' };
    await mint(server, marketer.token, undefined, first);
    await drain(server);
    await moveClock(server, { advanceMs: 60_000 });
    await mint(server, marketer.token, undefined, second);
    await drain(server);

    const readAll = async () => {
      const items: { contentType: string; contentId: string; shares: number }[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: typeof items; nextCursor: string | null } } = await server.http('GET', `/api/share/contents?limit=1${cursor ? `&cursor=${cursor}` : ''}`, undefined, marketer.token);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(1);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return items;
    };
    const at = (items: { contentType: string; contentId: string }[], ref: { contentType: string; contentId: string }) =>
      items.findIndex((i) => i.contentType === ref.contentType && i.contentId === ref.contentId);
    let items = await readAll();
    expect(at(items, second)).toBe(0);
    expect(at(items, first)).toBe(1);
    // page by page gives what one big page gives, each item once
    const whole = (await server.http('GET', '/api/share/contents?limit=100', undefined, marketer.token)).body.items;
    expect(items).toEqual(whole);

    // someone shares the first one onward, later: it comes first again, with both shares counted
    const firstToken = await mint(server, marketer.token, undefined, first);
    const reader = await arrive(server, 'picker-reader', firstToken);
    await moveClock(server, { advanceMs: 60_000 });
    await mint(server, reader.token, firstToken, first);
    await drain(server);
    items = await readAll();
    expect(items[0]).toMatchObject({ ...first, shares: 2 });
    expect(items[1]).toMatchObject({ ...second, shares: 1 });

    const forged = await server.http('GET', '/api/share/contents?cursor=WyJzdGFmZiIsIjAxSiJd', undefined, marketer.token);
    expect(forged.status).toBe(400);
    expect(forged.body.details.fields).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });

  it('manages channel codes whose QR carries c=', async () => {
    const marketer = await staffAs(server, 'channel-marketer', 'marketer');
    const created = await server.http('POST', '/api/channels', { code: 'expo2026', name: '2026 上海工博会', kind: 'offline_event', ownerStaffId: marketer.staffId }, marketer.token);
    expect(created.status).toBe(201);
    expect(created.body.path).toBe('pages/index/index?c=expo2026');
    expect((await server.http('POST', '/api/channels', { code: 'expo2026', name: 'dup', kind: 'ad' }, marketer.token)).body.code).toBe('CONFLICT');
    const list = await server.http('GET', '/api/channels', undefined, marketer.token);
    expect(list.body.items[0].code).toBe('expo2026');

    // a visitor through the channel becomes the channel owner's
    const install = newInstall();
    await server.http('POST', '/api/events', { events: [entryEvent(install, undefined, { channelCode: 'expo2026', launchScene: 1047 })] });
    const { body: minted } = await server.http('POST', '/sandbox/personas/expo-visitor/login-code');
    const login = await server.http('POST', '/api/auth/wechat/login', { code: minted.code, entry: { channelCode: 'expo2026', anonymousId: install } });
    const [attribution] = await server.dataSource.query('SELECT first_channel_id, owner_staff_id FROM person_attribution WHERE person_id = ?', [login.body.person.id]);
    expect(attribution).toEqual({ first_channel_id: created.body.id, owner_staff_id: marketer.staffId });
  });
});
