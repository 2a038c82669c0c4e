import { Injectable, Logger } from '@nestjs/common';
import type { ProfileField, SignupForm } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { GroupCommit, type Outcome } from '../../database/group-commit';
import { newId } from '../../database/ids';
import { readCommittedTransaction } from '../../database/locks';
import { retryOnConflict } from '../../database/retry';
import { insertNew } from '../../database/sql';
import { type Gate, type GatePass, ProfileGate } from '../profile/profile-gate';
import { Activity } from '../activity/activity';
import { type ResolvedSource, Touchpoints } from '../share-chain/touchpoints';
import { DETAIL_PAGE, signupActivity } from './live.activities';
import type { LiveEventEntity, LiveSignupEntity } from './live.entity';
import { LiveService } from './live.service';
import { SeatPool } from './seat-pool';


interface SignupRequest {
  personId: string;
  form: SignupForm;
}

/** The event, and the new sign-up — or null: this one goes the one-by-one way (paid event, an existing or repeated sign-up). */
export interface BatchedSignup {
  event: LiveEventEntity;
  signup: LiveSignupEntity | null;
}

interface Admitted {
  request: SignupRequest;
  pass: GatePass;
  source: ResolvedSource;
}

/**
 * Free sign-ups by group commit: the sign-ups for one event that arrive while its previous batch
 * is being written go out together in one transaction, with a statement per step instead of per
 * person (insert, seats, consent, lead, touchpoint), so the database and the server's own work per
 * sign-up shrink as load grows. The rules are the one-by-one path's: the unique key (event,
 * person), guarded seat updates, the gate, all committed together or not at all. Whatever the
 * batch cannot settle by itself (a paid event, a person already signed up or cancelled, a repeated
 * tap in the same batch, someone the gate refuses, a batch that kept conflicting) it hands back to
 * the one-by-one path.
 */
@Injectable()
export class SignupBatches {
  private readonly logger = new Logger(SignupBatches.name);
  private readonly batches = new GroupCommit<SignupRequest, BatchedSignup>((eventId, requests) => this.run(eventId, requests), { maxBatch: 200, maxInFlight: 2 });

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: LiveService,
    private readonly gate: ProfileGate,
    private readonly seats: SeatPool,
    private readonly activity: Activity,
    private readonly touchpoints: Touchpoints,
    private readonly clock: Clock,
  ) {}

  signUp(eventId: string, personId: string, form: SignupForm): Promise<BatchedSignup> {
    return this.batches.submit(eventId, { personId, form });
  }

  private async run(eventId: string, requests: SignupRequest[]): Promise<Outcome<BatchedSignup>[]> {
    const event = await this.events.mustFindPublic(eventId);
    if (event.status !== 'published' || event.endAt <= this.clock.now()) throw new AppError('LIVE_NOT_OPEN', 'Sign-up is not open for this event');
    const alone = { ok: { event, signup: null } };
    if (event.priceFen > 0) return requests.map(() => alone);
    const leading = new Map<string, number>();
    requests.forEach((r, i) => leading.has(r.personId) || leading.set(r.personId, i));
    const distinct = [...leading.values()].map((i) => requests[i]);

    const gate: Gate = { purpose: 'event_signup', required: event.signupFields as ProfileField[], sourcePage: DETAIL_PAGE };
    const verdicts = await this.gate.check(this.dataSource.manager, gate, distinct.map((r) => ({ personId: r.personId, submission: r.form.gate })));
    // whoever the gate refuses goes one by one: already signed up, they get their sign-up; if not, the refusal
    const outcomes = new Map<string, Outcome<BatchedSignup>>();
    const passing = distinct.flatMap((request, i) => {
      const verdict = verdicts[i];
      return verdict instanceof AppError ? [] : [{ request, pass: verdict }];
    });
    const sources = await this.touchpoints.sources(passing.map(({ request: r }) => ({ personId: r.personId, shareToken: r.form.shareToken, channelCode: r.form.channelCode })));
    const admitted = passing.map((p, i) => ({ ...p, source: sources[i] }));

    try {
      const written = await retryOnConflict(() => readCommittedTransaction(this.dataSource, (em) => this.write(em, event, gate, admitted)));
      for (const [personId, outcome] of written) outcomes.set(personId, outcome);
    } catch (error) {
      this.logger.warn(`A batch of ${admitted.length} sign-ups for event ${event.id} failed; they go one by one: ${(error as Error).message}`);
    }
    // a repeated tap, or anyone the batch did not settle, goes one by one (and finds what this batch wrote)
    return requests.map((r, i) => (leading.get(r.personId) === i ? (outcomes.get(r.personId) ?? alone) : alone));
  }

  private async write(em: EntityManager, event: LiveEventEntity, gate: Gate, admitted: Admitted[]): Promise<Map<string, Outcome<BatchedSignup>>> {
    const outcomes = new Map<string, Outcome<BatchedSignup>>();
    if (admitted.length === 0) return outcomes;
    const now = this.clock.now();
    const guess = this.seats.guess();
    const rows = admitted.map(({ request, source }): LiveSignupEntity => ({
      id: newId(now.getTime()),
      eventId: event.id,
      personId: request.personId,
      status: 'confirmed',
      holdsSeat: 1,
      seatSlot: guess,
      paid: 0,
      shareNodeId: source.nodeId,
      channelId: source.channelId,
      sharerStaffId: source.staffId,
      createdAt: now,
      confirmedAt: now,
      cancelledAt: null,
    }));
    const inserted = await insertNew(em, 'live_signups', rows.map(columnsOf));
    // the others hold a row already (active or cancelled): the one-by-one path settles them
    const fresh = inserted === rows.length ? rows.map((_, i) => i) : await this.stored(em, rows);

    const seats = await this.seats.claimMany(em, event.id, fresh.length, guess);
    const seated = fresh.slice(0, seats.length);
    const full = fresh.slice(seats.length).map((i) => rows[i]);
    if (full.length > 0) await em.query(`DELETE FROM live_signups WHERE id IN (${full.map(() => '?').join(', ')})`, full.map((r) => r.id));
    for (const r of full) outcomes.set(r.personId, { error: new AppError('LIVE_FULL', 'This event is full') });
    for (const slot of new Set(seats.filter((s) => s !== guess))) {
      const moved = seated.filter((_, k) => seats[k] === slot).map((i) => rows[i].id);
      await em.query(`UPDATE live_signups SET seat_slot = ? WHERE id IN (${moved.map(() => '?').join(', ')})`, [slot, ...moved]);
    }
    if (seated.length === 0) return outcomes;

    await this.gate.apply(
      em,
      gate,
      seated.map((i) => admitted[i].pass),
    );
    await this.activity.recordMany(
      em,
      seated.map((i) => signupActivity(rows[i], admitted[i].source.unknownToken)),
    );
    seated.forEach((i, k) => outcomes.set(rows[i].personId, { ok: { event, signup: { ...rows[i], seatSlot: seats[k] } } }));
    return outcomes;
  }

  /** Which of these rows this transaction's insert stored (their indexes). */
  private async stored(em: EntityManager, rows: LiveSignupEntity[]): Promise<number[]> {
    const found: { id: string }[] = await em.query(`SELECT id FROM live_signups WHERE id IN (${rows.map(() => '?').join(', ')})`, rows.map((r) => r.id));
    const ids = new Set(found.map((r) => r.id));
    return rows.flatMap((r, i) => (ids.has(r.id) ? [i] : []));
  }
}

function columnsOf(s: LiveSignupEntity): Record<string, unknown> {
  return {
    id: s.id,
    event_id: s.eventId,
    person_id: s.personId,
    status: s.status,
    holds_seat: s.holdsSeat,
    seat_slot: s.seatSlot,
    paid: s.paid,
    share_node_id: s.shareNodeId,
    channel_id: s.channelId,
    sharer_staff_id: s.sharerStaffId,
    created_at: s.createdAt,
    confirmed_at: s.confirmedAt,
    cancelled_at: s.cancelledAt,
  };
}
