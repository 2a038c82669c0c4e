import { DefaultRuleSet } from '../scoring/rules';
import { applySuggestions, groupOf, median, suggestionsOf, type MqlFate } from './calibration';

const HOUR = 3_600_000;
const fate = (over: Partial<MqlFate>): MqlFate => ({
  personId: 'p',
  mqlAt: 0,
  acceptedAt: null,
  rejectReason: null,
  opportunity: false,
  won: false,
  rules: [],
  channel: { key: 'direct', label: '无渠道（直接访问）' },
  source: { key: 'whitepaper_download', label: '下载白皮书' },
  ...over,
});

describe('calibration counts', () => {
  it('takes the median of odd and even samples, and none of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 6])).toBe(3);
    expect(median([])).toBeNull();
  });

  it('counts a group: accept, opportunity and win rates, reasons in their order, median hours to accept', () => {
    const g = groupOf('all', '全部', [
      fate({ acceptedAt: 2 * HOUR, opportunity: true, won: true }),
      fate({ acceptedAt: 5 * HOUR, opportunity: true }),
      fate({ rejectReason: 'duplicate' }),
      fate({ rejectReason: 'no_need' }),
      fate({ rejectReason: 'duplicate' }),
      fate({}),
    ]);
    expect(g).toMatchObject({ mqls: 6, accepted: 2, rejected: 3, acceptRate: 0.3333, opportunities: 2, opportunityRate: 0.3333, won: 1, winRate: 0.5, medianHoursToAccept: 3.5 });
    expect(g.rejectReasons).toEqual([
      { reason: 'no_need', label: '无需求', count: 1 },
      { reason: 'duplicate', label: '重复', count: 2 },
    ]);
    expect(groupOf('none', '无', [])).toMatchObject({ mqls: 0, acceptRate: null, winRate: null, medianHoursToAccept: null });
  });
});

describe('calibration suggestions', () => {
  const overall = groupOf('all', '全部', [...Array.from({ length: 5 }, () => fate({ acceptedAt: HOUR })), ...Array.from({ length: 5 }, () => fate({}))]);
  const ruleGroup = (key: string, accepted: number, of: number) => groupOf(key, key, [...Array.from({ length: accepted }, () => fate({ acceptedAt: HOUR })), ...Array.from({ length: of - accepted }, () => fate({}))]);

  it('scales a rule well below or above the overall accept rate, within half and half again', () => {
    const suggestions = suggestionsOf(DefaultRuleSet, [ruleGroup('key_region', 1, 10), ruleGroup('target_industry', 7, 10), ruleGroup('senior_leader', 5, 10), ruleGroup('live_signup', 4, 5)], overall);
    expect(suggestions.map((s) => [s.ruleKey, s.currentPoints, s.suggestedPoints])).toEqual([
      ['live_signup', 10, 15],
      ['target_industry', 20, 28],
      ['key_region', 10, 5],
    ]);
    expect(suggestions[2].evidence).toBe('10 条 MQL，销售接受率 10%（整体 50%）');
  });

  it('needs enough MQLs, leaves negative rules alone, and suggests nothing without any acceptance', () => {
    expect(suggestionsOf(DefaultRuleSet, [ruleGroup('key_region', 0, 4)], overall)).toEqual([]);
    expect(suggestionsOf(DefaultRuleSet, [ruleGroup('sales_rejected', 0, 10)], overall)).toEqual([]);
    expect(suggestionsOf(DefaultRuleSet, [ruleGroup('key_region', 0, 10)], groupOf('all', '全部', [fate({})]))).toEqual([]);
  });

  it('applies only the chosen suggestions to a copy of the rule set', () => {
    const next = applySuggestions(DefaultRuleSet, [{ ruleKey: 'key_region', label: '重点区域', dimension: 'fit', currentPoints: 10, suggestedPoints: 5, evidence: '' }]);
    expect(next.fitRules.find((r) => r.key === 'key_region')!.points).toBe(5);
    expect(DefaultRuleSet.fitRules.find((r) => r.key === 'key_region')!.points).toBe(10);
    expect(next.intentRules).toEqual(DefaultRuleSet.intentRules);
  });
});
