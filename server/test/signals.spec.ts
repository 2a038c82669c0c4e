import { Activity, type ActivityKind } from '../src/modules/activity/activity';
import { newId } from '../src/database/ids';
import { SalesSignals } from '../src/modules/signals/sales-signals';
import { Timers } from '../src/modules/timers/timers.service';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { moveClock } from './support/clock';
import { count, drain } from './support/share';

const TEMPLATE = 'sandbox-sales-signal';
const SECOND = 1000;
type Staff = { token: string; personId: string; staffId: string; persona: string };

describe('sales signals', () => {
  let server: TestServer;

  beforeAll(async () => {
    // the stream and the timers are driven by the test; the clock is moved, never waited for
    server = await startTestServer('signals', { EVENT_PROCESSOR_INTERVAL_MS: '0', TIMER_JOB_INTERVAL_MS: '0', SIGNAL_WATCH_MINUTES: '30' });
  });
  afterAll(() => server.close());

  const at = (beijing: string) => moveClock(server, { at: new Date(`${beijing}+08:00`).toISOString() });
  const advance = (ms: number) => moveClock(server, { advanceMs: ms });
  const fireTimers = () => server.app.get(Timers).fireDue();

  async function salesperson(persona: string): Promise<Staff> {
    return { ...(await staffAs(server, persona, 'sales')), persona };
  }

  /** A prospect with a name, already a lead owned by `owner`. */
  async function ownedLead(persona: string, name: string, owner: Staff): Promise<string> {
    const { personId } = await loginAs(server, persona);
    await server.dataSource.query('UPDATE persons SET real_name = ? WHERE id = ?', [name, personId]);
    const now = new Date();
    await server.dataSource.query(
      "INSERT INTO leads (person_id, status, first_kind, first_ref, last_kind, last_ref, activity_count, created_at, last_activity_at, stage, fit_grade, intent_key, owner_staff_id) VALUES (?, 'new', 'download', 'x', 'download', 'x', 1, ?, ?, 'engaged', 'B', 0, ?)",
      [personId, now, now, owner.staffId],
    );
    return personId;
  }

  /** What the lead did, recorded as the content modules record it, then taken through the stream. */
  async function lead(personId: string, kind: ActivityKind, extra: { contentType?: 'live' | 'whitepaper' | 'card'; contentId?: string; value?: number; at?: Date } = {}): Promise<void> {
    await server.dataSource.transaction((em) =>
      server.app.get(Activity).record(em, { kind, personId, refId: newId(), page: 'pages/index/index', contentType: extra.contentType ?? 'whitepaper', contentId: extra.contentId ?? 'wp-1', source: { nodeId: null, channelId: null }, value: extra.value, at: extra.at }),
    );
    await drain(server);
  }

  /** One tap of "allow" on the signal template: recorded by the server and by WeChat's stand-in. */
  async function grant(staff: Staff, onWechatToo = true): Promise<void> {
    const res = await server.http('POST', '/api/me/signals/subscription', { results: { [TEMPLATE]: 'accept' } }, staff.token);
    expect(res.status).toBe(200);
    if (onWechatToo) await server.http('POST', `/sandbox/personas/${staff.persona}/subscriptions`, { templateIds: [TEMPLATE] });
  }

  const messagesTo = async (staff: Staff) => ((await server.http('GET', '/sandbox/messages')).body.items as { persona: string; templateId: string; page: string; data: Record<string, { value: string }> }[]).filter((m) => m.persona === staff.persona);
  const inbox = async (staff: Staff, query = '') => (await server.http('GET', `/api/me/signals${query}`, undefined, staff.token)).body;

  it('coalesces three qualifying actions of one lead within a minute into one message; the inbox has all three', async () => {
    await at('2026-12-07T10:00:00');
    const owner = await salesperson('signal-owner-a');
    const wang = await ownedLead('lead-wang', '王总', owner);
    await grant(owner);
    await grant(owner);

    await lead(wang, 'download');
    await advance(20 * SECOND);
    await lead(wang, 'watch', { contentType: 'live', contentId: 'live-1', value: 30 });
    await lead(wang, 'watch', { contentType: 'live', contentId: 'live-1', value: 35 }); // past the set minutes: not a signal again
    await advance(20 * SECOND);
    await lead(wang, 'contact_request', { contentType: 'card', contentId: 'no-such-card' });
    await fireTimers();
    expect(await messagesTo(owner)).toEqual([]); // the first signal's minute is not over

    await advance(21 * SECOND);
    await fireTimers();
    const messages = await messagesTo(owner);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ templateId: TEMPLATE, page: 'packages/staff/pages/signals/index' });
    expect(messages[0].data.thing1.value).toBe('王总 有新动态');
    expect(messages[0].data.thing2.value).toBe('请你联系 等 3 条动态');
    expect(messages[0].data.time3.value).toBe('2026-12-07 10:01');

    const box = await inbox(owner);
    expect(box.unread).toBe(3);
    expect(box.items.map((s: { kind: string }) => s.kind)).toEqual(['contact_request', 'live_watched', 'downloaded']);
    expect(box.items[0]).toMatchObject({ leadPersonId: wang, displayName: '王总', read: false });

    // the same lead again within the lead window: inbox only, although a grant is left
    await advance(11 * 60 * SECOND);
    await lead(wang, 'download');
    await advance(61 * SECOND);
    await fireTimers();
    expect(await messagesTo(owner)).toHaveLength(1);
    expect((await inbox(owner)).unread).toBe(4);
    expect(await count(server, "SELECT COUNT(*) AS n FROM signal_grants WHERE staff_id = ? AND status = 'available'", [owner.staffId])).toBe(1);
  });

  it('names the newest lead and counts the others when several leads act in one burst', async () => {
    await at('2026-12-07T14:00:00');
    const owner = await salesperson('signal-owner-b');
    const leads = [await ownedLead('lead-li', '李经理', owner), await ownedLead('lead-zhang', '张工', owner), await ownedLead('lead-zhao', '赵总', owner), await ownedLead('lead-qian', '钱总', owner)];
    await grant(owner);
    for (const personId of leads) {
      await lead(personId, 'download');
      await advance(SECOND);
    }
    await advance(61 * SECOND);
    await fireTimers();
    const [message] = await messagesTo(owner);
    expect(message.data.thing1.value).toBe('钱总 及 另外 3 位客户有新动态');
  });

  it('holds a message through quiet hours and sends it when they end', async () => {
    await at('2026-12-07T23:30:00');
    const owner = await salesperson('signal-owner-night');
    const lead1 = await ownedLead('lead-night', '孙总', owner);
    await grant(owner);
    await lead(lead1, 'download');
    await advance(61 * SECOND);
    await fireTimers();
    expect(await messagesTo(owner)).toEqual([]);
    expect((await inbox(owner)).unread).toBe(1); // the inbox has it at once
    const [held] = await server.dataSource.query("SELECT due_at FROM timers WHERE subject = ? AND state = 'pending'", [`staff:${owner.staffId}`]);
    expect(new Date(held.due_at)).toEqual(new Date('2026-12-08T08:00:00+08:00'));

    await at('2026-12-08T07:59:00');
    await fireTimers();
    expect(await messagesTo(owner)).toEqual([]);
    await at('2026-12-08T08:00:01');
    await fireTimers();
    expect((await messagesTo(owner)).map((m) => m.data.thing1.value)).toEqual(['孙总 有新动态']);
  });

  it('keeps signals in the inbox only for a staff member without a grant', async () => {
    await at('2026-12-08T10:00:00');
    const owner = await salesperson('signal-owner-nogrant');
    const lead1 = await ownedLead('lead-nogrant', '周总', owner);
    await lead(lead1, 'download');
    await advance(61 * SECOND);
    await fireTimers();
    expect(await messagesTo(owner)).toEqual([]);
    expect((await inbox(owner)).items).toHaveLength(1);
    expect(await count(server, "SELECT COUNT(*) AS n FROM sales_signals WHERE staff_id = ? AND push_state = 'inbox'", [owner.staffId])).toBe(1);
    expect(await count(server, 'SELECT COUNT(*) AS n FROM timers WHERE subject = ?', [`staff:${owner.staffId}`])).toBe(0);
  });

  it('records 43101 (the grant was refused on WeChat) on the message and the grant, and never retries it', async () => {
    await at('2026-12-08T15:00:00');
    const owner = await salesperson('signal-owner-refused');
    const lead1 = await ownedLead('lead-refused', '吴总', owner);
    await grant(owner, false); // the app recorded an accept, but WeChat holds no subscription
    const sendsBefore = (await server.http('GET', '/sandbox/calls')).body.subscribe_send;
    await lead(lead1, 'download');
    await advance(61 * SECOND);
    await fireTimers();
    expect((await server.http('GET', '/sandbox/calls')).body.subscribe_send).toBe(sendsBefore + 1);
    const [message] = await server.dataSource.query('SELECT state, error FROM signal_messages WHERE staff_id = ?', [owner.staffId]);
    expect(message).toEqual({ state: 'refused', error: '43101 no subscription' });
    expect(await count(server, "SELECT COUNT(*) AS n FROM signal_grants WHERE staff_id = ? AND status = 'refused'", [owner.staffId])).toBe(1);

    // hours later, more activity: nothing left to spend, nothing sent again
    await advance(3 * 3_600_000);
    await lead(lead1, 'download');
    await advance(61 * SECOND);
    await fireTimers();
    await advance(10 * 60 * SECOND);
    await fireTimers();
    expect((await server.http('GET', '/sandbox/calls')).body.subscribe_send).toBe(sendsBefore + 1);
    expect(await count(server, 'SELECT COUNT(*) AS n FROM signal_messages WHERE staff_id = ?', [owner.staffId])).toBe(1);
  });

  it('tells the owner when a customer silent for 30 days acts again, and leaves old news out', async () => {
    const now = await at('2026-12-09T09:00:00');
    const owner = await salesperson('signal-owner-dormant');
    const old = await ownedLead('lead-dormant', '何总', owner);
    await lead(old, 'download', { at: new Date(now.getTime() - 40 * 86_400_000) }); // a day-old action is not news
    expect((await inbox(owner)).items).toEqual([]);
    await lead(old, 'download');
    expect((await inbox(owner)).items.map((s: { kind: string }) => s.kind).sort()).toEqual(['customer_active', 'downloaded']);
    await advance(5 * 60 * SECOND);
    await lead(old, 'download'); // active again already: only the download
    expect((await inbox(owner)).items.filter((s: { kind: string }) => s.kind === 'customer_active')).toHaveLength(1);
  });

  it('tells the card owner about a returning visitor, as one kind of signal, and takes signals other features send', async () => {
    await at('2026-12-09T10:00:00');
    const owner = await salesperson('signal-card-owner');
    const card = (await server.http('GET', '/api/cards/mine', undefined, owner.token)).body;
    const visitor = await loginAs(server, 'signal-card-visitor');
    await server.http('GET', `/api/cards/${card.id}`, undefined, visitor.token);
    await advance(61 * 60 * SECOND);
    await server.http('GET', `/api/cards/${card.id}`, undefined, visitor.token);
    await drain(server);
    expect((await inbox(owner)).items.map((s: { kind: string; leadPersonId: string }) => [s.kind, s.leadPersonId])).toEqual([['card_return', visitor.personId]]);

    // routing and SLA call the same interface, inside their own transactions; a repeat adds nothing
    for (let i = 0; i < 2; i++) {
      await server.dataSource.transaction((em) => server.app.get(SalesSignals).send(em, [{ staffId: owner.staffId, kind: 'lead_assigned', personId: visitor.personId, detail: '来自名片', dedupeKey: 'assign:1' }]));
    }
    expect((await inbox(owner)).items.map((s: { kind: string }) => s.kind)).toEqual(['lead_assigned', 'card_return']);
  });

  it('lets a salesperson read and mark only their own inbox, in keyset pages', async () => {
    await at('2026-12-09T11:00:00');
    const mine = await salesperson('signal-reader-a');
    const theirs = await salesperson('signal-reader-b');
    const leadIds = [await ownedLead('lead-r1', '郑总', mine), await ownedLead('lead-r2', '冯总', mine), await ownedLead('lead-r3', '陈总', mine)];
    const other = await ownedLead('lead-r4', '褚总', theirs);
    for (const id of [...leadIds, other]) {
      await lead(id, 'download');
      await advance(SECOND);
    }

    const first = await inbox(mine, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await inbox(mine, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((s: { leadPersonId: string }) => s.leadPersonId)).toEqual([...leadIds].reverse());

    // marking someone else's signal read changes nothing of theirs
    const theirSignal = (await inbox(theirs)).items[0].id;
    expect((await server.http('POST', '/api/me/signals/read', { ids: [theirSignal] }, mine.token)).body).toEqual({ unread: 3 });
    expect((await server.http('GET', '/api/me/signals/unread', undefined, theirs.token)).body).toEqual({ unread: 1 });
    expect((await server.http('POST', '/api/me/signals/read', { ids: [first.items[0].id] }, mine.token)).body).toEqual({ unread: 2 });
    expect((await inbox(mine, '?unread=true')).items).toHaveLength(2);
    expect((await server.http('POST', '/api/me/signals/read', {}, mine.token)).body).toEqual({ unread: 0 });

    const prospect = await loginAs(server, 'signal-prospect');
    expect((await server.http('GET', '/api/me/signals', undefined, prospect.token)).status).toBe(403);
    expect((await server.http('GET', '/api/me/signals')).status).toBe(401);
    const badCursor = await server.http('GET', '/api/me/signals?cursor=bm90LWEtY3Vyc29y', undefined, mine.token);
    expect([badCursor.status, badCursor.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badGrant = await server.http('POST', '/api/me/signals/subscription', { results: { 'someone-elses-template': 'accept' } }, mine.token);
    expect([badGrant.status, badGrant.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
