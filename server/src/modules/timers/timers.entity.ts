import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TimerState = 'pending' | 'fired' | 'cancelled' | 'failed';

/** A deadline kept in the database: fired once by whichever worker claims it when due. */
@Entity('timers')
export class TimerEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  /** What it is about (`lead:<personId>`, `staff:<staffId>`): cancelling by subject stops its timers. */
  @Column({ type: 'varchar', length: 64 }) subject!: string;
  /** Scheduling the same key twice keeps the first timer. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, nullable: true }) dedupeKey!: string | null;
  @Column({ type: 'text', nullable: true }) payload!: string | null;
  @Column({ name: 'due_at', type: 'datetime', precision: 3 }) dueAt!: Date;
  @Column({ type: 'varchar', length: 12 }) state!: TimerState;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  /** How often it fired: 1 once fired; anything more would be a defect the row itself shows. */
  @Column({ type: 'int', default: 0 }) fires!: number;
  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true }) lastError!: string | null;
  @Column({ name: 'fired_at', type: 'datetime', precision: 3, nullable: true }) firedAt!: Date | null;
  @Column({ name: 'fired_by', type: 'varchar', length: 16, nullable: true }) firedBy!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** The one working calendar (row id 1); absent until an admin saves one (the default applies). */
@Entity('working_calendar')
export class WorkingCalendarEntity {
  @PrimaryColumn({ type: 'int' }) id!: number;
  /** ISO weekdays, comma-separated: "1,2,3,4,5". */
  @Column({ type: 'varchar', length: 13 }) weekdays!: string;
  @Column({ name: 'day_start', type: 'varchar', length: 5 }) dayStart!: string;
  @Column({ name: 'day_end', type: 'varchar', length: 5 }) dayEnd!: string;
  /** JSON: YYYY-MM-DD[] */
  @Column({ type: 'text' }) holidays!: string;
  @Column({ type: 'text' }) workdays!: string;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true }) updatedAt!: Date | null;
  @Column({ name: 'updated_by_staff_id', type: 'varchar', length: 26, nullable: true }) updatedByStaffId!: string | null;
}

export const timerEntities = [TimerEntity, WorkingCalendarEntity];
