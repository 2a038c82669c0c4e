import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { clockOf } from './support/clock';
import { firstSignup, publishEvent } from './support/live';
import { count, drain, mint } from './support/share';
import { consent, publishedWhitepaper, requestDownload } from './support/whitepaper';

// a fresh database with every migration, under a shared machine's load, can take longer than Jest's default
jest.setTimeout(120_000);

/** Every table a merge moves rows of, with how to read one person's rows in a stable order. */
const PERSON_TABLES: [table: string, column: string, order: string][] = [
  ['persons', 'id', 'id'],
  ['person_identifiers', 'person_id', 'id'],
  ['events', 'person_id', 'id'],
  ['leads', 'person_id', 'person_id'],
  ['lead_stage_changes', 'person_id', 'id'],
  ['lead_feedback', 'person_id', 'id'],
  ['score_items', 'person_id', 'id'],
  ['person_tags', 'person_id', 'tag'],
  ['consents', 'person_id', 'id'],
  ['profile_changes', 'person_id', 'id'],
  ['live_signups', 'person_id', 'id'],
  ['subscription_grants', 'person_id', 'id'],
  ['live_reminders', 'person_id', 'id'],
  ['live_attendance', 'person_id', 'event_id'],
  ['payment_orders', 'person_id', 'id'],
  ['whitepaper_downloads', 'person_id', 'id'],
  ['card_views', 'person_id', 'id'],
  ['card_visitors', 'person_id', 'card_id'],
  ['card_contact_requests', 'person_id', 'id'],
  ['home_contact_requests', 'person_id', 'id'],
  ['person_attribution', 'person_id', 'person_id'],
  ['conversions', 'person_id', 'id'],
  ['conversion_credits', 'person_id', 'conversion_id, model, position'],
  ['ownership_decisions', 'person_id', 'id'],
  ['share_spreaders', 'person_id', 'content_type, content_id'],
  ['share_nodes', 'sharer_person_id', 'id'],
  ['card_signals', 'person_id', 'id'],
];

describe('person merges: on phone, email and CRM id, reversible', () => {
  let server: TestServer;
  let admin: { token: string; personId: string; staffId: string };
  let marketer: { token: string; personId: string; staffId: string };
  let eventA: string;
  let eventB: string;
  let paperId: string;
  let cardId: string;
  let phoneSeq = 0;

  const phoneCode = async (persona: string, phone: string) => (await server.http('POST', `/sandbox/personas/${persona}/phone-code`, { phone })).body.code;
  const bindPhone = async (persona: string, token: string, phone: string) => server.http('POST', '/api/me/phone', { code: await phoneCode(persona, phone) }, token);
  const nextPhone = () => `1390000${String(++phoneSeq).padStart(4, '0')}`;
  const exportOf = async (token: string) => {
    const res = await server.http('GET', '/api/me/export', undefined, token);
    expect(res.status).toBe(200);
    const { exportedAt: _, ...rest } = res.body;
    return rest;
  };
  /** The raw rows of every moved table for these people, as the database holds them. */
  const rowsOf = async (ids: string[]) => {
    const rows: Record<string, unknown> = {};
    for (const [table, column, order] of PERSON_TABLES) {
      rows[table] = await server.dataSource.query(`SELECT * FROM ${table} WHERE ${column} IN (?, ?) ORDER BY ${order}`, ids);
    }
    rows.events_by_source = await server.dataSource.query('SELECT id, source_key FROM events WHERE source_key IN (?, ?) ORDER BY id', ids.map((id) => `p:${id}`));
    return JSON.parse(JSON.stringify(rows));
  };
  const mergesOf = (survivor: string, merged: string) => server.dataSource.query('SELECT * FROM person_merges WHERE survivor_id = ? AND merged_id = ?', [survivor, merged]);

  beforeAll(async () => {
    server = await startTestServer('merge');
    admin = await staffAs(server, 'merge-admin', 'admin');
    marketer = await staffAs(server, 'merge-marketer', 'marketer');
    eventA = (await publishEvent(server, marketer.token, { title: '智能制造峰会' })).id;
    eventB = (await publishEvent(server, marketer.token, { title: '工业互联网沙龙' })).id;
    paperId = await publishedWhitepaper(server, marketer.token, 'name,company,email');
    const owner = await staffAs(server, 'merge-card-owner', 'sales');
    cardId = (await server.http('PUT', '/api/cards/mine', { name: '周全' }, owner.token)).body.id;
  });
  afterAll(() => server.close());

  it('merges on phone: the survivor sees everything, and unmerge restores both records exactly', async () => {
    const phone = nextPhone();
    // the survivor: signs up for event A, binds the phone first
    const a = await loginAs(server, 'merge-a');
    expect((await server.http('POST', `/api/live/${eventA}/signups`, firstSignup('王敏'), a.token)).status).toBe(200);
    expect((await bindPhone('merge-a', a.token, phone)).body.mergedFrom).toBeNull();
    // the same human on another WeChat: signs up for both events (A collides), downloads, corrects a field
    const b = await loginAs(server, 'merge-b');
    expect((await server.http('POST', `/api/live/${eventA}/signups`, firstSignup('王敏'), b.token)).status).toBe(200);
    expect((await server.http('POST', `/api/live/${eventB}/signups`, firstSignup('王敏'), b.token)).status).toBe(200);
    const download = await requestDownload(server, b.token, paperId, { gate: { profile: { name: '王敏', company: '星河制造', email: 'wangmin.b@example.com' }, consent: consent() } });
    expect(download.status).toBe(201);
    expect((await server.http('PUT', '/api/me/profile', { title: '采购经理' }, b.token)).status).toBe(200);
    // both visited the same salesperson's card (one visitor row each), and the second one shared the home page
    expect((await server.http('GET', `/api/cards/${cardId}`, undefined, a.token)).status).toBe(200);
    expect((await server.http('GET', `/api/cards/${cardId}`, undefined, b.token)).status).toBe(200);
    await mint(server, b.token);
    await drain(server);

    const beforeA = await exportOf(a.token);
    const beforeB = await exportOf(b.token);
    const beforeRows = await rowsOf([a.personId, b.personId]);
    expect(beforeB.sections.liveEvents.signups).toHaveLength(2);
    expect(beforeA.lead).not.toBeNull();
    expect(beforeB.lead).not.toBeNull();

    const merged = await bindPhone('merge-b', b.token, phone);
    expect(merged.status).toBe(200);
    expect(merged.body.mergedFrom).toBe(b.personId);
    expect(merged.body.session.person.id).toBe(a.personId);
    const [merge] = await mergesOf(a.personId, b.personId);
    expect(merge.matched_kind).toBe('phone');

    // the survivor's 我的 export holds both records' data
    const after = await exportOf(a.token);
    expect(after.activity.events).toBe(beforeA.activity.events + beforeB.activity.events);
    expect(after.lead.activityCount).toBe(beforeA.lead.activityCount + beforeB.lead.activityCount);
    expect(after.person).toMatchObject({ name: '王敏', company: '星河制造', title: '采购经理', email: 'wangmin.b@example.com' });
    expect(after.consents).toHaveLength(beforeA.consents.length + beforeB.consents.length);
    // event A: the survivor's own sign-up stands (the merged one stays with the merged record); event B moved
    expect(after.sections.liveEvents.signups.map((s: { eventId: string }) => s.eventId).sort()).toEqual([eventA, eventB].sort());
    expect(after.sections.whitepaperDownloads).toHaveLength(1);
    expect(after.sections.profileChanges).toEqual(beforeB.sections.profileChanges);
    expect(after.identifiers.filter((i: { kind: string }) => i.kind === 'openid')).toHaveLength(2);
    expect(after.sections.cardVisits.cards).toEqual([expect.objectContaining({ cardId, views: 2 })]);
    expect(await count(server, 'SELECT COUNT(*) FROM share_nodes WHERE sharer_person_id = ?', [a.personId])).toBe(1);
    expect(await count(server, "SELECT COUNT(*) FROM person_merge_journal WHERE merge_id = ? AND op = 'kept' AND table_name = 'live_signups'", [merge.id])).toBe(1);
    // the merged record's session acts as the survivor; its WeChat signs in as the survivor
    expect((await server.http('GET', '/api/me', undefined, b.token)).body.person.id).toBe(a.personId);
    expect((await loginAs(server, 'merge-b')).personId).toBe(a.personId);

    // the admin sees it: names, evidence, counts; and undoes it
    const list = await server.http('GET', '/api/persons/merges?limit=10', undefined, admin.token);
    const item = list.body.items.find((m: { id: string }) => m.id === merge.id);
    expect(item).toMatchObject({ survivor: { displayName: '王敏' }, merged: { displayName: '王敏' }, matchedKind: 'phone', revertedAt: null });
    expect(item.moved).toMatchObject({ signups: 1, downloads: 1, lead: 1, profileChanges: 1 });
    expect(JSON.stringify(list.body)).not.toContain(a.personId);
    expect((await server.http('GET', `/api/persons/merges/${merge.id}`, undefined, admin.token)).body.blockers).toEqual([]);
    expect((await server.http('POST', `/api/persons/merges/${merge.id}/unmerge`, undefined, marketer.token)).status).toBe(403);
    const undone = await server.http('POST', `/api/persons/merges/${merge.id}/unmerge`, undefined, admin.token);
    expect(undone.status).toBe(200);
    expect(undone.body.unmerged).toBe(true);

    // both records exactly as before: exports, raw rows, sessions, sign-ins
    expect(await exportOf(a.token)).toEqual(beforeA);
    expect(await exportOf(b.token)).toEqual(beforeB);
    expect(await rowsOf([a.personId, b.personId])).toEqual(beforeRows);
    expect((await server.http('GET', '/api/me', undefined, b.token)).body.person.id).toBe(b.personId);
    expect((await loginAs(server, 'merge-b')).personId).toBe(b.personId);
    expect((await loginAs(server, 'merge-a')).personId).toBe(a.personId);

    const again = await server.http('POST', `/api/persons/merges/${merge.id}/unmerge`, undefined, admin.token);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('UNMERGE_NOT_EXACT');
    expect(again.body.details.blockers).toEqual([{ module: 'identity', table: 'persons', reason: 'already_reverted', rows: 1 }]);
    // the admin's decision stands: the same phone, bound again, does not merge them again
    expect((await bindPhone('merge-b', b.token, phone)).body.mergedFrom).toBeNull();
    expect(await mergesOf(a.personId, b.personId)).toHaveLength(1);
  });

  it('merges on email (normalised, stored only as a hash) and unmerges exactly', async () => {
    const c = await loginAs(server, 'merge-c');
    const d = await loginAs(server, 'merge-d');
    expect((await requestDownload(server, c.token, paperId, { gate: { profile: { name: '李娜', company: '远山科技', email: 'li.na@example.com' }, consent: consent() } })).status).toBe(201);
    expect((await server.http('POST', `/api/live/${eventB}/signups`, firstSignup('李娜'), d.token)).status).toBe(200);
    await drain(server);
    const beforeC = await exportOf(c.token);
    const beforeD = await exportOf(d.token);
    const beforeRows = await rowsOf([c.personId, d.personId]);

    // the same address, typed differently, on the other record: it is the same human
    const edited = await server.http('PATCH', '/api/me', { email: 'Li.Na@Example.COM' }, d.token);
    expect(edited.status).toBe(200);
    expect(edited.body.person.id).toBe(c.personId);
    const [merge] = await mergesOf(c.personId, d.personId);
    expect(merge.matched_kind).toBe('email');
    const identifiers = await server.dataSource.query("SELECT value FROM person_identifiers WHERE kind = 'email'");
    expect(JSON.stringify(identifiers).toLowerCase()).not.toContain('example.com');
    const after = await exportOf(c.token);
    expect(after.sections.whitepaperDownloads).toHaveLength(1);
    expect(after.sections.liveEvents.signups.map((s: { eventId: string }) => s.eventId)).toEqual([eventB]);
    // the edit itself is one more activity (profile_update), recorded on its record before the merge
    expect(after.activity.events).toBe(beforeC.activity.events + beforeD.activity.events + 1);

    expect((await server.http('POST', `/api/persons/merges/${merge.id}/unmerge`, undefined, admin.token)).status).toBe(200);
    expect(await exportOf(c.token)).toEqual(beforeC);
    // the merged record keeps the address it typed, normalised, and the activity of typing it (both its own, before the merge)
    // (its edit also joins it, in the background, to the account that holds the email's domain: that may or may not have happened yet)
    const afterD = await exportOf(d.token);
    expect([null, ...(await server.dataSource.query('SELECT name FROM accounts')).map((a: { name: string }) => a.name)]).toContain(afterD.sections.leadProfile.account);
    afterD.sections.leadProfile.account = beforeD.sections.leadProfile.account;
    expect(afterD).toEqual({ ...beforeD, person: { ...beforeD.person, email: 'li.na@example.com' }, activity: { ...beforeD.activity, events: beforeD.activity.events + 1 } });
    const rows = await rowsOf([c.personId, d.personId]);
    const dRow = rows.persons.find((p: { id: string }) => p.id === d.personId);
    expect(dRow.email).toBe('li.na@example.com');
    const beforeDRow = beforeRows.persons.find((p: { id: string }) => p.id === d.personId);
    Object.assign(dRow, { email: beforeDRow.email, updated_at: beforeDRow.updated_at, account_id: beforeDRow.account_id });
    // d's own edit added its profile_update activity and re-scored its lead before the merge: set those aside
    const edit = rows.events.find((e: { id: string; type: string }) => e.type === 'profile_update' && !beforeRows.events.some((b: { id: string }) => b.id === e.id)).id;
    const withoutEdit = (tables: Record<string, Record<string, unknown>[]>) =>
      Object.fromEntries(Object.entries(tables).map(([table, list]) => [table, list.filter((r) => !Object.values(r).includes(edit)).map(({ scored_at: _, ...r }) => r)]));
    expect(withoutEdit(rows)).toEqual(withoutEdit(beforeRows));
  });

  it('merges on an email typed in a gated form, off the request path', async () => {
    const e = await loginAs(server, 'merge-e1');
    const f = await loginAs(server, 'merge-f1');
    expect((await requestDownload(server, e.token, paperId, { gate: { profile: { name: '陈晨', company: '青禾', email: 'chen.chen@example.org' }, consent: consent() } })).status).toBe(201);
    await drain(server);
    expect((await requestDownload(server, f.token, paperId, { gate: { profile: { name: '陈晨', company: '青禾', email: 'CHEN.chen@example.org' }, consent: consent() } })).status).toBe(201);
    await drain(server);
    const [merge] = await mergesOf(e.personId, f.personId);
    expect(merge.matched_kind).toBe('email');
    expect((await exportOf(e.token)).sections.whitepaperDownloads).toHaveLength(2);
    // delivered again (a replay of the stream) changes nothing
    await drain(server);
    expect(await count(server, 'SELECT COUNT(*) FROM person_merges WHERE merged_id = ?', [f.personId])).toBe(1);
  });

  it('merges on a CRM id; a replayed attach makes no second merge; a staff person is never merged', async () => {
    const e = await loginAs(server, 'merge-e');
    const f = await loginAs(server, 'merge-f');
    const attach = (personId: string, externalId: string) => server.http('POST', `/api/persons/${personId}/crm-ids`, { system: 'salesforce', externalId }, admin.token);
    expect((await attach(e.personId, 'SF-0001')).body).toEqual({ mergeId: null });
    const merged = await attach(f.personId, 'SF-0001');
    expect(merged.status).toBe(200);
    expect(merged.body.mergeId).toEqual(expect.any(String));
    const [merge] = await mergesOf(e.personId, f.personId);
    expect(merge).toMatchObject({ id: merged.body.mergeId, matched_kind: 'crm' });
    // replayed: the merged record is the survivor now; nothing new
    expect((await attach(f.personId, 'SF-0001')).body).toEqual({ mergeId: null });
    expect(await count(server, 'SELECT COUNT(*) FROM person_merges WHERE merged_id = ?', [f.personId])).toBe(1);
    expect((await attach(e.personId, 'bad id with spaces')).status).toBe(400);

    // a prospect binding a staff member's phone, and a staff member binding a prospect's: refused, listed, nothing merged
    const staffPhone = nextPhone();
    const sales = await staffAs(server, 'merge-sales', 'sales');
    expect((await bindPhone('merge-sales', sales.token, staffPhone)).status).toBe(200);
    const g = await loginAs(server, 'merge-g');
    const refused = await bindPhone('merge-g', g.token, staffPhone);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IDENTIFIER_BELONGS_TO_STAFF');
    const prospectPhone = nextPhone();
    expect((await bindPhone('merge-g', g.token, prospectPhone)).body.mergedFrom).toBeNull();
    const staffSide = await bindPhone('merge-sales', sales.token, prospectPhone);
    expect(staffSide.body.code).toBe('IDENTIFIER_BELONGS_TO_STAFF');
    // a replayed refusal is listed once
    expect((await bindPhone('merge-g', g.token, staffPhone)).body.code).toBe('IDENTIFIER_BELONGS_TO_STAFF');
    expect(await count(server, 'SELECT COUNT(*) FROM person_merges WHERE merged_id IN (?, ?) OR survivor_id IN (?, ?)', [g.personId, sales.personId, g.personId, sales.personId])).toBe(0);
    const conflicts = await server.http('GET', '/api/persons/identifier-conflicts', undefined, admin.token);
    const mine = conflicts.body.items.filter((c: { staff: { name: string } }) => c.staff.name === 'merge-sales');
    expect(mine.map((c: { boundBy: string; kind: string }) => [c.kind, c.boundBy]).sort()).toEqual([
      ['phone', 'other'],
      ['phone', 'staff'],
    ]);
    expect(JSON.stringify(conflicts.body)).not.toContain(staffPhone.slice(3));
    expect((await server.http('POST', `/api/persons/identifier-conflicts/${mine[0].id}/resolve`, undefined, admin.token)).body).toEqual({ resolved: true });
    expect((await server.http('POST', `/api/persons/identifier-conflicts/${mine[0].id}/resolve`, undefined, admin.token)).body.code).toBe('IDENTIFIER_CONFLICT_NOT_FOUND');
    // the staff member's session is untouched
    expect((await server.http('GET', '/api/me', undefined, sales.token)).body.staff).toMatchObject({ role: 'sales' });
  });

  it('refuses to undo a merge a later one builds on, until that one is undone; sessions follow the chain', async () => {
    const [p1, p2, p3] = [await loginAs(server, 'merge-chain-1'), await loginAs(server, 'merge-chain-2'), await loginAs(server, 'merge-chain-3')];
    const attach = (personId: string, externalId: string) => server.http('POST', `/api/persons/${personId}/crm-ids`, { system: 'hubspot', externalId }, admin.token);
    await attach(p2.personId, 'HS-1');
    const first = (await attach(p1.personId, 'HS-1')).body.mergeId;
    await attach(p3.personId, 'HS-2');
    const second = (await attach(p2.personId, 'HS-2')).body.mergeId;
    expect((await server.http('GET', '/api/me', undefined, p1.token)).body.person.id).toBe(p3.personId);

    const refused = await server.http('POST', `/api/persons/merges/${first}/unmerge`, undefined, admin.token);
    expect(refused.status).toBe(409);
    expect(refused.body.details.blockers).toContainEqual({ module: 'identity', table: 'person_merges', reason: 'later_merge', rows: 1 });
    expect((await server.http('POST', `/api/persons/merges/${second}/unmerge`, undefined, admin.token)).status).toBe(200);
    expect((await server.http('POST', `/api/persons/merges/${first}/unmerge`, undefined, admin.token)).status).toBe(200);
    for (const p of [p1, p2, p3]) expect((await server.http('GET', '/api/me', undefined, p.token)).body.person.id).toBe(p.personId);
    expect((await server.http('POST', '/api/persons/merges/01ARZ3NDEKTSV4RRFFQ69G5FAV/unmerge', undefined, admin.token)).body.code).toBe('MERGE_NOT_FOUND');
  });

  it('a double-tapped phone bind merges once and creates no second person', async () => {
    const phone = nextPhone();
    const h = await loginAs(server, 'merge-h');
    await bindPhone('merge-h', h.token, phone);
    const i = await loginAs(server, 'merge-i');
    const [c1, c2] = [await phoneCode('merge-i', phone), await phoneCode('merge-i', phone)];
    const persons = await count(server, 'SELECT COUNT(*) FROM persons');
    const taps = await Promise.all([c1, c2].map((code) => server.http('POST', '/api/me/phone', { code }, i.token)));
    expect(taps.map((t) => t.status)).toEqual([200, 200]);
    expect(await count(server, 'SELECT COUNT(*) FROM person_merges WHERE merged_id = ?', [i.personId])).toBe(1);
    expect(await count(server, 'SELECT COUNT(*) FROM persons')).toBe(persons);
  });

  it('refuses an unmerge that cannot be exact: a combined lead changed, or a person erased', async () => {
    const phone = nextPhone();
    const j = await loginAs(server, 'merge-j');
    const k = await loginAs(server, 'merge-k');
    expect((await server.http('POST', `/api/live/${eventA}/signups`, firstSignup('赵磊'), j.token)).status).toBe(200);
    expect((await server.http('POST', `/api/live/${eventB}/signups`, firstSignup('赵磊'), k.token)).status).toBe(200);
    await drain(server);
    await bindPhone('merge-j', j.token, phone);
    await bindPhone('merge-k', k.token, phone);
    const [merge] = await mergesOf(j.personId, k.personId);

    // the survivor acts again: the combined lead moves on, so an unmerge could not split it back
    expect((await requestDownload(server, j.token, paperId, { gate: { profile: { company: '山海软件', email: 'zhaolei@example.com' }, consent: consent() } })).status).toBe(201);
    await drain(server);
    const refused = await server.http('POST', `/api/persons/merges/${merge.id}/unmerge`, undefined, admin.token);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('UNMERGE_NOT_EXACT');
    expect(refused.body.details.blockers).toContainEqual({ module: 'leads', table: 'leads', reason: 'row_changed', rows: 1 });
    // nothing was undone
    expect((await server.http('GET', '/api/me', undefined, k.token)).body.person.id).toBe(j.personId);

    // an erased survivor takes the merged record with it: refused for that too
    expect((await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, j.token)).status).toBe(200);
    const detail = await server.http('GET', `/api/persons/merges/${merge.id}`, undefined, admin.token);
    expect(detail.body.blockers).toContainEqual({ module: 'identity', table: 'persons', reason: 'person_erased', rows: 2 });
    expect(detail.body.survivor.displayName).toBe('已删除数据的用户');
  });

  it('pools watch minutes of one live both records watched, and gives each its own back', async () => {
    const started = (await publishEvent(server, marketer.token, { title: '排产实战直播', startAt: new Date(Date.now() - 5 * 60_000).toISOString(), endAt: new Date(Date.now() + 55 * 60_000).toISOString() })).id;
    const phone = nextPhone();
    const m = await loginAs(server, 'merge-watch-a');
    const n = await loginAs(server, 'merge-watch-b');
    const watch = (token: string, kind: string) => server.http('POST', `/api/live/${started}/attendance`, { kind, sessionId: 'merge-watch-session' }, token);
    for (const p of [m, n]) expect((await server.http('POST', `/api/live/${started}/signups`, firstSignup('孙婷'), p.token)).status).toBe(200);
    expect((await watch(m.token, 'join')).status).toBe(200);
    expect((await watch(n.token, 'join')).status).toBe(200);
    clockOf(server.app).advance(60_000);
    expect((await watch(n.token, 'heartbeat')).body.watchMinutes).toBe(2);
    await drain(server);
    const attendance = () => server.dataSource.query('SELECT person_id, minutes, first_at, last_at FROM live_attendance WHERE event_id = ? ORDER BY person_id', [started]);
    const before = JSON.parse(JSON.stringify(await attendance()));

    await bindPhone('merge-watch-a', m.token, phone);
    await bindPhone('merge-watch-b', n.token, phone);
    const [merge] = await mergesOf(m.personId, n.personId);
    // the minute both watched counts once; the other minute joins the survivor's
    expect(await attendance()).toEqual([expect.objectContaining({ person_id: m.personId, minutes: 2 })]);
    expect((await exportOf(m.token)).sections.liveEvents.watchMinutes).toEqual([expect.objectContaining({ eventId: started, minutes: 2 })]);

    expect((await server.http('POST', `/api/persons/merges/${merge.id}/unmerge`, undefined, admin.token)).status).toBe(200);
    expect(JSON.parse(JSON.stringify(await attendance()))).toEqual(before);
  });
});
