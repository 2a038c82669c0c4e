import type { RoutingFacts } from '@leadloop/shared';
import type { SalesGroupEntity, SalesMemberEntity } from '../sales-org/sales-org.entity';
import type { StaffEntity } from '../staff/staff.entity';
import { Rotation } from './round-robin';
import type { RoutingRuleEntity } from './routing.entity';
import { firstMatch, inTerritory } from './rules';

const facts = (f: Partial<RoutingFacts>): RoutingFacts => ({ region: null, industry: null, sizeBand: null, tier: null, ...f });
const rule = (name: string, r: Partial<RoutingRuleEntity>): RoutingRuleEntity =>
  ({ id: name, name, position: 0, regions: [], industries: [], sizeBands: [], tiers: [], groupId: 'g', enabled: 1, createdBy: null, createdAt: new Date(0), ...r }) as RoutingRuleEntity;

describe('routing rules', () => {
  const rules = [
    rule('disabled', { enabled: 0 }),
    rule('south-A', { regions: ['广东'], tiers: ['A'] }),
    rule('south', { regions: ['广东', '广西'] }),
    rule('makers', { industries: ['manufacturing'], sizeBands: ['1000-4999', '5000+'] }),
  ];

  it('takes the first enabled rule whose every list holds the lead’s value', () => {
    expect(firstMatch(rules, facts({ region: '广东', tier: 'A' }))?.name).toBe('south-A');
    expect(firstMatch(rules, facts({ region: '广东', tier: 'B' }))?.name).toBe('south');
    expect(firstMatch(rules, facts({ region: '浙江', industry: 'manufacturing', sizeBand: '5000+' }))?.name).toBe('makers');
    expect(firstMatch(rules, facts({ region: '浙江', industry: 'manufacturing', sizeBand: '1-49' }))).toBeNull();
  });

  it('never matches an unknown value against a list, while an empty list takes anything', () => {
    expect(firstMatch(rules, facts({ tier: 'A' }))).toBeNull();
    expect(firstMatch([rule('all', {})], facts({}))?.name).toBe('all');
    expect(inTerritory({ regions: ['广东'], industries: [], tiers: [] }, facts({}))).toBe(false);
    expect(inTerritory({ regions: [], industries: [], tiers: [] }, facts({}))).toBe(true);
  });
});

describe('round-robin rotation', () => {
  const NOW = new Date('2026-12-03T04:00:00Z'); // 12:00 in China
  const member = (seat: string, m: Partial<SalesMemberEntity> = {}): SalesMemberEntity =>
    ({ staffId: `s${seat}`, groupId: 'g', seat, regions: [], industries: [], tiers: [], capacity: null, paused: 0, awayUntil: null, updatedBy: null, updatedAt: NOW, ...m }) as SalesMemberEntity;
  const rotation = (members: SalesMemberEntity[], lastSeat: string | null = null, open: Record<string, number> = {}, disabled: string[] = []) =>
    new Rotation(
      { id: 'g', lastSeat } as SalesGroupEntity,
      members,
      new Map(members.map((m) => [m.staffId, { id: m.staffId, name: m.staffId, status: disabled.includes(m.staffId) ? 'disabled' : 'active' } as StaffEntity])),
      new Map(Object.entries(open)),
      NOW,
    );
  const picks = (r: Rotation, n: number, f: Partial<RoutingFacts> = {}) => Array.from({ length: n }, () => r.pick(facts(f))?.staffId ?? null);

  it('goes round in seat order and continues after the last seat it served', () => {
    expect(picks(rotation([member('1'), member('2'), member('3')]), 7)).toEqual(['s1', 's2', 's3', 's1', 's2', 's3', 's1']);
    expect(picks(rotation([member('1'), member('2'), member('3')], '2'), 2)).toEqual(['s3', 's1']);
    // the member who last received one has left the group: the next seat after theirs goes on
    expect(picks(rotation([member('1'), member('3')], '2'), 2)).toEqual(['s3', 's1']);
  });

  it('passes over paused, on-leave, at-capacity, disabled and out-of-territory members, and says why', () => {
    const r = rotation(
      [member('1', { paused: 1 }), member('2', { awayUntil: '2026-12-03' }), member('3', { capacity: 2 }), member('4'), member('5', { regions: ['广东'] }), member('6')],
      null,
      { s3: 2 },
      ['s4'],
    );
    const choice = r.pick(facts({ region: '浙江' }));
    expect(choice).toEqual({
      staffId: 's6',
      skipped: [
        { staffId: 's1', why: 'paused' },
        { staffId: 's2', why: 'on_leave' },
        { staffId: 's3', why: 'at_capacity' },
        { staffId: 's4', why: 'disabled' },
        { staffId: 's5', why: 'out_of_territory' },
      ],
    });
    expect(r.pick(facts({ region: '广东' }))?.staffId).toBe('s5');
  });

  it('leave ends after its last day (China time); capacity counts what it hands out', () => {
    expect(picks(rotation([member('1', { awayUntil: '2026-12-02' })]), 1)).toEqual(['s1']);
    expect(picks(rotation([member('1', { capacity: 2 })], null, { s1: 1 }), 2)).toEqual(['s1', null]);
  });
});
