import { addWorkingHours, DEFAULT_CALENDAR, isWorkingDay, localDay, quietPeriodEnd, type WorkingCalendar, workingHoursBetween } from './working-calendar';

/** Mon–Fri 09:00–18:00 Beijing time; New Year's Day 2027 (a Friday) off; Saturday 9 January worked (调休). */
const calendar: WorkingCalendar = { ...DEFAULT_CALENDAR, holidays: ['2027-01-01'], workdays: ['2027-01-09'] };
const bj = (local: string) => new Date(`${local}+08:00`);

describe('working calendar', () => {
  it('adds working hours across a holiday and a weekend', () => {
    // Thursday 31 Dec 16:00: two hours that day, Friday is a holiday, then the weekend, two more on Monday
    expect(addWorkingHours(calendar, bj('2026-12-31T16:00'), 4)).toEqual(bj('2027-01-04T11:00'));
  });

  it('adds working hours across an ordinary weekend', () => {
    expect(addWorkingHours(calendar, bj('2026-12-25T17:00'), 3)).toEqual(bj('2026-12-28T11:00'));
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(isWorkingDay(calendar, localDay(bj('2027-01-09T12:00')))).toBe(true);
    expect(addWorkingHours(calendar, bj('2027-01-08T17:00'), 2)).toEqual(bj('2027-01-09T10:00'));
  });

  it('starts counting at the next opening when started outside working hours', () => {
    expect(addWorkingHours(calendar, bj('2026-12-26T10:00'), 1)).toEqual(bj('2026-12-28T10:00'));
    expect(addWorkingHours(calendar, bj('2026-12-28T07:30'), 0.5)).toEqual(bj('2026-12-28T09:30'));
    expect(addWorkingHours(calendar, bj('2026-12-28T20:00'), 1)).toEqual(bj('2026-12-29T10:00'));
  });

  it('ends a full working day at its closing time, not the next morning', () => {
    expect(addWorkingHours(calendar, bj('2026-12-29T09:00'), 9)).toEqual(bj('2026-12-29T18:00'));
  });

  it('measures working hours between two instants', () => {
    expect(workingHoursBetween(calendar, bj('2026-12-31T16:00'), bj('2027-01-04T11:00'))).toBe(4);
    expect(workingHoursBetween(calendar, bj('2026-12-26T00:00'), bj('2026-12-27T23:59'))).toBe(0);
    expect(workingHoursBetween(calendar, bj('2026-12-28T00:00'), bj('2027-01-04T00:00'))).toBe(4 * 9);
    expect(workingHoursBetween(calendar, bj('2026-12-29T12:00'), bj('2026-12-29T10:00'))).toBe(0);
  });

  it('refuses a calendar with no working day at all', () => {
    expect(() => addWorkingHours({ ...calendar, weekdays: [], workdays: [] }, bj('2026-12-28T09:00'), 1)).toThrow(RangeError);
  });

  it('says when a quiet period that wraps past midnight ends', () => {
    const [start, end] = [22 * 60, 8 * 60];
    expect(quietPeriodEnd(bj('2026-12-28T23:10'), start, end)).toEqual(bj('2026-12-29T08:00'));
    expect(quietPeriodEnd(bj('2026-12-29T07:59'), start, end)).toEqual(bj('2026-12-29T08:00'));
    expect(quietPeriodEnd(bj('2026-12-29T08:00'), start, end)).toBeNull();
    expect(quietPeriodEnd(bj('2026-12-29T21:59'), start, end)).toBeNull();
    expect(quietPeriodEnd(bj('2026-12-29T13:00'), 12 * 60, 14 * 60)).toEqual(bj('2026-12-29T14:00'));
  });
});
