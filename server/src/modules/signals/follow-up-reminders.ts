import { Injectable } from '@nestjs/common';
import { chinaDayOf } from '@leadloop/shared';
import { type EntityManager, In } from 'typeorm';
import type { FollowUpChange, FollowUpListener } from '../handoff/follow-ups';
import { LeadEntity } from '../leads/leads.entity';
import type { DueTimer, TimerHandler } from '../timers/timer-handlers';
import { Timers } from '../timers/timers.service';
import { SalesSignals } from './sales-signals';

const KIND = 'follow_up_due';
const subjectOf = (personId: string) => `follow-up:${personId}`;

/**
 * The follow-up day sales set on a lead becomes a reminder in its owner's inbox (and WeChat, where
 * granted) at 09:00 China time that day: a durable timer scheduled in the feedback's transaction,
 * moved or cancelled with every later change. When it fires it reminds whoever owns the lead then,
 * and only if that day still stands.
 */
@Injectable()
export class FollowUpReminders implements FollowUpListener, TimerHandler {
  readonly name = 'signals';
  readonly kind = KIND;

  constructor(
    private readonly timers: Timers,
    private readonly signals: SalesSignals,
  ) {}

  async followUpChanged(em: EntityManager, change: FollowUpChange): Promise<void> {
    await this.timers.cancel(em, subjectOf(change.personId), [KIND]);
    if (change.on && change.ownerStaffId) await this.timers.schedule(em, [{ kind: KIND, subject: subjectOf(change.personId), dueAt: new Date(`${change.on}T09:00:00+08:00`), payload: { on: change.on } }]);
  }

  async fire(em: EntityManager, due: readonly DueTimer[]): Promise<void> {
    const personIds = due.map((t) => t.subject.slice(subjectOf('').length));
    const leads = await em.find(LeadEntity, { select: { personId: true, ownerStaffId: true, nextFollowUpAt: true }, where: { personId: In(personIds) } });
    const byId = new Map(leads.map((l) => [l.personId, l]));
    await this.signals.send(
      em,
      due.flatMap((t, i) => {
        const lead = byId.get(personIds[i]);
        const on = (t.payload as { on: string }).on;
        if (!lead?.ownerStaffId || !lead.nextFollowUpAt || chinaDayOf(lead.nextFollowUpAt) !== on) return [];
        return [{ staffId: lead.ownerStaffId, kind: 'follow_up_due' as const, personId: lead.personId, detail: `约好今天（${on}）跟进`, dedupeKey: `follow-up:${t.id}`, at: t.dueAt }];
      }),
    );
  }
}
