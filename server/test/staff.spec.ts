import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { clockOf } from './support/clock';
import { decodeQr, pngOfDataUrl as pngOf } from './support/qr';

describe('staff: invites, roles and console scan-login', () => {
  let server: TestServer;
  let admin: { token: string; personId: string; staffId: string };

  beforeAll(async () => {
    server = await startTestServer('staff');
    admin = await staffAs(server, 'admin-wang', 'admin');
  });
  afterAll(async () => {
    await server.close();
  });

  it('binds a new staff member through a one-time invite whose QR carries the invite', async () => {
    const created = await server.http('POST', '/api/staff/invites', { name: '李销售', role: 'sales' }, admin.token);
    expect(created.status).toBe(201);
    expect(decodeQr(pngOf(created.body.qrDataUrl))).toBe(created.body.token);
    expect(created.body.path).toBe(`packages/staff/pages/invite/index?scene=${created.body.token}`);

    const newcomer = await loginAs(server, 'li-sales');
    const preview = await server.http('POST', '/api/staff/invites/preview', { token: created.body.token }, newcomer.token);
    expect(preview.body).toMatchObject({ name: '李销售', role: 'sales', status: 'pending' });

    const accepted = await server.http('POST', '/api/staff/invites/accept', { token: created.body.token }, newcomer.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.staff).toMatchObject({ name: '李销售', role: 'sales' });
    const me = await server.http('GET', '/api/me', undefined, accepted.body.token);
    expect(me.body.staff.role).toBe('sales');

    // a retried accept by the same person is harmless; anyone else is refused
    expect((await server.http('POST', '/api/staff/invites/accept', { token: created.body.token }, newcomer.token)).status).toBe(200);
    const intruder = await loginAs(server, 'intruder');
    const stolen = await server.http('POST', '/api/staff/invites/accept', { token: created.body.token }, intruder.token);
    expect(stolen.status).toBe(409);
    expect(stolen.body.code).toBe('INVITE_USED');
    expect((await server.http('GET', '/api/me', undefined, intruder.token)).body.staff).toBeNull();
  });

  it('lists pending invites and revokes one so its link stops working', async () => {
    const created = await server.http('POST', '/api/staff/invites', { name: '待撤销', role: 'sdr' }, admin.token);
    const pending = await server.http('GET', '/api/staff/invites', undefined, admin.token);
    expect(pending.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    expect(JSON.stringify(pending.body)).not.toContain(created.body.token);

    const revoked = await server.http('DELETE', `/api/staff/invites/${created.body.id}`, undefined, admin.token);
    expect(revoked.body).toEqual({ id: created.body.id, revoked: true });
    expect((await server.http('GET', '/api/staff/invites', undefined, admin.token)).body.items.map((i: { id: string }) => i.id)).not.toContain(created.body.id);
    const late = await loginAs(server, 'late-for-revoked');
    expect((await server.http('POST', '/api/staff/invites/accept', { token: created.body.token }, late.token)).body.code).toBe('INVITE_EXPIRED');
    expect((await server.http('DELETE', `/api/staff/invites/${created.body.id}`, undefined, admin.token)).status).toBe(404);

    const sales = await staffAs(server, 'sales-no-revoke', 'sales');
    expect((await server.http('GET', '/api/staff/invites', undefined, sales.token)).status).toBe(403);
  });

  it('pages the team and pending invites with opaque cursors, and refuses a forged cursor or an oversized page', async () => {
    const names = ['翻页一', '翻页二', '翻页三'];
    for (const name of names) await server.http('POST', '/api/staff/invites', { name, role: 'sdr' }, admin.token);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { name: string }[]; nextCursor: string | null } } = await server.http('GET', `/api/staff/invites?limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, admin.token);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.items.map((i: { name: string }) => i.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    const whole = await server.http('GET', '/api/staff/invites?limit=100', undefined, admin.token);
    expect(whole.body.nextCursor).toBeNull();
    expect(paged).toEqual(whole.body.items.map((i: { name: string }) => i.name));
    expect(paged.slice(0, 3).sort()).toEqual([...names].sort()); // newest first

    const team = await server.http('GET', '/api/staff?limit=1', undefined, admin.token);
    expect(team.body.items).toHaveLength(1);
    const forged = [
      'bogus',
      Buffer.from(JSON.stringify(['staff.invites', "' OR 1=1 --"])).toString('base64url'),
      team.body.nextCursor, // a real cursor, of another list
    ];
    for (const bad of forged) {
      const refused = await server.http('GET', `/api/staff/invites?cursor=${bad}`, undefined, admin.token);
      expect([bad, refused.status, refused.body.code, refused.body.details]).toEqual([bad, 400, 'VALIDATION_FAILED', { fields: [expect.objectContaining({ path: 'cursor' })] }]);
    }
    const oversized = await server.http('GET', '/api/staff?limit=101', undefined, admin.token);
    expect([oversized.status, oversized.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses unknown and expired invites, and a WeChat already bound to staff', async () => {
    const person = await loginAs(server, 'late-comer');
    const unknown = await server.http('POST', '/api/staff/invites/accept', { token: 'A'.repeat(32) }, person.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('INVITE_INVALID');

    const created = await server.http('POST', '/api/staff/invites', { name: '过期', role: 'sdr', ttlHours: 1 }, admin.token);
    // an hour later the invite has expired
    const clock = clockOf(server.app);
    clock.advance(3_600_000 + 1_000);
    try {
      expect((await server.http('POST', '/api/staff/invites/preview', { token: created.body.token }, person.token)).body.status).toBe('expired');
      const expired = await server.http('POST', '/api/staff/invites/accept', { token: created.body.token }, person.token);
      expect(expired.status).toBe(410);
      expect(expired.body.code).toBe('INVITE_EXPIRED');
    } finally {
      clock.set(null);
    }

    const again = await server.http('POST', '/api/staff/invites', { name: '重复', role: 'sdr' }, admin.token);
    const twice = await server.http('POST', '/api/staff/invites/accept', { token: again.body.token }, admin.token);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('STAFF_ALREADY_BOUND');
  });

  it('lets two people race for one invite: exactly one wins', async () => {
    const created = await server.http('POST', '/api/staff/invites', { name: '抢', role: 'sales' }, admin.token);
    const racers = await Promise.all(['racer-1', 'racer-2', 'racer-3'].map((p) => loginAs(server, p)));
    const results = await Promise.all(racers.map((r) => server.http('POST', '/api/staff/invites/accept', { token: created.body.token }, r.token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.code === 'INVITE_USED')).toHaveLength(2);
  });

  it('enforces roles on the server: sales and prospects cannot call admin routes', async () => {
    const sales = await staffAs(server, 'sales-zhao', 'sales');
    const prospect = await loginAs(server, 'prospect-qian');
    for (const token of [sales.token, prospect.token]) {
      const invite = await server.http('POST', '/api/staff/invites', { name: 'x', role: 'admin' }, token);
      expect(invite.status).toBe(403);
      expect(invite.body.code).toBe('FORBIDDEN');
      expect((await server.http('GET', '/api/staff', undefined, token)).status).toBe(403);
      expect((await server.http('PATCH', `/api/staff/${admin.staffId}`, { role: 'sales' }, token)).status).toBe(403);
    }
    expect((await server.http('GET', '/api/staff')).status).toBe(401);
    const list = await server.http('GET', '/api/staff', undefined, admin.token);
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['admin-wang', 'sales-zhao']));
  });

  it('applies role changes and disabling at once, and never leaves the install without an admin', async () => {
    const marketer = await staffAs(server, 'marketer-sun', 'marketer');
    expect((await server.http('GET', '/api/staff', undefined, marketer.token)).status).toBe(403);
    await server.http('PATCH', `/api/staff/${marketer.staffId}`, { role: 'admin' }, admin.token);
    expect((await server.http('GET', '/api/staff', undefined, marketer.token)).status).toBe(200);

    await server.http('PATCH', `/api/staff/${marketer.staffId}`, { status: 'disabled' }, admin.token);
    const disabled = await server.http('GET', '/api/staff', undefined, marketer.token);
    expect(disabled.status).toBe(403);
    expect(disabled.body.code).toBe('STAFF_DISABLED');

    const lastAdmin = await server.http('PATCH', `/api/staff/${admin.staffId}`, { status: 'disabled' }, admin.token);
    expect(lastAdmin.status).toBe(409);
    expect(lastAdmin.body.code).toBe('STAFF_LAST_ADMIN');
    const invalid = await server.http('PATCH', `/api/staff/${admin.staffId}`, {}, admin.token);
    expect(invalid.status).toBe(400);
  });

  describe('console scan-login', () => {
    it('gives the desktop a console session once the staff member scans and confirms', async () => {
      const sales = await staffAs(server, 'sales-desk', 'sales');
      const ticket = await server.http('POST', '/api/auth/console/tickets');
      expect(ticket.status).toBe(201);
      const scanned = decodeQr(pngOf(ticket.body.qrDataUrl));
      expect(scanned).toBe(ticket.body.ticket);
      const poll = () => server.http('POST', '/api/auth/console/tickets/poll', { ticket: ticket.body.ticket, pollSecret: ticket.body.pollSecret });

      expect((await poll()).body).toEqual({ status: 'pending', session: null });
      const scan = await server.http('POST', '/api/auth/console/tickets/scan', { ticket: scanned }, sales.token);
      expect(scan.body.status).toBe('scanned');
      expect((await poll()).body.status).toBe('scanned');

      // someone else cannot hijack a ticket another staff member scanned
      const other = await staffAs(server, 'sales-other', 'sales');
      expect((await server.http('POST', '/api/auth/console/tickets/confirm', { ticket: scanned }, other.token)).body.code).toBe('LOGIN_TICKET_USED');

      expect((await server.http('POST', '/api/auth/console/tickets/confirm', { ticket: scanned }, sales.token)).body.status).toBe('confirmed');
      const collected = await poll();
      expect(collected.body.status).toBe('confirmed');
      expect(collected.body.session.staff).toMatchObject({ name: 'sales-desk', role: 'sales' });
      const me = await server.http('GET', '/api/me', undefined, collected.body.session.token);
      expect(me.body.staff.id).toBe(sales.staffId);

      // the session is handed out once
      expect((await poll()).body).toEqual({ status: 'consumed', session: null });
    });

    it('refuses a wrong poll secret, prospects, and expired tickets', async () => {
      const ticket = await server.http('POST', '/api/auth/console/tickets');
      const wrong = await server.http('POST', '/api/auth/console/tickets/poll', { ticket: ticket.body.ticket, pollSecret: 'B'.repeat(32) });
      expect(wrong.status).toBe(404);
      expect(wrong.body.code).toBe('LOGIN_TICKET_INVALID');

      const prospect = await loginAs(server, 'curious-prospect');
      expect((await server.http('POST', '/api/auth/console/tickets/scan', { ticket: ticket.body.ticket }, prospect.token)).status).toBe(403);

      // a ticket lives two minutes
      const sales = await staffAs(server, 'sales-late', 'sales');
      const clock = clockOf(server.app);
      clock.advance(2 * 60_000 + 1_000);
      try {
        const late = await server.http('POST', '/api/auth/console/tickets/scan', { ticket: ticket.body.ticket }, sales.token);
        expect(late.status).toBe(410);
        expect(late.body.code).toBe('LOGIN_TICKET_EXPIRED');
        const polled = await server.http('POST', '/api/auth/console/tickets/poll', { ticket: ticket.body.ticket, pollSecret: ticket.body.pollSecret });
        expect(polled.body.status).toBe('expired');
      } finally {
        clock.set(null);
      }
    });
  });
});
