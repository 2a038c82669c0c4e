import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Clock } from '../../core/clock';
import { LiveEventEntity, LiveReminderEntity, LiveSignupEntity } from './live.entity';
import { SeatPool } from './seat-pool';

/** Live events and sign-ups (seats are the SeatPool's). */
@Injectable()
export class LiveRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: SeatPool,
    private readonly clock: Clock,
  ) {}

  findEvent(id: string, em: EntityManager = this.dataSource.manager): Promise<LiveEventEntity | null> {
    return em.findOneBy(LiveEventEntity, { id });
  }

  /** Event titles by id (ids of deleted events are left out). */
  async titlesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(LiveEventEntity, { select: { id: true, title: true }, where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** Whether a start reminder for this person is scheduled and not yet sent. */
  async hasPendingReminder(eventId: string, personId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(LiveReminderEntity, { eventId, personId, status: 'pending' });
  }

  findSignup(eventId: string, personId: string, em: EntityManager = this.dataSource.manager): Promise<LiveSignupEntity | null> {
    return em.findOneBy(LiveSignupEntity, { eventId, personId });
  }

  findSignupById(id: string, em: EntityManager = this.dataSource.manager): Promise<LiveSignupEntity | null> {
    return em.findOneBy(LiveSignupEntity, { id });
  }

  /** Moves a sign-up out of its seat once (the guard makes a second call a no-op); answers whether it did. */
  async vacate(em: EntityManager, signup: Pick<LiveSignupEntity, 'id' | 'eventId' | 'seatSlot'>, now = this.clock.now()): Promise<boolean> {
    const result = await em.update(LiveSignupEntity, { id: signup.id, holdsSeat: 1 }, { status: 'cancelled', holdsSeat: 0, seatSlot: null, cancelledAt: now });
    if (!result.affected) return false;
    if (signup.seatSlot !== null) await this.seats.release(em, signup.eventId, signup.seatSlot);
    return true;
  }

  async confirmPaid(em: EntityManager, signupId: string, now = this.clock.now()): Promise<boolean> {
    const result = await em.update(LiveSignupEntity, { id: signupId, status: 'pending_payment' }, { status: 'confirmed', paid: 1, confirmedAt: now });
    return !!result.affected;
  }

  /** Published events not yet over, soonest first, after a (start, id) cursor. */
  upcoming(now: Date, limit: number, after?: { startAt: Date; id: string }): Promise<LiveEventEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(LiveEventEntity, 'e')
      .where("e.status = 'published' AND e.end_at > :now", { now })
      .orderBy('e.start_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(limit);
    if (after) query.andWhere('(e.start_at > :start OR (e.start_at = :start AND e.id > :id))', { start: after.startAt, id: after.id });
    return query.getMany();
  }

  /** Every event for the console, newest first, before an id cursor (ids sort by creation). */
  newest(limit: number, before?: string): Promise<LiveEventEntity[]> {
    const query = this.dataSource.manager.createQueryBuilder(LiveEventEntity, 'e').orderBy('e.id', 'DESC').take(limit);
    if (before) query.where('e.id < :before', { before });
    return query.getMany();
  }

  async signupCounts(eventIds: string[]): Promise<Map<string, number>> {
    if (eventIds.length === 0) return new Map();
    const rows: { event_id: string; n: string | number }[] = await this.dataSource.query(
      `SELECT event_id, COUNT(*) AS n FROM live_signups WHERE status <> 'cancelled' AND event_id IN (${eventIds.map(() => '?').join(', ')}) GROUP BY event_id`,
      eventIds,
    );
    return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
  }

  signupsOf(personId: string, limit: number, before?: string): Promise<LiveSignupEntity[]> {
    const query = this.dataSource.manager.createQueryBuilder(LiveSignupEntity, 's').where('s.person_id = :personId', { personId }).orderBy('s.id', 'DESC').take(limit);
    if (before) query.andWhere('s.id < :before', { before });
    return query.getMany();
  }

  findEvents(ids: string[]): Promise<LiveEventEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.dataSource.manager.findBy(LiveEventEntity, { id: In(ids) });
  }

  mySignups(personId: string, eventIds: string[]): Promise<LiveSignupEntity[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.createQueryBuilder(LiveSignupEntity, 's').where('s.person_id = :personId AND s.event_id IN (:...eventIds)', { personId, eventIds }).getMany();
  }
}
