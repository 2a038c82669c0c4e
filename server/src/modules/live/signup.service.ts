import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { GateStatus, ProfileField, SignupForm, SignupResponse } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { SingleFlight } from '../../core/single-flight';
import { newId } from '../../database/ids';
import { isUniqueViolation } from '../../database/data-source';
import { readCommittedTransaction } from '../../database/locks';
import { LostRace, retryOnConflict } from '../../database/retry';
import { PersonRepository } from '../identity/person.repository';
import { PaymentHooks } from '../payments/payment-hooks';
import type { PaymentOrderEntity } from '../payments/payments.entity';
import { PaymentsService, requirePayments } from '../payments/payments.service';
import { ProfileGate } from '../profile/profile-gate';
import { Activity } from '../activity/activity';
import { Touchpoints } from '../share-chain/touchpoints';
import { type LiveEventEntity, LiveReminderEntity, LiveSignupEntity } from './live.entity';
import { LiveRepository } from './live.repository';
import { LiveService, mySignup } from './live.service';
import { SeatPool } from './seat-pool';
import { DETAIL_PAGE, orderActivity, paymentActivity, signupActivity } from './live.activities';
import { SignupBatches } from './signup-batches';

/**
 * Sign-up, payment confirmation and cancellation. A seat is taken by a guarded update in the
 * same transaction that creates (or revives) the person's one sign-up row (unique per event and
 * person), so capacity and one-sign-up-per-person hold under any concurrency; the loser of a
 * race is rolled back and re-run, and then finds the winner's row.
 */
@Injectable()
export class SignupService implements OnModuleInit {
  private readonly logger = new Logger(SignupService.name);
  private readonly taps = new SingleFlight<SignupResponse>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly live: LiveRepository,
    private readonly seats: SeatPool,
    private readonly events: LiveService,
    private readonly gate: ProfileGate,
    private readonly activity: Activity,
    private readonly touchpoints: Touchpoints,
    private readonly payments: PaymentsService,
    private readonly paymentHooks: PaymentHooks,
    private readonly persons: PersonRepository,
    private readonly batches: SignupBatches,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.paymentHooks.register('live sign-ups', {
      paid: (em, order) => this.onPaid(em, order),
      closed: (em, order) => this.onClosed(em, order),
    });
  }

  async gateStatus(auth: AuthContext, eventId: string): Promise<GateStatus> {
    const event = await this.events.mustFindPublic(eventId);
    return this.gate.status(auth.personId, { purpose: 'event_signup', required: event.signupFields as ProfileField[] });
  }

  /**
   * A free sign-up goes out with the others arriving meanwhile (`SignupBatches`); the rest go one
   * by one. A person's repeated tap while their first is under way waits for it and gets its
   * answer, instead of racing it for the same unique key.
   */
  signUp(auth: AuthContext, eventId: string, request: SignupForm): Promise<SignupResponse> {
    return this.taps.run(`${eventId}|${auth.personId}`, async () => {
      const { event, signup } = await this.batches.signUp(eventId, auth.personId, request);
      return signup ? this.answer(event, signup, null) : this.signUpAlone(auth, event, request);
    });
  }

  private async signUpAlone(auth: AuthContext, event: LiveEventEntity, request: SignupForm): Promise<SignupResponse> {
    if (event.status !== 'published' || event.endAt <= this.clock.now()) throw new AppError('LIVE_NOT_OPEN', 'Sign-up is not open for this event');
    if (event.priceFen > 0) requirePayments(this.payments);
    const source = await this.touchpoints.source(auth.personId, request.shareToken, request.channelCode);

    // READ COMMITTED: a guarded seat update that finds its slot full must not keep that slot
    // locked (REPEATABLE READ does) while the fallback locks every slot in order
    const { signup, order } = await retryOnConflict(() =>
      readCommittedTransaction(this.dataSource, async (em) => {
        const guess = this.seats.guess();
        const held = await this.hold(em, event, auth.personId, source, guess);
        // already signed up: a repeated tap writes nothing more
        if (!held.fresh) return { signup: held.signup, order: null };
        await this.gate.pass(em, auth.personId, { purpose: 'event_signup', required: event.signupFields as ProfileField[], sourcePage: DETAIL_PAGE }, request.gate);
        const signup = held.signup;
        const order = event.priceFen > 0 ? await this.payments.createOrder(em, { signupId: signup.id, personId: auth.personId, eventId: event.id, amountFen: event.priceFen }) : null;
        if (order) await this.activity.record(em, orderActivity(signup, order.id));
        if (signup.status === 'confirmed') await this.activity.record(em, signupActivity(signup, source.unknownToken));
        // the seat last: its row stays locked only until the commit
        const slot = await this.seats.claim(em, event.id, guess);
        if (slot === null) throw new AppError('LIVE_FULL', 'This event is full');
        if (slot !== guess) await em.update(LiveSignupEntity, { id: signup.id }, { seatSlot: slot });
        return { signup: { ...signup, seatSlot: slot }, order };
      }),
    );

    return this.answer(event, signup, order);
  }

  private async answer(event: LiveEventEntity, signup: LiveSignupEntity, order: PaymentOrderEntity | null): Promise<SignupResponse> {
    const payment = signup.status === 'pending_payment' ? await this.paymentFor(event, signup, order) : null;
    return {
      signup: mySignup(signup),
      payment,
      reminderTemplates: [this.config.live.templates.reminder, this.config.live.templates.replay, ...(event.survey.length > 0 ? [this.config.live.templates.survey] : [])],
    };
  }

  /** Cancels my sign-up: a paid one is refunded first, an unpaid order is closed; the seat is freed. */
  async cancel(auth: AuthContext, eventId: string): Promise<{ signup: ReturnType<typeof mySignup>; refund: { status: string; amountFen: number } | null }> {
    const event = await this.events.mustFind(eventId);
    const signup = await this.live.findSignup(event.id, auth.personId);
    if (!signup || signup.status === 'cancelled') throw new AppError('LIVE_NOT_SIGNED_UP', 'You are not signed up for this event');
    if (event.startAt <= this.clock.now()) throw new AppError('LIVE_NOT_OPEN', 'The event has started; sign-ups can no longer be cancelled');
    let refund: { status: string; amountFen: number } | null = null;
    if (signup.status === 'pending_payment') {
      const open = await this.payments.openOrderOf(signup.id);
      // closing the order frees the seat through the payment hook; if it was paid meanwhile, refund it
      if (open && !(await this.payments.closeOrder(open))) return this.cancel(auth, eventId);
    } else if (signup.paid) {
      const paid = await this.payments.paidOrderOf(signup.id);
      if (paid) refund = await this.payments.refundOrder(paid, `取消报名：${event.title}`);
    }
    await this.dataSource.transaction(async (em) => {
      await this.live.vacate(em, signup);
      await em.update(LiveReminderEntity, { eventId: event.id, personId: auth.personId, status: 'pending' }, { status: 'cancelled' });
    });
    const after = await this.live.findSignupById(signup.id);
    return { signup: mySignup(after ?? signup), refund };
  }

  /**
   * The person's one sign-up row: inserted, or (on the unique key) the existing one — as it is
   * when still active (`fresh: false`: nothing more to do), revived when it was cancelled.
   */
  private async hold(
    em: EntityManager,
    event: LiveEventEntity,
    personId: string,
    source: { nodeId: string | null; channelId: string | null; staffId: string | null },
    seatSlot: number,
  ): Promise<{ signup: LiveSignupEntity; fresh: boolean }> {
    const now = this.clock.now();
    const paidEvent = event.priceFen > 0;
    const fields: Omit<LiveSignupEntity, 'id' | 'eventId' | 'personId' | 'createdAt'> = {
      status: paidEvent ? 'pending_payment' : 'confirmed',
      holdsSeat: 1,
      seatSlot,
      paid: 0,
      shareNodeId: source.nodeId,
      channelId: source.channelId,
      sharerStaffId: source.staffId,
      confirmedAt: paidEvent ? null : now,
      cancelledAt: null,
    };
    const signup: LiveSignupEntity = { id: newId(now.getTime()), eventId: event.id, personId, createdAt: now, ...fields };
    try {
      await em.insert(LiveSignupEntity, signup);
      return { signup, fresh: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // a row written by a transaction that committed after this one's snapshot is not visible: re-run
    const existing = await this.live.findSignup(event.id, personId, em);
    if (!existing) throw new LostRace('sign-up committed concurrently');
    if (existing.status !== 'cancelled') return { signup: existing, fresh: false };
    const revived = await em.update(LiveSignupEntity, { id: existing.id, status: 'cancelled' }, fields);
    if (!revived.affected) throw new LostRace('sign-up revived concurrently');
    return { signup: { ...existing, ...fields }, fresh: true };
  }

  /** Payment parameters for a sign-up awaiting payment: its open order, or a new one if that expired. */
  private async paymentFor(event: LiveEventEntity, signup: LiveSignupEntity, created: PaymentOrderEntity | null): Promise<SignupResponse['payment']> {
    const order = created ?? (await this.payments.openOrderOf(signup.id));
    if (!order) throw new AppError('CONFLICT', 'The payment for this sign-up is being settled; try again in a moment');
    const openid = await this.persons.openidOf(signup.personId, this.config.wechat.appId);
    if (!openid) throw new AppError('PAYMENT_UNAVAILABLE', 'Paying needs a WeChat login');
    try {
      const params = await this.payments.jsapiParams(order, `直播报名：${event.title}`, openid);
      return { orderNo: order.outTradeNo, amountFen: order.amountFen, expiresAt: order.expiresAt.toISOString(), params };
    } catch (error) {
      // the order never reached WeChat: give the seat back at once rather than at the timeout
      if (created) await this.payments.closeOrder(order).catch(() => undefined);
      throw error;
    }
  }

  /** The payment confirms the sign-up; both are touchpoints and conversions, committed with it. */
  private async onPaid(em: EntityManager, order: PaymentOrderEntity): Promise<void> {
    if (!(await this.live.confirmPaid(em, order.signupId))) {
      this.logger.warn(`Order ${order.outTradeNo} paid for sign-up ${order.signupId}, which no longer awaits payment`);
      return;
    }
    const signup = await this.live.findSignupById(order.signupId, em);
    if (!signup) return;
    await this.activity.recordMany(em, [signupActivity(signup), paymentActivity(signup, order.id)]);
  }

  private async onClosed(em: EntityManager, order: PaymentOrderEntity): Promise<void> {
    const signup = await this.live.findSignupById(order.signupId, em);
    if (signup?.status === 'pending_payment') await this.live.vacate(em, signup);
  }
}
