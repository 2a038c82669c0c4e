import { DataSource } from 'typeorm';
import { newId } from '../src/database/ids';
import { RoundRobin } from '../src/modules/routing/round-robin';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { moveClock, serverNow } from './support/clock';
import { arrive, count, drain, mint } from './support/share';
import { consent, newRequestId } from './support/whitepaper';

jest.setTimeout(120_000);

type Staff = { token: string; personId: string; staffId: string; persona: string };
type Facts = { province?: string; industry?: string; sizeBand?: string; accountId?: string };

const HOUR = 3_600_000;
// the tests move the clock by days: sessions outlive that, and the pipeline runs when a test drains it
const SETTINGS = { EVENT_PROCESSOR_INTERVAL_MS: '0', SESSION_TTL_MINUTES: String(60 * 24 * 30), CONSOLE_SESSION_TTL_MINUTES: String(60 * 24 * 30) };

/**
 * Routing on MQL and on 请联系我, with known answers: an owned person or account signals its owner
 * (no new lead, deduplicated); the share chain's salesperson or partner gets their lead (partners
 * by their group's setting); the rules pick a group and round-robin its members in seat order,
 * passing over paused, on-leave and at-capacity ones; no match waits in the unassigned queue; a
 * manager or admin reassigns by hand; every decision is a row with its reason.
 */
describe('routing on MQL and 请联系我', () => {
  let server: TestServer;
  let admin: Staff;
  let marketer: Staff;
  let eastManager: Staff;
  let southManager: Staff;
  let channelManager: Staff;
  let east: Staff[];
  let south: Staff;
  let partner: Staff;
  let outsider: Staff;
  let groups: { east: string; south: string; channel: string };

  const as = async (persona: string, role: Parameters<typeof staffAs>[2]): Promise<Staff> => ({ ...(await staffAs(server, persona, role)), persona });
  const api = (method: string, path: string, body: unknown, who: Staff) => server.http(method, `/api${path}`, body, who.token);

  /** A lead engaged with the content, with what routing reads of the person (seeded as the lead workspace's pool is). */
  async function seedLead(name: string, facts: Facts = {}): Promise<string> {
    const at = await serverNow(server);
    const id = newId(at.getTime());
    await server.dataSource.query('INSERT INTO persons (id, real_name, company, province, industry, size_band, account_id, seniority_edited, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)', [
      id,
      name,
      `${name}的公司`,
      facts.province ?? null,
      facts.industry ?? null,
      facts.sizeBand ?? null,
      facts.accountId ?? null,
      at,
      at,
    ]);
    await server.dataSource.query(
      "INSERT INTO leads (person_id, status, first_kind, first_ref, last_kind, last_ref, activity_count, created_at, last_activity_at, stage, fit_grade) VALUES (?, 'new', 'whitepaper_download', 'wp', 'whitepaper_download', 'wp', 1, ?, ?, 'engaged', 'B')",
      [id, at, at],
    );
    return id;
  }
  /** A marketer moves the lead to MQL (what the scoring thresholds do on their own), as the console does. */
  async function toMql(personId: string, via: TestServer = server): Promise<void> {
    const res = await via.http('POST', `/api/leads/${personId}/stage`, { to: 'mql' }, marketer.token);
    if (res.status !== 200) throw new Error(`MQL move failed: ${JSON.stringify(res.body)}`);
  }
  const decisionsOf = (personId: string) =>
    server.dataSource.query('SELECT trigger_kind, outcome, step, staff_id, signalled, reason, group_id, rule_id FROM routing_decisions WHERE person_id = ? ORDER BY id', [personId]) as Promise<any[]>;
  const assigneeOf = async (personId: string) => ((await server.dataSource.query('SELECT staff_id FROM lead_assignments WHERE person_id = ?', [personId]))[0]?.staff_id ?? undefined) as string | null | undefined;
  const leadOwnerOf = async (personId: string) => (await server.dataSource.query('SELECT owner_staff_id FROM leads WHERE person_id = ?', [personId]))[0]?.owner_staff_id ?? null;
  const signalsOf = async (staff: Staff, personId: string) =>
    ((await server.dataSource.query('SELECT kind FROM sales_signals WHERE staff_id = ? AND person_id = ? ORDER BY kind', [staff.staffId, personId])) as { kind: string }[]).map((r) => r.kind);
  const member = (body: Record<string, unknown> = {}) => ({ paused: false, awayUntil: null, regions: [], industries: [], tiers: [], capacity: null, ...body });

  beforeAll(async () => {
    server = await startTestServer('routing', SETTINGS);
    // the routing consumer starts at the stream's head: start it before anything happens
    await drain(server);
    admin = await as('rt-admin', 'admin');
    marketer = await as('rt-marketer', 'marketer');
    eastManager = await as('rt-east-manager', 'sales');
    southManager = await as('rt-south-manager', 'sales');
    channelManager = await as('rt-channel-manager', 'sales');
    east = [];
    for (const n of [1, 2, 3, 4]) east.push(await as(`rt-east-${n}`, 'sales'));
    south = await as('rt-south-1', 'sdr');
    partner = await as('rt-partner', 'partner');
    outsider = await as('rt-outsider', 'sales');

    const group = async (name: string, managerStaffId: string) => {
      const res = await api('POST', '/sales-org/groups', { name, managerStaffId }, admin);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    groups = { east: await group('华东组', eastManager.staffId), south: await group('华南组', southManager.staffId), channel: await group('渠道组', channelManager.staffId) };
    for (const s of east) expect((await api('PUT', `/sales-org/groups/${groups.east}/members/${s.staffId}`, member(), admin)).status).toBe(200);
    expect((await api('PUT', `/sales-org/groups/${groups.south}/members/${south.staffId}`, member({ regions: ['广东', '广西'] }), admin)).status).toBe(200);
    expect((await api('PUT', `/sales-org/groups/${groups.channel}/members/${partner.staffId}`, member(), admin)).status).toBe(200);
    const rules = await api(
      'PUT',
      '/routing/rules',
      {
        rules: [
          { name: '华南', regions: ['广东', '广西'], groupId: groups.south },
          { name: '华东制造业', regions: ['上海', '江苏', '浙江'], industries: ['manufacturing'], groupId: groups.east },
          { name: '华东', regions: ['上海', '江苏', '浙江'], groupId: groups.east },
          { name: '停用的全国规则', groupId: groups.south, enabled: false },
        ],
      },
      marketer,
    );
    expect(rules.status).toBe(200);
    expect(rules.body.items.map((r: any) => [r.name, r.group.name, r.enabled])).toEqual([
      ['华南', '华南组', true],
      ['华东制造业', '华东组', true],
      ['华东', '华东组', true],
      ['停用的全国规则', '华南组', false],
    ]);
  });
  afterAll(() => server.close());

  it('sends a lead to the first matching rule’s group, and the tester names the same rule', async () => {
    const lead = await seedLead('广州客户', { province: '广东', industry: 'retail' });
    await toMql(lead);
    await drain(server);
    expect(await decisionsOf(lead)).toEqual([expect.objectContaining({ trigger_kind: 'mql', outcome: 'assigned', step: 'rule', staff_id: south.staffId, group_id: groups.south })]);
    expect((await decisionsOf(lead))[0].reason).toContain('规则「华南」→「华南组」');
    expect(await assigneeOf(lead)).toBe(south.staffId);
    expect(await leadOwnerOf(lead)).toBe(south.staffId);
    // the salesperson hears of it in their signals inbox
    expect(await signalsOf(south, lead)).toEqual(['lead_assigned']);

    const test = (body: unknown) => api('POST', '/routing/rules/test', body, marketer);
    expect((await test({ personId: lead })).body.rule).toMatchObject({ name: '华南', position: 1, group: { id: groups.south, name: '华南组' } });
    expect((await test({ facts: { region: '浙江', industry: 'manufacturing' } })).body.rule).toMatchObject({ name: '华东制造业', position: 2 });
    expect((await test({ facts: { region: '上海', industry: 'finance' } })).body.rule).toMatchObject({ name: '华东', position: 3 });
    // the disabled catch-all takes nothing
    expect((await test({ facts: { region: '北京' } })).body).toEqual({ facts: { region: '北京', industry: null, sizeBand: null, tier: null }, rule: null });
    expect((await test({ facts: { region: '火星' } })).status).toBe(400);
  });

  it('round-robins a group in seat order, passing over paused, on-leave and at-capacity members', async () => {
    const leads: string[] = [];
    for (let i = 0; i < 8; i++) leads.push(await seedLead(`华东客户${i}`, { province: i % 2 ? '上海' : '浙江' }));
    for (const lead of leads) await toMql(lead);
    await drain(server);
    const order = await Promise.all(leads.map(assigneeOf));
    const ids = east.map((s) => s.staffId);
    expect(order).toEqual([...ids, ...ids]);

    // the manager pauses 2; the admin sends 3 on leave until the day after tomorrow and caps 4 at the two leads they hold
    const [, two, three, four] = east;
    expect((await api('PUT', `/sales-org/groups/${groups.east}/members/${two.staffId}/availability`, { paused: true, awayUntil: null }, eastManager)).status).toBe(200);
    const away = new Date((await serverNow(server)).getTime() + 2 * 24 * HOUR + 8 * HOUR).toISOString().slice(0, 10);
    expect((await api('PUT', `/sales-org/groups/${groups.east}/members/${three.staffId}`, member({ awayUntil: away }), admin)).status).toBe(200);
    const capped = await api('PUT', `/sales-org/groups/${groups.east}/members/${four.staffId}`, member({ capacity: 2 }), admin);
    expect(capped.body.members.map((m: any) => [m.staff.id, m.openLeads, m.available])).toEqual([
      [east[0].staffId, 2, true],
      [two.staffId, 2, false],
      [three.staffId, 2, false],
      [four.staffId, 2, false],
    ]);
    const more: string[] = [];
    for (let i = 0; i < 3; i++) more.push(await seedLead(`华东新客户${i}`, { province: '江苏' }));
    for (const lead of more) await toMql(lead);
    await drain(server);
    expect(await Promise.all(more.map(assigneeOf))).toEqual([east[0].staffId, east[0].staffId, east[0].staffId]);
    // the first went to 1 as the next in turn; the second had to pass over the other three
    expect((await decisionsOf(more[0]))[0].reason).toBe('规则「华东」→「华东组」轮询');
    const [second] = await decisionsOf(more[1]);
    expect(second.reason).toBe('规则「华东」→「华东组」轮询；跳过：rt-east-2暂停接单、rt-east-3休假中、rt-east-4已达上限');

    // leave ends after its last day; the rotation goes on after member 1
    await moveClock(server, { advanceMs: 3 * 24 * HOUR });
    const after = await seedLead('华东第四天', { province: '浙江' });
    await toMql(after);
    await drain(server);
    expect(await assigneeOf(after)).toBe(three.staffId);
    expect((await api('PUT', `/sales-org/groups/${groups.east}/members/${two.staffId}/availability`, { paused: false, awayUntil: null }, eastManager)).status).toBe(200);
  });

  it('gives the lead to the salesperson whose share brought the person, and a hand-raise on a card to the card’s owner', async () => {
    const token = await mint(server, south.token);
    const prospect = await arrive(server, 'rt-shared-prospect', token);
    await drain(server);
    await server.dataSource.query(
      "INSERT INTO leads (person_id, status, first_kind, first_ref, last_kind, last_ref, activity_count, created_at, last_activity_at, stage, fit_grade) VALUES (?, 'new', 'whitepaper_download', 'wp', 'whitepaper_download', 'wp', 1, NOW(3), NOW(3), 'engaged', 'B')",
      [prospect.personId],
    );
    // a rule would send this person (in 浙江) to the east group: the share chain comes first
    await server.dataSource.query("UPDATE persons SET province = '浙江' WHERE id = ?", [prospect.personId]);
    await toMql(prospect.personId);
    await drain(server);
    expect(await decisionsOf(prospect.personId)).toEqual([expect.objectContaining({ outcome: 'assigned', step: 'share_root', staff_id: south.staffId })]);

    // 请联系我 on east-1's card: no thresholds, the lead becomes an MQL and goes to the card's owner
    const card = (await server.http('GET', '/api/cards/mine', undefined, east[0].token)).body;
    const person = await loginAs(server, 'rt-hand-raiser');
    const { body: code } = await server.http('POST', '/sandbox/personas/rt-hand-raiser/phone-code', { phone: '13800138123' });
    expect((await server.http('POST', '/api/me/phone', { code: code.code }, person.token)).status).toBe(200);
    const asked = await server.http('POST', `/api/cards/${card.id}/contact-requests`, { requestId: newRequestId(), note: '想了解报价', gate: { profile: { name: '韩梅' }, consent: consent() } }, person.token);
    expect(asked.status).toBe(201);
    await drain(server);
    const decisions = await decisionsOf(person.personId);
    expect(decisions[0]).toMatchObject({ trigger_kind: 'contact_request', outcome: 'assigned', step: 'share_root', staff_id: east[0].staffId });
    // anything after it (scoring's own MQL move) told the same owner nothing new
    expect(decisions.slice(1).every((d) => d.outcome === 'signalled_owner' && d.signalled === 0)).toBe(true);
    const stages = (await server.http('GET', `/api/leads/${person.personId}/stages`, undefined, marketer.token)).body.items;
    expect(stages[0]).toMatchObject({ to: 'mql' });
    expect(stages.some((s: any) => s.by === '请联系我（自动转 MQL）')).toBe(true);
    expect(await leadOwnerOf(person.personId)).toBe(east[0].staffId);
  });

  it('keeps a partner’s lead with the partner, or sends it to the channel manager when the group says so', async () => {
    const bring = async (persona: string) => {
      const prospect = await arrive(server, persona, await mint(server, partner.token));
      await drain(server);
      await server.dataSource.query(
        "INSERT INTO leads (person_id, status, first_kind, first_ref, last_kind, last_ref, activity_count, created_at, last_activity_at, stage, fit_grade) VALUES (?, 'new', 'whitepaper_download', 'wp', 'whitepaper_download', 'wp', 1, NOW(3), NOW(3), 'engaged', 'B')",
        [prospect.personId],
      );
      await toMql(prospect.personId);
      await drain(server);
      return prospect.personId;
    };
    const kept = await bring('rt-partner-prospect-1');
    expect(await decisionsOf(kept)).toEqual([expect.objectContaining({ outcome: 'assigned', step: 'partner', staff_id: partner.staffId })]);
    expect((await api('PATCH', `/sales-org/groups/${groups.channel}`, { partnerLeads: 'manager' }, admin)).status).toBe(200);
    const handed = await bring('rt-partner-prospect-2');
    expect(await decisionsOf(handed)).toEqual([expect.objectContaining({ outcome: 'assigned', step: 'partner', staff_id: channelManager.staffId, group_id: groups.channel })]);
    expect(await leadOwnerOf(handed)).toBe(channelManager.staffId);
  });

  it('signals the owner of an owned person or account instead of routing again, once a day at most', async () => {
    const lead = await seedLead('回头客', { province: '广东' });
    await toMql(lead);
    await drain(server);
    expect(await assigneeOf(lead)).toBe(south.staffId);
    const again = async () => {
      expect((await server.http('POST', `/api/leads/${lead}/stage`, { to: 'nurture', reason: '暂无预算' }, marketer.token)).status).toBe(200);
      await toMql(lead);
      await drain(server);
      return (await decisionsOf(lead)).at(-1);
    };
    // told of the lead when it was assigned moments ago: recorded, not signalled again
    expect(await again()).toMatchObject({ outcome: 'signalled_owner', step: 'owner', staff_id: south.staffId, signalled: 0 });
    await moveClock(server, { advanceMs: 25 * HOUR });
    expect(await again()).toMatchObject({ outcome: 'signalled_owner', step: 'owner', staff_id: south.staffId, signalled: 1 });
    expect(await again()).toMatchObject({ outcome: 'signalled_owner', signalled: 0 });
    // one "your customer is active again" for the one signal sent, beside the assignment's
    expect(await signalsOf(south, lead)).toEqual(['customer_active', 'lead_assigned']);
    expect(await count(server, "SELECT COUNT(*) FROM routing_decisions WHERE person_id = ? AND outcome = 'assigned'", [lead])).toBe(1);
    expect(await assigneeOf(lead)).toBe(south.staffId);

    // a new contact at an account the outsider owns: signalled, no lead assigned
    const accountId = newId();
    await server.dataSource.query("INSERT INTO accounts (id, name, normalized_name, owner_staff_id, is_target, tier, created_at, updated_at) VALUES (?, '星河制造', '星河制造', ?, 1, 'A', NOW(3), NOW(3))", [accountId, outsider.staffId]);
    const contact = await seedLead('星河采购', { province: '浙江', accountId });
    await toMql(contact);
    await drain(server);
    expect(await decisionsOf(contact)).toEqual([expect.objectContaining({ outcome: 'signalled_owner', step: 'account_owner', staff_id: outsider.staffId, signalled: 1 })]);
    expect(await assigneeOf(contact)).toBeUndefined();
  });

  it('queues what no rule takes for marketing, and a marketer, the owner’s manager or an admin assigns it by hand with a reason', async () => {
    const lead = await seedLead('北京客户', { province: '北京', industry: 'finance' });
    await toMql(lead);
    await drain(server);
    expect(await decisionsOf(lead)).toEqual([expect.objectContaining({ outcome: 'unassigned', step: 'no_match', staff_id: null })]);
    const queue = await api('GET', '/routing/unassigned?limit=100', undefined, marketer);
    expect(queue.status).toBe(200);
    expect(queue.body.items).toContainEqual(expect.objectContaining({ personId: lead, displayName: '北京客户', step: 'no_match', facts: { region: '北京', industry: 'finance', sizeBand: null, tier: null } }));
    expect((await api('GET', '/routing/unassigned', undefined, east[0])).body.code).toBe('FORBIDDEN');

    expect((await api('POST', `/leads/${lead}/assignment`, { staffId: south.staffId, reason: '' }, marketer)).status).toBe(400);
    const given = await api('POST', `/leads/${lead}/assignment`, { staffId: south.staffId, reason: '北京客户由华南组暂时跟进' }, marketer);
    expect(given.status).toBe(200);
    expect(given.body.owner).toEqual({ id: south.staffId, name: 'rt-south-1' });
    expect(await leadOwnerOf(lead)).toBe(south.staffId);
    expect((await api('GET', '/routing/unassigned?limit=100', undefined, marketer)).body.items.map((i: any) => i.personId)).not.toContain(lead);
    // out of the queue, moving it is for the owner's manager and admins: not marketing, not the receiver's manager
    expect((await api('POST', `/leads/${lead}/assignment`, { staffId: east[1].staffId, reason: '换人' }, marketer)).body.code).toBe('REASSIGN_NOT_ALLOWED');
    expect((await api('POST', `/leads/${lead}/assignment`, { staffId: east[1].staffId, reason: '换人' }, eastManager)).body.code).toBe('REASSIGN_NOT_ALLOWED');
    expect((await api('POST', `/leads/${lead}/assignment`, { staffId: east[1].staffId, reason: '换人' }, southManager)).status).toBe(200);
    expect((await api('POST', `/leads/${lead}/assignment`, { staffId: east[1].staffId, reason: '换人' }, admin)).body.code).toBe('REASSIGN_TARGET_INVALID');

    const history = await api('GET', `/leads/${lead}/routing`, undefined, east[1]);
    expect(history.status).toBe(200);
    expect(history.body.items.map((d: any) => [d.outcome, d.step, d.staff?.name ?? null, d.by?.name ?? null, d.reason])).toEqual([
      ['reassigned', 'manual', 'rt-east-2', 'rt-south-manager', '换人'],
      ['reassigned', 'manual', 'rt-south-1', 'rt-marketer', '北京客户由华南组暂时跟进'],
      ['unassigned', 'no_match', null, null, '没有匹配的分配规则'],
    ]);
    expect((await api('GET', `/leads/${lead}/routing`, undefined, south)).body.code).toBe('LEAD_NOT_YOURS');
  });

  it('shows a manager their own team, its open leads and counts, and refuses everyone else with a code', async () => {
    const mine = await api('GET', '/sales-org/groups', undefined, eastManager);
    expect(mine.body.items.map((g: any) => g.name)).toEqual(['华东组']);
    expect(mine.body.items[0].editable).toBe(false);
    const counts = Object.fromEntries(mine.body.items[0].members.map((m: any) => [m.staff.name, m.openLeads]));
    const leads = await api('GET', `/sales-org/groups/${groups.east}/leads?limit=100`, undefined, eastManager);
    expect(leads.status).toBe(200);
    const perOwner: Record<string, number> = {};
    for (const l of leads.body.items) perOwner[l.owner.name] = (perOwner[l.owner.name] ?? 0) + 1;
    expect(perOwner).toEqual(counts);
    const one = await api('GET', `/sales-org/groups/${groups.east}/leads?limit=100&staffId=${east[0].staffId}`, undefined, eastManager);
    expect(one.body.items.every((l: any) => l.owner.id === east[0].staffId)).toBe(true);
    expect((await api('GET', '/sales-org/groups', undefined, outsider)).body.items).toEqual([]);
    expect((await api('GET', '/sales-org/groups', undefined, marketer)).body.items).toHaveLength(3);
    // in name order, a page at a time
    const first = (await api('GET', '/sales-org/groups?limit=2', undefined, marketer)).body;
    const rest = (await api('GET', `/sales-org/groups?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`, undefined, marketer)).body;
    expect([first.items.length, rest.items.length, rest.nextCursor]).toEqual([2, 1, null]);
    expect([...first.items, ...rest.items].map((g: any) => g.id).sort()).toEqual((await api('GET', '/sales-org/groups', undefined, marketer)).body.items.map((g: any) => g.id).sort());

    const refused = async (method: string, path: string, body: unknown, who: Staff, code: string) => {
      const res = await api(method, path, body, who);
      expect([res.status, res.body.code]).toEqual([403, code]);
    };
    await refused('GET', `/sales-org/groups/${groups.east}/leads`, undefined, southManager, 'SALES_GROUP_NOT_YOURS');
    await refused('PUT', `/sales-org/groups/${groups.east}/members/${east[0].staffId}/availability`, { paused: true, awayUntil: null }, southManager, 'SALES_GROUP_NOT_YOURS');
    await refused('PUT', `/sales-org/groups/${groups.east}/members/${east[0].staffId}/availability`, { paused: true, awayUntil: null }, outsider, 'SALES_GROUP_NOT_YOURS');
    await refused('PUT', `/sales-org/groups/${groups.east}/members/${outsider.staffId}`, member(), eastManager, 'FORBIDDEN');
    await refused('POST', '/sales-org/groups', { name: '新组', managerStaffId: null }, marketer, 'FORBIDDEN');
    await refused('PUT', '/routing/rules', { rules: [] }, eastManager, 'FORBIDDEN');
    const eastLead = leads.body.items[0];
    await refused('POST', `/leads/${eastLead.personId}/assignment`, { staffId: south.staffId, reason: '抢单' }, southManager, 'REASSIGN_NOT_ALLOWED');
    await refused('POST', `/leads/${eastLead.personId}/assignment`, { staffId: south.staffId, reason: '抢单' }, outsider, 'REASSIGN_NOT_ALLOWED');

    const bad = await api('PUT', `/sales-org/groups/${groups.east}/members/${marketer.staffId}`, member(), admin);
    expect([bad.status, bad.body.code, bad.body.details.reason]).toEqual([409, 'SALES_MEMBER_INVALID', 'role_cannot_receive_leads']);
    const unknownGroup = await api('PUT', '/routing/rules', { rules: [{ name: '无组', groupId: newId() }] }, marketer);
    expect([unknownGroup.status, unknownGroup.body.code]).toEqual([422, 'ROUTING_GROUP_UNKNOWN']);
  });

  it('forgets a person’s assignment and routing decisions when they erase their data', async () => {
    const card = (await server.http('GET', '/api/cards/mine', undefined, east[0].token)).body;
    const person = await loginAs(server, 'rt-eraser');
    const { body: code } = await server.http('POST', '/sandbox/personas/rt-eraser/phone-code', { phone: '13800138456' });
    expect((await server.http('POST', '/api/me/phone', { code: code.code }, person.token)).status).toBe(200);
    const asked = await server.http('POST', `/api/cards/${card.id}/contact-requests`, { requestId: newRequestId(), gate: { profile: { name: '赵敏' }, consent: consent() } }, person.token);
    expect(asked.status).toBe(201);
    await drain(server);
    expect(await assigneeOf(person.personId)).toBe(east[0].staffId);
    expect((await server.http('DELETE', '/api/me', { confirm: 'DELETE' }, person.token)).status).toBe(200);
    expect(await count(server, 'SELECT COUNT(*) FROM routing_decisions WHERE person_id = ?', [person.personId])).toBe(0);
    expect(await assigneeOf(person.personId)).toBeUndefined();
  });

  it('decides a re-delivered event once', async () => {
    const lead = await seedLead('重复投递', { province: '广西' });
    await toMql(lead);
    await drain(server);
    const before = await count(server, 'SELECT COUNT(*) FROM routing_decisions');
    // the consumer goes back over its last 20 events, as after a crash before its position was saved
    await server.dataSource.query("UPDATE stream_consumers SET position = position - 20 WHERE name = 'routing'");
    await drain(server);
    expect(await count(server, 'SELECT COUNT(*) FROM routing_decisions')).toBe(before);
    expect(await decisionsOf(lead)).toHaveLength(1);
  });

  describe('fairness', () => {
    let crew: Staff[];
    let group: string;

    beforeAll(async () => {
      crew = [];
      for (const n of [1, 2, 3, 4]) crew.push(await as(`rt-crew-${n}`, 'sales'));
      group = (await api('POST', '/sales-org/groups', { name: '西南组', managerStaffId: null }, admin)).body.id;
      for (const s of crew) await api('PUT', `/sales-org/groups/${group}/members/${s.staffId}`, member(), admin);
      const current = (await api('GET', '/routing/rules', undefined, marketer)).body.items.map((r: any) => ({ ...r, groupId: r.group.id, id: undefined, group: undefined }));
      expect((await api('PUT', '/routing/rules', { rules: [...current, { name: '西南', regions: ['四川', '重庆'], groupId: group }] }, marketer)).status).toBe(200);
    });

    const tally = async (leads: string[]) => {
      const owners = await Promise.all(leads.map(assigneeOf));
      return crew.map((s) => owners.filter((o) => o === s.staffId).length);
    };

    it('lands 20 concurrent MQLs evenly: 5 each', async () => {
      const leads = await Promise.all(Array.from({ length: 20 }, (_, i) => seedLead(`成都客户${i}`, { province: '四川' })));
      await Promise.all(leads.map((lead) => toMql(lead)));
      await drain(server);
      expect(await tally(leads)).toEqual([5, 5, 5, 5]);
    });

    it('never hands two concurrent picks to the same member: 20 transactions at once take 5 each', async () => {
      const roundRobin = server.app.get(RoundRobin);
      const picked = await Promise.all(
        Array.from({ length: 20 }, () =>
          server.app.get(DataSource).transaction(async (em) => {
            const rotation = await roundRobin.begin(em, group);
            const choice = rotation!.pick({ region: '四川', industry: null, sizeBand: null, tier: null });
            await rotation!.save(em);
            return choice!.staffId;
          }),
        ),
      );
      expect(crew.map((s) => picked.filter((p) => p === s.staffId).length)).toEqual([5, 5, 5, 5]);
    });

    it('continues the rotation on another instance after a restart', async () => {
      const second = await startTestServer('routing', SETTINGS, { db: server.db });
      try {
        const leads: string[] = [];
        for (let i = 0; i < 8; i++) leads.push(await seedLead(`重庆客户${i}`, { province: '重庆' }));
        for (const lead of leads) await toMql(lead, second);
        await drain(second);
        expect(await tally(leads)).toEqual([2, 2, 2, 2]);
        expect(await Promise.all(leads.slice(0, 4).map(assigneeOf))).toEqual(await Promise.all(leads.slice(4).map(assigneeOf)));
      } finally {
        await second.close();
      }
    });
  });
});
