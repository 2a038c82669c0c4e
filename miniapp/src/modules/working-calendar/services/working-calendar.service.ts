import type { WorkingCalendarSettings, WorkingCalendarView } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';

const consoleScope = { scope: platform.consoleScope };

export function fetchCalendar(): Promise<WorkingCalendarView> {
  return api('workingCalendar', undefined, consoleScope);
}

export function saveCalendar(settings: WorkingCalendarSettings): Promise<WorkingCalendarView> {
  return api('saveWorkingCalendar', settings, consoleScope);
}
