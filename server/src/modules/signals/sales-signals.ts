import { Injectable } from '@nestjs/common';
import { SIGNAL_DETAIL_MAX, type SignalKind } from '@leadloop/shared';
import { type EntityManager, In } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { insertNew } from '../../database/sql';
import { SignalPush } from './signal-push';
import { SignalGrantEntity } from './signals.entity';

export interface NewSignal {
  staffId: string;
  kind: SignalKind;
  /** The lead it is about, if any. */
  personId: string | null;
  /** A line under the signal (a content title, minutes watched); clipped to SIGNAL_DETAIL_MAX. */
  detail?: string | null;
  /** What it is about (an event id, an SLA timer): sending the same key to the same person again adds nothing. */
  dedupeKey: string;
  at?: Date;
}

/**
 * The one way to tell a staff member something: routing, SLA and the stream consumer all call
 * `send` inside their own transaction, so a signal exists exactly when what caused it committed.
 * A signal lands in the inbox at once; if its staff member holds a subscribe-message grant, a
 * push is scheduled to take it (and whatever else arrives meanwhile) to WeChat as one message.
 */
@Injectable()
export class SalesSignals {
  constructor(
    private readonly push: SignalPush,
    private readonly clock: Clock,
  ) {}

  async send(em: EntityManager, signals: readonly NewSignal[]): Promise<void> {
    if (signals.length === 0) return;
    const now = this.clock.now();
    const staffIds = [...new Set(signals.map((s) => s.staffId))].sort();
    const grants = await em.find(SignalGrantEntity, { select: { staffId: true }, where: { staffId: In(staffIds), status: 'available' } });
    const granted = new Set(grants.map((g) => g.staffId));
    await insertNew(
      em,
      'sales_signals',
      signals.map((s) => ({
        id: newId((s.at ?? now).getTime()),
        staff_id: s.staffId,
        kind: s.kind,
        person_id: s.personId,
        detail: s.detail ? [...s.detail].slice(0, SIGNAL_DETAIL_MAX).join('') : null,
        dedupe_key: s.dedupeKey.slice(0, 80),
        push_state: granted.has(s.staffId) ? 'waiting' : 'inbox',
        message_id: null,
        created_at: s.at ?? now,
        read_at: null,
      })),
    );
    // staff in id order: two senders lock push rows in the same order
    for (const staffId of staffIds) if (granted.has(staffId)) await this.push.schedule(em, staffId, now);
  }
}
