import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { quietPeriodEnd } from '../../core/working-calendar';
import { newId } from '../../database/ids';
import { lockForUpdate } from '../../database/locks';
import { insertNew } from '../../database/sql';
import { PersonEntity } from '../identity/identity.entity';
import { displayNameOf } from '../leads/lead-views';
import type { AfterCommit, DueTimer, TimerHandler } from '../timers/timer-handlers';
import { Timers } from '../timers/timers.service';
import { SignalDelivery } from './signal-delivery';
import { composeMessage } from './signal-message';
import { SalesSignalEntity, SignalGrantEntity, SignalMessageEntity, SignalPushEntity } from './signals.entity';

export const PUSH_TIMER = 'signals.push';

/**
 * Turns a staff member's waiting signals into one subscribe message, when the rate limits allow:
 * the first signal waits `coalesceSeconds` for others; at most one message per staff window; a
 * lead already messaged about within the lead window stays in the inbox only; quiet hours hold
 * the push until they end. Each wait is a durable timer, so a restart loses no held message.
 */
@Injectable()
export class SignalPush implements TimerHandler {
  readonly kind = PUSH_TIMER;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly timers: Timers,
    private readonly delivery: SignalDelivery,
    private readonly clock: Clock,
  ) {}

  /** Makes sure a push is scheduled for the staff member (inside the transaction that added signals). */
  async schedule(em: EntityManager, staffId: string, now: Date): Promise<void> {
    const state = await this.lockState(em, staffId);
    if (state.pushAt) return; // the push already scheduled takes the new signals too
    const at = this.releaseAt(new Date(now.getTime() + this.config.signals.coalesceSeconds * 1000), state.lastMessageAt);
    await this.holdUntil(em, staffId, at);
  }

  async fire(em: EntityManager, timers: readonly DueTimer[]): Promise<AfterCommit | void> {
    const sent: string[] = [];
    for (const staffId of timers.map((t) => t.subject.slice('staff:'.length)).sort()) {
      const messageId = await this.pushFor(em, staffId);
      if (messageId) sent.push(messageId);
    }
    if (sent.length > 0) return () => this.delivery.deliver(sent);
  }

  private async pushFor(em: EntityManager, staffId: string): Promise<string | null> {
    const state = await this.lockState(em, staffId);
    const now = this.clock.now();
    // no push waiting, or a later one is (this timer is stale): nothing to do now
    if (!state.pushAt || state.pushAt > now) return null;
    const release = this.releaseAt(now, state.lastMessageAt);
    if (release > now) {
      await this.holdUntil(em, staffId, release);
      return null;
    }
    const waiting = await em.find(SalesSignalEntity, { where: { staffId, pushState: 'waiting' }, order: { id: 'ASC' } });
    const recent = await this.recentlyMessaged(em, staffId, waiting, now);
    const fresh = waiting.filter((s) => !s.personId || !recent.has(s.personId));
    const grant = fresh.length > 0 ? await lockForUpdate(em.createQueryBuilder(SignalGrantEntity, 'g').where("g.staff_id = :staffId AND g.status = 'available'", { staffId }).orderBy('g.id').limit(1)).getOne() : null;
    await em.update(SignalPushEntity, { staffId }, { pushAt: null, ...(grant ? { lastMessageAt: now } : {}) });
    if (!grant) {
      if (waiting.length > 0) await em.update(SalesSignalEntity, { id: In(waiting.map((s) => s.id)) }, { pushState: 'inbox' });
      return null;
    }
    const names = await this.names(em, fresh);
    const { summary, detail, leads } = composeMessage(fresh, names);
    const message = { id: newId(now.getTime()), staffId, grantId: grant.id, state: 'sending' as const, leads, signals: fresh.length, summary, detail, attempts: 0, error: null, createdAt: now, sentAt: null };
    await em.insert(SignalMessageEntity, message);
    await em.update(SignalGrantEntity, { id: grant.id }, { status: 'sending', spentAt: now });
    await em.update(SalesSignalEntity, { id: In(fresh.map((s) => s.id)) }, { pushState: 'messaged', messageId: message.id });
    const muted = waiting.filter((s) => !fresh.includes(s));
    if (muted.length > 0) await em.update(SalesSignalEntity, { id: In(muted.map((s) => s.id)) }, { pushState: 'inbox' });
    return message.id;
  }

  /** The earliest a message may go at or after `at`: after the staff window, outside quiet hours. */
  private releaseAt(at: Date, lastMessageAt: Date | null): Date {
    const { staffWindowMinutes, quietStartMinute, quietEndMinute } = this.config.signals;
    let release = at;
    if (lastMessageAt && lastMessageAt.getTime() + staffWindowMinutes * 60_000 > release.getTime()) release = new Date(lastMessageAt.getTime() + staffWindowMinutes * 60_000);
    return quietPeriodEnd(release, quietStartMinute, quietEndMinute) ?? release;
  }

  private async holdUntil(em: EntityManager, staffId: string, at: Date): Promise<void> {
    await em.update(SignalPushEntity, { staffId }, { pushAt: at });
    await this.timers.schedule(em, [{ kind: PUSH_TIMER, subject: `staff:${staffId}`, dueAt: at, dedupeKey: `${PUSH_TIMER}:${staffId}:${at.getTime()}` }]);
  }

  /** The staff member's push row, created on first use and locked: a push and a new signal never miss each other. */
  private async lockState(em: EntityManager, staffId: string): Promise<SignalPushEntity> {
    await insertNew(em, 'signal_push', [{ staff_id: staffId, push_at: null, last_message_at: null }]);
    return lockForUpdate(em.createQueryBuilder(SignalPushEntity, 'p').where('p.staff_id = :staffId', { staffId })).getOneOrFail();
  }

  /** Leads of these signals already in a message to this staff member within the lead window. */
  private async recentlyMessaged(em: EntityManager, staffId: string, signals: SalesSignalEntity[], now: Date): Promise<Set<string>> {
    const personIds = [...new Set(signals.flatMap((s) => (s.personId ? [s.personId] : [])))];
    const window = this.config.signals.leadWindowMinutes * 60_000;
    if (personIds.length === 0 || window === 0) return new Set();
    const rows = await em.find(SalesSignalEntity, {
      select: { personId: true },
      where: { staffId, pushState: 'messaged', personId: In(personIds), createdAt: MoreThanOrEqual(new Date(now.getTime() - window)) },
    });
    return new Set(rows.map((r) => r.personId!));
  }

  private async names(em: EntityManager, signals: SalesSignalEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(signals.flatMap((s) => (s.personId ? [s.personId] : [])))];
    if (ids.length === 0) return new Map();
    const people = await em.find(PersonEntity, { select: { id: true, name: true, nickname: true }, where: { id: In(ids) } });
    return new Map(people.map((p) => [p.id, displayNameOf(p)]));
  }
}
