import { Injectable } from '@nestjs/common';
import type { WatchMode } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { insertNew, upsertAdd } from '../../database/sql';
import { Activity } from '../activity/activity';
import { attendActivity, watchActivity, watchMilestone } from './live.activities';
import type { LiveEventEntity } from './live.entity';
import { LiveRepository } from './live.repository';
import { LiveService } from './live.service';

export const HEARTBEAT_SECONDS = 30;
/** The room opens before the start and stays open a while after the scheduled end. */
const EARLY_MS = 30 * 60_000;
const LATE_MS = 60 * 60_000;

/**
 * Watch time as a set of minutes: every join, heartbeat or leave marks the current minute, and a
 * minute counts once per person however many devices or duplicate heartbeats report it.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveRepository,
    private readonly events: LiveService,
    private readonly activity: Activity,
    private readonly clock: Clock,
  ) {}

  async room(auth: AuthContext, eventId: string) {
    const event = await this.admitted(auth, eventId);
    return { watch: event.watch, startAt: event.startAt.toISOString(), endAt: event.endAt.toISOString(), replayUrl: event.endAt <= this.clock.now() ? event.replayUrl : null, heartbeatSeconds: HEARTBEAT_SECONDS };
  }

  async report(auth: AuthContext, eventId: string, kind: 'join' | 'heartbeat' | 'leave', now = this.clock.now()): Promise<{ watchMinutes: number; watch: WatchMode | null }> {
    const event = await this.admitted(auth, eventId);
    if (now.getTime() < event.startAt.getTime() - EARLY_MS || now.getTime() > event.endAt.getTime() + LATE_MS) {
      throw new AppError('LIVE_NOT_OPEN', 'The live room is not open now');
    }
    const minute = Math.floor(now.getTime() / 60_000);
    const minutes = await this.dataSource.transaction(async (em) => {
      // minutes before the start are presence, not watching
      if (now >= event.startAt) await insertNew(em, 'live_attendance_minutes', [{ event_id: eventId, person_id: auth.personId, minute }]);
      const [{ n }]: { n: string | number }[] = await em.query('SELECT COUNT(*) AS n FROM live_attendance_minutes WHERE event_id = ? AND person_id = ?', [eventId, auth.personId]);
      await upsertAdd(em, 'live_attendance', ['event_id', 'person_id'], [], [{ event_id: eventId, person_id: auth.personId, minutes: Number(n), first_at: now, last_at: now }], ['minutes', 'last_at']);
      if (kind === 'join') await this.activity.record(em, attendActivity(eventId, auth.personId, now));
      // one more minute at most per report: a milestone is reached exactly when the count lands on it
      const milestone = watchMilestone(Number(n) - 1, Number(n));
      if (milestone !== null && Number(n) === milestone) await this.activity.record(em, watchActivity(eventId, auth.personId, milestone, now));
      return Number(n);
    });
    return { watchMinutes: minutes, watch: kind === 'join' ? event.watch : null };
  }

  /** Marks every minute of [fromMs, toMs] as watched (a span spent in Channels); answers the person's total. */
  async markSpan(eventId: string, personId: string, fromMs: number, toMs: number, at: Date): Promise<number> {
    const first = Math.floor(fromMs / 60_000);
    const last = Math.floor(toMs / 60_000);
    const rows: { event_id: string; person_id: string; minute: number }[] = [];
    for (let minute = first; minute <= last; minute++) rows.push({ event_id: eventId, person_id: personId, minute });
    const watched = (em: EntityManager) => em.query('SELECT COUNT(*) AS n FROM live_attendance_minutes WHERE event_id = ? AND person_id = ?', [eventId, personId]).then((r: { n: string | number }[]) => Number(r[0].n));
    return this.dataSource.transaction(async (em) => {
      const before = await watched(em);
      for (let i = 0; i < rows.length; i += 500) await insertNew(em, 'live_attendance_minutes', rows.slice(i, i + 500));
      const n = await watched(em);
      await upsertAdd(em, 'live_attendance', ['event_id', 'person_id'], [], [{ event_id: eventId, person_id: personId, minutes: n, first_at: at, last_at: at }], ['minutes', 'last_at']);
      const milestone = watchMilestone(before, n);
      if (milestone !== null) await this.activity.record(em, watchActivity(eventId, personId, milestone, at));
      return n;
    });
  }

  /** Only people with a confirmed sign-up may enter the room. */
  async admitted(auth: AuthContext, eventId: string): Promise<LiveEventEntity> {
    const event = await this.events.mustFindPublic(eventId);
    const signup = await this.live.findSignup(eventId, auth.personId);
    if (signup?.status !== 'confirmed') throw new AppError('LIVE_NOT_SIGNED_UP', 'Sign up to watch this event');
    return event;
  }
}
