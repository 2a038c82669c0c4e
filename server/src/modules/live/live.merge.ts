import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';
import { LiveAttendanceEntity } from './live.entity';

/**
 * Live data follows the person. Where both records signed up for the same event, the survivor's
 * sign-up stands and the merged one stays with the merged record (its seat and order too: an
 * order follows its sign-up), so
 * unmerge has nothing to rebuild; reminders and survey answers likewise. Watch minutes are
 * pooled: the minutes the survivor did not watch move over, and the survivor's attendance row
 * for the event counts them, first and last seen widened (the merged row is kept in the journal).
 */
export const liveMerge: PersonMergeContributor = {
  module: 'live',
  async move(step: MergeStep): Promise<void> {
    await step.reassign({ table: 'live_signups', column: 'person_id', keyColumns: ['id'], uniqueWith: ['event_id'], kind: 'signups' });
    // an order goes where its sign-up went (payments knows nothing of sign-ups' people)
    await step.reassign({
      table: 'payment_orders',
      column: 'person_id',
      keyColumns: ['id'],
      where: { sql: 'f.signup_id IN (SELECT s.id FROM live_signups s WHERE s.person_id = ?)', params: [step.toId] },
      kind: 'orders',
    });
    await step.reassign({ table: 'subscription_grants', column: 'person_id', keyColumns: ['id'] });
    await step.reassign({ table: 'live_reminders', column: 'person_id', keyColumns: ['id'], uniqueWith: ['event_id', 'kind'] });
    await step.reassign({ table: 'live_survey_answers', column: 'person_id', keyColumns: ['event_id'], uniqueWith: ['event_id'] });
    await step.reassign({ table: 'live_attendance_minutes', column: 'person_id', keyColumns: ['event_id', 'minute'], uniqueWith: ['event_id', 'minute'] });
    const { kept } = await step.reassign({ table: 'live_attendance', column: 'person_id', keyColumns: ['event_id'], uniqueWith: ['event_id'], kind: 'watch' });
    for (const [eventId] of kept) {
      const [from, to] = await Promise.all([
        step.em.findOneByOrFail(LiveAttendanceEntity, { eventId: String(eventId), personId: step.fromId }),
        step.em.findOneByOrFail(LiveAttendanceEntity, { eventId: String(eventId), personId: step.toId }),
      ]);
      const [{ n }]: { n: number | string }[] = await step.em.query('SELECT COUNT(*) AS n FROM live_attendance_minutes WHERE event_id = ? AND person_id = ?', [eventId, step.toId]);
      await step.update(LiveAttendanceEntity, { eventId: to.eventId, personId: step.toId }, {
        minutes: Math.max(Number(n), to.minutes),
        firstAt: from.firstAt < to.firstAt ? from.firstAt : to.firstAt,
        lastAt: from.lastAt > to.lastAt ? from.lastAt : to.lastAt,
      });
      await step.remove(LiveAttendanceEntity, { eventId: from.eventId, personId: step.fromId });
      step.count('watch', 1);
    }
  },
};
