import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import type { PersonDataContributor } from '../privacy/person-data';
import { LiveEventEntity, LiveReminderEntity, LiveSignupEntity, SubscriptionGrantEntity } from './live.entity';
import { LiveRepository } from './live.repository';

/**
 * A person's live-event data in their export, and what erasure does to it: future sign-ups are
 * cancelled (their seats freed), reminders and subscriptions dropped, survey answers (free text)
 * deleted. Past sign-ups and watch minutes stay as counts under the emptied person record;
 * payment orders stay, as accounting records must.
 */
@Injectable()
export class LivePersonData implements PersonDataContributor {
  readonly section = 'liveEvents';

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveRepository,
    private readonly clock: Clock,
  ) {}

  async export(personId: string): Promise<unknown> {
    const q = (sql: string) => this.dataSource.query(sql, [personId]);
    const [signups, attendance, answers, grants] = await Promise.all([
      q('SELECT s.event_id, e.title, s.status, s.paid, s.created_at FROM live_signups s JOIN live_events e ON e.id = s.event_id WHERE s.person_id = ? ORDER BY s.created_at'),
      q('SELECT event_id, minutes, first_at, last_at FROM live_attendance WHERE person_id = ?'),
      q('SELECT event_id, answers, created_at FROM live_survey_answers WHERE person_id = ?'),
      q('SELECT event_id, template_id, purpose, status, created_at FROM subscription_grants WHERE person_id = ?'),
    ]);
    return {
      signups: signups.map((s: Record<string, unknown>) => ({ eventId: s.event_id, title: s.title, status: s.status, paid: Number(s.paid) === 1, at: s.created_at })),
      watchMinutes: attendance.map((a: Record<string, unknown>) => ({ eventId: a.event_id, minutes: Number(a.minutes), firstAt: a.first_at, lastAt: a.last_at })),
      surveyAnswers: answers.map((a: Record<string, unknown>) => ({ eventId: a.event_id, answers: JSON.parse(String(a.answers)), at: a.created_at })),
      reminderSubscriptions: grants.map((g: Record<string, unknown>) => ({ eventId: g.event_id, templateId: g.template_id, purpose: g.purpose, status: g.status, at: g.created_at })),
    };
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    const active = await em
      .createQueryBuilder(LiveSignupEntity, 's')
      .innerJoin(LiveEventEntity, 'e', 'e.id = s.event_id')
      .where('s.person_id = :personId AND s.holds_seat = 1 AND e.start_at > :now', { personId, now: this.clock.now() })
      .getMany();
    for (const signup of active) await this.live.vacate(em, signup);
    await em.update(LiveReminderEntity, { personId, status: 'pending' }, { status: 'cancelled' });
    await em.delete(SubscriptionGrantEntity, { personId });
    await em.query('DELETE FROM live_survey_answers WHERE person_id = ?', [personId]);
  }
}
