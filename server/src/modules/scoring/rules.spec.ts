import { CapCounts, chinaDay, DefaultRuleSet, fire, fitOf, gradeAtLeast, type Signal } from './rules';

const at = (iso: string) => new Date(iso);
const signal = (over: Partial<Signal>): Signal => ({ personId: 'P', signal: 'download', eventId: 'E1', at: at('2026-12-01T02:00:00Z'), contentType: 'whitepaper', contentId: 'W', value: null, identity: 'E1', ...over });
const rules = DefaultRuleSet.intentRules;

describe('scoring rules', () => {
  it('counts a day in China time: 16:00 UTC is midnight in Shanghai', () => {
    expect(chinaDay(at('2026-12-01T15:59:00Z'))).toBe(chinaDay(at('2026-12-01T00:00:00Z')));
    expect(chinaDay(at('2026-12-01T16:00:00Z'))).toBe(chinaDay(at('2026-12-01T00:00:00Z')) + 1);
  });

  it('fires a daily-capped rule at most its cap per day, and again the next day', () => {
    const day1 = Array.from({ length: 5 }, (_, i) => signal({ eventId: `A${i}`, identity: `A${i}` }));
    const day2 = Array.from({ length: 5 }, (_, i) => signal({ eventId: `B${i}`, identity: `B${i}`, at: at('2026-12-02T02:00:00Z') }));
    const fired = fire(rules, [...day1, ...day2], new CapCounts());
    expect(fired.map((f) => f.signal.eventId)).toEqual(['A0', 'A1', 'A2', 'B0', 'B1', 'B2']);
  });

  it('fires a watch rule once per live event, only from its minutes on', () => {
    const watch = (minutes: number, live = 'L1') => signal({ signal: 'watch', contentType: 'live', contentId: live, value: minutes, eventId: `${live}${minutes}`, identity: `${live}${minutes}` });
    const fired = fire(rules, [watch(25), watch(30), watch(35), watch(40), watch(30, 'L2')], new CapCounts());
    expect(fired.map((f) => [f.rule.key, f.signal.contentId, f.signal.value])).toEqual([
      ['live_watch_30', 'L1', 30],
      ['live_watch_30', 'L2', 30],
    ]);
  });

  it('skips what was stored before (a replay) and counts totals stored before', () => {
    const counts = new CapCounts();
    counts.addKey('P', 'whitepaper_download', 'e:E1');
    counts.addTotal('P', 'card_view', 5);
    expect(fire(rules, [signal({}), signal({ signal: 'card_view', contentType: 'card', eventId: 'C', identity: 'C' })], counts)).toEqual([]);
  });

  it('grades fit by the thresholds and compares grades best-first', () => {
    const profile = { industry: '制造业', seniority: 'director', size_band: '1000-4999', province: null, account_tier: null, buying_role: null };
    expect(fitOf(DefaultRuleSet.fitRules, DefaultRuleSet.grades, profile)).toMatchObject({ points: 65, grade: 'B' });
    expect(fitOf(DefaultRuleSet.fitRules, DefaultRuleSet.grades, { ...profile, account_tier: 'A' })).toMatchObject({ points: 90, grade: 'A' });
    expect(gradeAtLeast('A', 'B')).toBe(true);
    expect(gradeAtLeast('C', 'B')).toBe(false);
  });
});
