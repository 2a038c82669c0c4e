import { Injectable } from '@nestjs/common';
import type { AttendanceRequest, WatchMode } from '@leadloop/shared';
import { DataSource, IsNull, Not } from 'typeorm';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { AttendanceService } from './attendance.service';
import { LiveAttendanceEntity } from './live.entity';

/**
 * Watch time for a WeChat Channels live, which plays outside the app: no heartbeat reaches us while
 * the person is there. The room reports `channels_open` as it hands over to Channels and
 * `channels_return` when the app is shown again; the minutes between (server time at both ends,
 * clipped to the event's start and end) count as watched. See docs/WECHAT.md for what this does
 * and does not measure.
 */
@Injectable()
export class ChannelsWatch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attendance: AttendanceService,
    private readonly clock: Clock,
  ) {}

  /** Every attendance report of the room: the Channels kinds here, the others as before. */
  async report(auth: AuthContext, eventId: string, kind: AttendanceRequest['kind']): Promise<{ watchMinutes: number; watch: WatchMode | null }> {
    if (kind === 'channels_return') return { watchMinutes: await this.returned(auth, eventId), watch: null };
    if (kind !== 'channels_open') return this.attendance.report(auth, eventId, kind);
    const now = this.clock.now();
    // the current minute counts, and the room must be open, as for a heartbeat
    const answer = await this.attendance.report(auth, eventId, 'heartbeat', now);
    await this.dataSource.manager.update(LiveAttendanceEntity, { eventId, personId: auth.personId }, { awaySince: now });
    return answer;
  }

  private async returned(auth: AuthContext, eventId: string): Promise<number> {
    const event = await this.attendance.admitted(auth, eventId);
    const now = this.clock.now();
    const row = await this.dataSource.manager.findOneBy(LiveAttendanceEntity, { eventId, personId: auth.personId });
    if (!row?.awaySince) return row?.minutes ?? 0;
    // cleared first, conditionally: a second return (another device, a retried request) adds nothing
    const cleared = await this.dataSource.manager.update(LiveAttendanceEntity, { eventId, personId: auth.personId, awaySince: Not(IsNull()) }, { awaySince: null });
    if (!cleared.affected) return row.minutes;
    const from = Math.max(row.awaySince.getTime(), event.startAt.getTime());
    const to = Math.min(now.getTime(), event.endAt.getTime());
    if (to < from) return row.minutes;
    return this.attendance.markSpan(eventId, auth.personId, from, to, now);
  }
}
