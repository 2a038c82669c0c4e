import { MAX_CALENDAR_DATES, type WorkingCalendarSettings, type WorkingCalendarView } from '@leadloop/shared';

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export interface CalendarForm {
  weekdays: number[];
  dayStart: string;
  dayEnd: string;
  /** Dates as typed: one per line (or separated by commas or spaces). */
  holidays: string;
  workdays: string;
}

export function formOf(view: WorkingCalendarView): CalendarForm {
  return { weekdays: view.weekdays, dayStart: view.dayStart, dayEnd: view.dayEnd, holidays: view.holidays.join('\n'), workdays: view.workdays.join('\n') };
}

/** A real YYYY-MM-DD day (2027-02-30 is not: Date would roll it over to March). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const datesOf = (text: string) => text.split(/[\s,，、;；]+/).filter((d) => d.length > 0);

/** The form as the contract takes it, or what to fix first (in Chinese, for display). */
export function settingsOf(form: CalendarForm): { settings: WorkingCalendarSettings } | { problem: string } {
  const holidays = datesOf(form.holidays);
  const workdays = datesOf(form.workdays);
  const bad = [...holidays, ...workdays].find((d) => !isCalendarDate(d));
  if (bad) return { problem: `日期「${bad}」格式不对，请写成 2027-01-01` };
  if (holidays.length > MAX_CALENDAR_DATES || workdays.length > MAX_CALENDAR_DATES) return { problem: `节假日和调休上班日各最多 ${MAX_CALENDAR_DATES} 天` };
  if (!/^\d{2}:\d{2}$/.test(form.dayStart) || !/^\d{2}:\d{2}$/.test(form.dayEnd)) return { problem: '上下班时间请写成 09:00' };
  if (form.dayStart >= form.dayEnd) return { problem: '下班时间需晚于上班时间' };
  return { settings: { weekdays: [...form.weekdays].sort((a, b) => a - b), dayStart: form.dayStart, dayEnd: form.dayEnd, holidays, workdays } };
}
