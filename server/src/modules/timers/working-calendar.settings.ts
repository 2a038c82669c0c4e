import { Injectable } from '@nestjs/common';
import type { WorkingCalendarSettings, WorkingCalendarView } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { CALENDAR_TIME_ZONE, DEFAULT_CALENDAR, type WorkingCalendar } from '../../core/working-calendar';
import { WorkingCalendarEntity } from './timers.entity';

const ROW = 1;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The working calendar as admins keep it (one row), read by whoever counts working hours (SLA). */
@Injectable()
export class WorkingCalendarSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The calendar to count in now (the default until an admin saves one). */
  async current(): Promise<WorkingCalendar> {
    const row = await this.dataSource.manager.findOneBy(WorkingCalendarEntity, { id: ROW });
    if (!row) return DEFAULT_CALENDAR;
    return {
      weekdays: row.weekdays === '' ? [] : row.weekdays.split(',').map(Number),
      dayStartMinute: minuteOf(row.dayStart),
      dayEndMinute: minuteOf(row.dayEnd),
      holidays: JSON.parse(row.holidays) as string[],
      workdays: JSON.parse(row.workdays) as string[],
    };
  }

  async view(): Promise<WorkingCalendarView> {
    const [calendar, row] = await Promise.all([this.current(), this.dataSource.manager.findOne(WorkingCalendarEntity, { select: { id: true, updatedAt: true }, where: { id: ROW } })]);
    return {
      timeZone: CALENDAR_TIME_ZONE,
      weekdays: [...calendar.weekdays],
      dayStart: hhmm(calendar.dayStartMinute),
      dayEnd: hhmm(calendar.dayEndMinute),
      holidays: [...calendar.holidays],
      workdays: [...calendar.workdays],
      updatedAt: row?.updatedAt?.toISOString() ?? null,
    };
  }

  async save(auth: AuthContext, input: WorkingCalendarSettings): Promise<WorkingCalendarView> {
    const sorted = (dates: string[]) => [...new Set(dates)].sort();
    const row: WorkingCalendarEntity = {
      id: ROW,
      weekdays: [...input.weekdays].sort((a, b) => a - b).join(','),
      dayStart: input.dayStart,
      dayEnd: input.dayEnd,
      holidays: JSON.stringify(sorted(input.holidays)),
      workdays: JSON.stringify(sorted(input.workdays)),
      updatedAt: this.clock.now(),
      updatedByStaffId: auth.staff?.id ?? null,
    };
    await this.dataSource.manager.upsert(WorkingCalendarEntity, row, ['id']);
    return this.view();
  }
}
