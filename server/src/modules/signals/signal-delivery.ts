import { Inject, Injectable, Logger } from '@nestjs/common';
import { Pages } from '@leadloop/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { PersonRepository } from '../identity/person.repository';
import { StaffEntity } from '../staff/staff.entity';
import type { AfterCommit, DueTimer, TimerHandler } from '../timers/timer-handlers';
import { Timers } from '../timers/timers.service';
import { WechatClient } from '../wechat/wechat.client';
import { WechatApiError, WechatErrcode } from '../wechat/wechat.errors';
import { beijingTime } from './signal-message';
import { type SignalGrantStatus, SignalGrantEntity, type SignalMessageState, SignalMessageEntity } from './signals.entity';

export const RESEND_TIMER = 'signals.resend';
const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 30_000;
/** Errors no retry can fix: the template or its data is wrong (WeChat did not spend the grant). */
const PERMANENT = new Set<number>([WechatErrcode.BAD_TEMPLATE, WechatErrcode.BAD_TEMPLATE_DATA]);

/**
 * Sends signal messages through the WeChat client, after the push that composed them committed.
 * A message is `sending` while the call is made, so it is sent at most once (a process that dies
 * mid-call leaves it `sending`, never repeated); 43101 (the grant is spent or was refused on
 * WeChat's side) is recorded on the message and its grant and never retried; a clear transient
 * failure goes back to `pending` and a durable timer retries it with backoff.
 */
@Injectable()
export class SignalDelivery implements TimerHandler {
  readonly kind = RESEND_TIMER;
  private readonly logger = new Logger(SignalDelivery.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly persons: PersonRepository,
    private readonly wechat: WechatClient,
    private readonly timers: Timers,
    private readonly clock: Clock,
  ) {}

  /** A retry fell due: take the message back to `sending` (if still pending) and send after commit. */
  async fire(em: EntityManager, timers: readonly DueTimer[]): Promise<AfterCommit | void> {
    const ids = timers.map((t) => t.subject.slice('message:'.length));
    const taken = await em.update(SignalMessageEntity, { id: In(ids), state: 'pending' }, { state: 'sending' });
    if (taken.affected) return () => this.deliver(ids);
  }

  async deliver(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.send(id);
  }

  private async send(id: string): Promise<void> {
    const message = await this.dataSource.manager.findOneBy(SignalMessageEntity, { id, state: 'sending' });
    if (!message) return;
    const grant = await this.dataSource.manager.findOneByOrFail(SignalGrantEntity, { id: message.grantId });
    const staff = await this.dataSource.manager.findOneBy(StaffEntity, { id: message.staffId });
    const openid = staff?.personId && staff.status === 'active' ? await this.persons.openidOf(staff.personId, this.config.wechat.appId) : null;
    if (!openid) return this.finish(message, 'failed', 'staff member has no WeChat binding', 'available');
    try {
      await this.wechat.sendSubscribeMessage({
        touser: openid,
        templateId: grant.templateId,
        page: Pages.signalInbox,
        data: { thing1: { value: message.summary }, thing2: { value: message.detail }, time3: { value: beijingTime(message.createdAt) } },
      });
      await this.finish(message, 'sent', null, 'used');
    } catch (error) {
      if (error instanceof WechatApiError && error.errcode === WechatErrcode.NO_SUBSCRIPTION) return this.finish(message, 'refused', '43101 no subscription', 'refused');
      const reason = (error instanceof WechatApiError ? `${error.errcode} ${error.message}` : (error as Error).message).slice(0, 128);
      this.logger.warn(`Signal message ${message.id} failed: ${reason}`);
      if ((error instanceof WechatApiError && PERMANENT.has(error.errcode)) || message.attempts + 1 >= MAX_ATTEMPTS) return this.finish(message, 'failed', reason, 'available');
      await this.retryLater(message, reason);
    }
  }

  private async retryLater(message: SignalMessageEntity, reason: string): Promise<void> {
    const attempts = message.attempts + 1;
    await this.dataSource.transaction(async (em) => {
      await em.update(SignalMessageEntity, { id: message.id, state: 'sending' }, { state: 'pending', attempts, error: reason });
      const dueAt = new Date(this.clock.nowMs() + RETRY_BASE_MS * 2 ** (attempts - 1));
      await this.timers.schedule(em, [{ kind: RESEND_TIMER, subject: `message:${message.id}`, dueAt, dedupeKey: `${RESEND_TIMER}:${message.id}:${attempts}` }]);
    });
  }

  private async finish(message: SignalMessageEntity, state: SignalMessageState, error: string | null, grant: SignalGrantStatus): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.update(SignalMessageEntity, { id: message.id, state: 'sending' }, { state, error, sentAt: state === 'sent' ? this.clock.now() : null });
      await em.update(SignalGrantEntity, { id: message.grantId }, { status: grant });
    });
  }
}
