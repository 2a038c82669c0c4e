/**
 * Working time, for deadlines that count only working hours (an SLA of "accept within 4 working
 * hours" set on Friday at 17:00 falls due on Monday). Pure functions over a calendar: which days
 * are worked, the working hours of such a day, public holidays and make-up working days (调休).
 *
 * The time zone is Asia/Shanghai, which has been UTC+8 without daylight saving since 1991: local
 * days are whole 24-hour spans, so the arithmetic needs no time-zone database.
 */
export interface WorkingCalendar {
  /** Worked days of the week, ISO numbering: 1 Monday … 7 Sunday. */
  weekdays: readonly number[];
  /** Working hours of a worked day, minutes after local midnight: [start, end). */
  dayStartMinute: number;
  dayEndMinute: number;
  /** Local dates (YYYY-MM-DD) not worked although their weekday is. */
  holidays: readonly string[];
  /** Local dates worked although their weekday is not (调休). */
  workdays: readonly string[];
}

export const CALENDAR_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** A calendar with no worked day in two years is a mistake, not a reason to loop forever. */
const SEARCH_DAYS = 2 * 366;

export const DEFAULT_CALENDAR: WorkingCalendar = { weekdays: [1, 2, 3, 4, 5], dayStartMinute: 9 * 60, dayEndMinute: 18 * 60, holidays: [], workdays: [] };

/** The local day an instant falls on, as a day number (days since 1970-01-01 in Asia/Shanghai). */
export function localDay(at: Date | number): number {
  return Math.floor((+at + OFFSET_MS) / DAY_MS);
}

/** Minutes after local midnight. */
export function localMinute(at: Date | number): number {
  return Math.floor((((+at + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / 60_000);
}

/** The instant a local day starts plus `minute` minutes. */
export function localInstant(day: number, minute: number): number {
  return day * DAY_MS - OFFSET_MS + minute * 60_000;
}

/** YYYY-MM-DD of a local day. */
export function localDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(calendar: WorkingCalendar, day: number): boolean {
  const date = localDate(day);
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(day * DAY_MS).getUTCDay() || 7;
  return calendar.weekdays.includes(weekday);
}

/** The working hours of a local day as [start, end) instants, or null on a day not worked. */
function windowOf(calendar: WorkingCalendar, day: number): [number, number] | null {
  if (!isWorkingDay(calendar, day) || calendar.dayEndMinute <= calendar.dayStartMinute) return null;
  return [localInstant(day, calendar.dayStartMinute), localInstant(day, calendar.dayEndMinute)];
}

/** The instant `hours` working hours after `from` (an SLA deadline). Zero hours: `from` itself. */
export function addWorkingHours(calendar: WorkingCalendar, from: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError('working hours must be a finite number ≥ 0');
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining === 0) return new Date(from);
  const first = localDay(from);
  for (let day = first; day < first + SEARCH_DAYS; day++) {
    const window = windowOf(calendar, day);
    if (!window) continue;
    const start = Math.max(window[0], from.getTime());
    if (start >= window[1]) continue;
    if (remaining <= window[1] - start) return new Date(start + remaining);
    remaining -= window[1] - start;
  }
  throw new RangeError('the calendar has no working hours in the next two years');
}

/** Working milliseconds in [from, to) (0 when `to` is not after `from`). */
export function workingMsBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  let total = 0;
  for (let day = localDay(from); day <= localDay(to); day++) {
    const window = windowOf(calendar, day);
    if (!window) continue;
    total += Math.max(0, Math.min(window[1], to.getTime()) - Math.max(window[0], from.getTime()));
  }
  return total;
}

/** Working hours in [from, to), fractional. */
export function workingHoursBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  return workingMsBetween(calendar, from, to) / HOUR_MS;
}

/**
 * When a daily quiet period [startMinute, endMinute) that contains `at` ends (it may wrap past
 * midnight, 22:00–08:00), or null when `at` is outside it.
 */
export function quietPeriodEnd(at: Date, startMinute: number, endMinute: number): Date | null {
  if (startMinute === endMinute) return null;
  const minute = localMinute(at);
  const day = localDay(at);
  const wraps = startMinute > endMinute;
  const inside = wraps ? minute >= startMinute || minute < endMinute : minute >= startMinute && minute < endMinute;
  if (!inside) return null;
  const endDay = wraps && minute >= startMinute ? day + 1 : day;
  return new Date(localInstant(endDay, endMinute));
}
