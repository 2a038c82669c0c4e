import { describe, expect, it } from '@jest/globals';
import {
  beijingIso,
  fenToYuan,
  formatCountdown,
  formatLiveRange,
  formatLiveTime,
  formatMoney,
  formatOffset,
  formatPrice,
  formatSeats,
  livePhase,
  phaseLine,
  splitBeijing,
  yuanToFen,
} from './live-format';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('Beijing times', () => {
  it('shows an instant in Beijing time whatever the device zone', () => {
    expect(formatLiveTime('2026-11-23T11:00:00Z')).toBe('11月23日 19:00');
    expect(formatLiveTime('2026-11-23T19:00:00+08:00')).toBe('11月23日 19:00');
    // 23:30 UTC is already the next morning in Beijing
    expect(formatLiveTime('2026-11-23T23:30:00Z')).toBe('11月24日 07:30');
    expect(formatLiveTime('not a date')).toBe('not a date');
  });

  it('writes a range on one day with the weekday, across midnight with both dates', () => {
    expect(formatLiveRange('2026-11-23T19:00:00+08:00', '2026-11-23T21:30:00+08:00')).toBe('11月23日 周一 19:00–21:30');
    expect(formatLiveRange('2026-11-23T23:00:00+08:00', '2026-11-24T01:00:00+08:00')).toBe('11月23日 周一 23:00 – 11月24日 01:00');
  });

  it('turns typed Beijing fields into an ISO instant and back', () => {
    expect(beijingIso('2026-11-23', '19:00')).toBe('2026-11-23T19:00:00+08:00');
    expect(Date.parse(beijingIso('2026-11-23', '19:00') as string)).toBe(Date.parse('2026-11-23T11:00:00Z'));
    expect(splitBeijing('2026-11-23T11:00:00.000Z')).toEqual({ date: '2026-11-23', time: '19:00' });
    expect(splitBeijing('2026-12-31T16:30:00Z')).toEqual({ date: '2027-01-01', time: '00:30' });
  });

  it('refuses dates and times that do not exist', () => {
    expect(beijingIso('2026-02-30', '19:00')).toBeNull();
    expect(beijingIso('2026-11-23', '24:00')).toBeNull();
    expect(beijingIso('2026/11/23', '19:00')).toBeNull();
    expect(beijingIso('2026-11-23', '7:00')).toBeNull();
  });
});

describe('prices', () => {
  it('reads 免费 for nothing, whole yuan without decimals, otherwise two decimals', () => {
    expect(formatPrice(0)).toBe('免费');
    expect(formatPrice(9900)).toBe('¥99');
    expect(formatPrice(9950)).toBe('¥99.50');
    expect(formatPrice(1)).toBe('¥0.01');
  });

  it('writes report amounts with thousands separators', () => {
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(9900)).toBe('¥99.00');
    expect(formatMoney(123456789)).toBe('¥1,234,567.89');
    expect(formatMoney(-500)).toBe('-¥5.00');
  });

  it('converts typed yuan to fen exactly (no floating point drift)', () => {
    expect(yuanToFen('99')).toBe(9900);
    expect(yuanToFen('99.9')).toBe(9990);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen(' 0 ')).toBe(0);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('shows fen back as the price field would', () => {
    expect(fenToYuan(9900)).toBe('99');
    expect(fenToYuan(9950)).toBe('99.50');
    expect(fenToYuan(0)).toBe('0');
    for (const fen of [0, 1, 10, 99, 100, 1999, 9990, 123456]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});

describe('seats and phases', () => {
  it('says how many seats are left, and when few or none', () => {
    expect(formatSeats(120, 200)).toBe('剩余 120 个名额');
    expect(formatSeats(3, 200)).toBe('仅剩 3 个名额');
    expect(formatSeats(15, 200)).toBe('仅剩 15 个名额');
    expect(formatSeats(0, 200)).toBe('名额已满');
  });

  it('places now before, during or after the event', () => {
    const start = '2026-11-23T11:00:00Z';
    const end = '2026-11-23T13:00:00Z';
    const at = (iso: string) => Date.parse(iso);
    expect(livePhase(at('2026-11-23T10:59:59Z'), start, end)).toBe('upcoming');
    expect(livePhase(at(start), start, end)).toBe('live');
    expect(livePhase(at(end), start, end)).toBe('ended');
    expect(phaseLine(at('2026-11-23T12:00:00Z'), start, end)).toBe('直播进行中');
    expect(phaseLine(at('2026-11-23T14:00:00Z'), start, end)).toBe('直播已结束');
    expect(phaseLine(at(start) - 2 * DAY - 3 * HOUR, start, end)).toBe('距开播 2 天 03 小时');
  });

  it('counts down in days, then hours, then minutes and seconds', () => {
    expect(formatCountdown(2 * DAY + 3 * HOUR + 59 * MIN)).toBe('2 天 03 小时');
    expect(formatCountdown(5 * HOUR + 8 * MIN + 30_000)).toBe('5 小时 08 分');
    expect(formatCountdown(12 * MIN + 5_000)).toBe('12 分 05 秒');
    expect(formatCountdown(-1000)).toBe('0 分 00 秒');
  });

  it('names reminder offsets the way a marketer says them', () => {
    expect(formatOffset(1440)).toBe('提前 1 天');
    expect(formatOffset(120)).toBe('提前 2 小时');
    expect(formatOffset(15)).toBe('提前 15 分钟');
  });
});
