import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { arrive, count, drain, mint } from './support/share';
import { consent, newRequestId } from './support/whitepaper';


// a fresh database with every migration, under a shared machine's load, can take longer than Jest's default
jest.setTimeout(60_000);

/** Team management: a leaver is disabled and everything they own goes to a colleague, in one logged step. */
describe('team: role changes, disabling, hand-over', () => {
  let server: TestServer;
  let admin: { token: string; personId: string; staffId: string };

  const ownerOf = async (personId: string) => (await server.dataSource.query('SELECT owner_staff_id FROM person_attribution WHERE person_id = ?', [personId]))[0]?.owner_staff_id ?? null;

  async function prospectWithPhone(persona: string, phone: string) {
    const person = await loginAs(server, persona);
    const { body: code } = await server.http('POST', `/sandbox/personas/${persona}/phone-code`, { phone });
    await server.http('POST', '/api/me/phone', { code: code.code }, person.token);
    return person;
  }

  beforeAll(async () => {
    server = await startTestServer('team');
    admin = await staffAs(server, 'team-admin', 'admin');
  });
  afterAll(() => server.close());

  it('hands a disabled salesperson’s prospects, card visitors and contact requests to the new owner, logged with who did it', async () => {
    const leaver = await staffAs(server, 'team-leaver', 'sales');
    const receiver = await staffAs(server, 'team-receiver', 'sales');
    const token = await mint(server, leaver.token);
    const prospects = [];
    for (const persona of ['team-p1', 'team-p2', 'team-p3']) prospects.push(await arrive(server, persona, token));
    await drain(server);
    for (const p of prospects) expect(await ownerOf(p.personId)).toBe(leaver.staffId);

    // one of them views the leaver's card and asks to be contacted; another views both cards
    const card = (await server.http('GET', '/api/cards/mine', undefined, leaver.token)).body;
    const receiverCard = (await server.http('GET', '/api/cards/mine', undefined, receiver.token)).body;
    const caller = await prospectWithPhone('team-caller', '13800138001');
    await server.http('GET', `/api/cards/${card.id}`, undefined, caller.token);
    const asked = await server.http('POST', `/api/cards/${card.id}/contact-requests`, { requestId: newRequestId(), gate: { profile: { name: '孙立' }, consent: consent() } }, caller.token);
    expect(asked.status).toBe(201);
    await server.http('GET', `/api/cards/${card.id}`, undefined, prospects[0].token);
    await server.http('GET', `/api/cards/${receiverCard.id}`, undefined, prospects[0].token);
    await drain(server);
    const owned = await count(server, 'SELECT COUNT(*) FROM person_attribution WHERE owner_staff_id = ?', [leaver.staffId]);
    expect(owned).toBeGreaterThanOrEqual(3);

    const handed = await server.http('POST', `/api/staff/${leaver.staffId}/handover`, { toStaffId: receiver.staffId }, admin.token);
    expect(handed.status).toBe(201);
    expect(handed.body).toMatchObject({
      from: { id: leaver.staffId, name: 'team-leaver' },
      to: { id: receiver.staffId, name: 'team-receiver' },
      by: { id: admin.staffId, name: 'team-admin' },
      disabled: true,
      counts: { prospects: owned, cardVisitors: 2, contactRequests: 1 },
    });

    // every prospect the leaver owned now belongs to the receiver; the leaver owns none
    for (const p of prospects) expect(await ownerOf(p.personId)).toBe(receiver.staffId);
    expect(await count(server, 'SELECT COUNT(*) FROM person_attribution WHERE owner_staff_id = ?', [leaver.staffId])).toBe(0);
    // the receiver's card now lists the leaver's visitors (one row per person) and the contact request
    const visitors = (await server.http('GET', '/api/cards/mine/visitors', undefined, receiver.token)).body.items;
    expect(visitors).toHaveLength(2);
    expect(await count(server, 'SELECT COUNT(*) FROM card_contact_requests WHERE card_id = ?', [receiverCard.id])).toBe(1);
    expect(await count(server, 'SELECT COUNT(*) FROM card_visitors WHERE card_id = ?', [card.id])).toBe(0);

    // the leaver is out at once, and the log says who did what
    const out = await server.http('GET', '/api/cards/mine', undefined, leaver.token);
    expect(out.body.code).toBe('STAFF_DISABLED');
    const log = await server.http('GET', '/api/staff/handovers', undefined, admin.token);
    expect(log.body.items[0]).toMatchObject({ id: handed.body.id, by: { id: admin.staffId }, from: { id: leaver.staffId }, to: { id: receiver.staffId }, counts: handed.body.counts });
    expect(await count(server, 'SELECT COUNT(*) FROM staff_handovers WHERE by_staff_id = ? AND from_staff_id = ?', [admin.staffId, leaver.staffId])).toBe(1);
  });

  it('refuses to hand over to oneself, to a disabled member or to no one, changing nothing', async () => {
    const a = await staffAs(server, 'team-a', 'sales');
    const gone = await staffAs(server, 'team-gone', 'sales');
    await server.http('PATCH', `/api/staff/${gone.staffId}`, { status: 'disabled' }, admin.token);
    for (const [toStaffId, reason] of [
      [a.staffId, 'same_member'],
      [gone.staffId, 'receiver_disabled'],
      ['01JZZZZZZZZZZZZZZZZZZZZZZZ', 'receiver_unknown'],
    ]) {
      const res = await server.http('POST', `/api/staff/${a.staffId}/handover`, { toStaffId }, admin.token);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'STAFF_HANDOVER_INVALID', details: { reason } });
    }
    expect((await server.http('GET', '/api/staff', undefined, admin.token)).body.items.find((s: { id: string }) => s.id === a.staffId).status).toBe('active');
    // only admins may hand over
    expect((await server.http('POST', `/api/staff/${gone.staffId}/handover`, { toStaffId: a.staffId }, a.token)).status).toBe(403);
  });

  it('refuses to disable or demote the last admin, with its code, and lets a second admin step down', async () => {
    const colleague = await staffAs(server, 'team-colleague', 'marketer');
    const demote = await server.http('PATCH', `/api/staff/${admin.staffId}`, { role: 'marketer' }, admin.token);
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('STAFF_LAST_ADMIN');
    const leave = await server.http('POST', `/api/staff/${admin.staffId}/handover`, { toStaffId: colleague.staffId }, admin.token);
    expect(leave.body.code).toBe('STAFF_LAST_ADMIN');
    expect(await count(server, "SELECT COUNT(*) FROM staff WHERE role = 'admin' AND status = 'active'")).toBe(1);

    // with a second admin, both trying to remove each other at once leaves one admin
    const second = await staffAs(server, 'team-admin-2', 'admin');
    const results = await Promise.all([
      server.http('PATCH', `/api/staff/${second.staffId}`, { status: 'disabled' }, admin.token),
      server.http('PATCH', `/api/staff/${admin.staffId}`, { status: 'disabled' }, second.token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
    expect(await count(server, "SELECT COUNT(*) FROM staff WHERE role = 'admin' AND status = 'active'")).toBe(1);
  });

  it('offers every active member to take over (status=active, page by page) and reads the hand-over log a page at a time, newest first', async () => {
    // the admins of the test before raced to disable each other: whichever won, this one is active
    const boss = await staffAs(server, 'team-page-admin', 'admin');
    const leavers = [];
    for (const name of ['team-page-1', 'team-page-2', 'team-page-3']) leavers.push(await staffAs(server, name, 'sales'));
    const taker = await staffAs(server, 'team-page-taker', 'sales');
    const handed = [];
    for (const leaver of leavers) handed.push((await server.http('POST', `/api/staff/${leaver.staffId}/handover`, { toStaffId: taker.staffId }, boss.token)).body.id);

    // every page of active members, two at a time: nobody disabled, nobody twice, everyone active
    const readAll = async (path: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: { id: string; status?: string }[]; nextCursor: string | null } } = await server.http('GET', `${path}${cursor ? `&cursor=${cursor}` : ''}`, undefined, boss.token);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        for (const item of page.body.items) if (item.status) expect(item.status).toBe('active');
        ids.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return ids;
    };
    const active = await readAll('/api/staff?status=active&limit=2');
    const expected: { id: string }[] = await server.dataSource.query("SELECT id FROM staff WHERE status = 'active' ORDER BY id");
    expect(active).toEqual(expected.map((r) => r.id));
    expect(active).toContain(taker.staffId);
    for (const leaver of leavers) expect(active).not.toContain(leaver.staffId);

    // the log: newest first, two a page, every hand-over once
    const log = await readAll('/api/staff/handovers?limit=2');
    expect(log.slice(0, 3)).toEqual([...handed].reverse());
    expect(log).toHaveLength(await count(server, 'SELECT COUNT(*) FROM staff_handovers'));
    expect(new Set(log).size).toBe(log.length);

    // a cursor of another list, or one made up, is refused on `cursor`; an unknown status too
    const staffCursor = (await server.http('GET', '/api/staff?limit=1', undefined, boss.token)).body.nextCursor;
    for (const cursor of [staffCursor, 'bm90LWEtY3Vyc29y']) {
      const res = await server.http('GET', `/api/staff/handovers?cursor=${cursor}`, undefined, boss.token);
      expect(res.status).toBe(400);
      expect(res.body.details.fields).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    }
    expect((await server.http('GET', '/api/staff?status=gone', undefined, boss.token)).status).toBe(400);
    expect((await server.http('GET', '/api/staff/handovers', undefined, taker.token)).status).toBe(403);
  });
});
