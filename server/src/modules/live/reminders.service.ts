import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { PageLinks } from '@leadloop/shared';
import { DataSource, type EntityManager, In, IsNull, LessThan, LessThanOrEqual, Not } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { newId } from '../../database/ids';
import { DETAIL_PAGE } from './live.activities';
import { claimSkippingLocked } from '../../database/locks';
import { insertNew } from '../../database/sql';
import { PersonRepository } from '../identity/person.repository';
import { WechatClient } from '../wechat/wechat.client';
import { WechatApiError, WechatErrcode } from '../wechat/wechat.errors';
import { type GrantPurpose, LiveEventEntity, LiveReminderEntity, LiveSignupEntity, SubscriptionGrantEntity } from './live.entity';
import { LiveRepository } from './live.repository';

const CLAIM_BATCH = 20;
/** A send claimed this long ago and never finished is given up on, never repeated. */
const STUCK_AFTER_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
/** Errors that no retry can fix: the template or its data is wrong. */
const PERMANENT = new Set<number>([WechatErrcode.BAD_TEMPLATE, WechatErrcode.BAD_TEMPLATE_DATA]);

/**
 * Subscribe-message reminders. Each accepted one-time subscription is one send; a reminder is a
 * row claimed by exactly one worker (SKIP LOCKED on MySQL, the single writer on SQLite) and
 * moved pending → sending → sent|refused|failed. A send that may or may not have reached WeChat
 * (the process died mid-call) is marked unknown and not repeated: a reminder is sent at most
 * once, and exactly once whenever the worker survives the call.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);
  readonly workerId = `w${randomBytes(6).toString('hex')}`;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly live: LiveRepository,
    private readonly persons: PersonRepository,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
  ) {}

  /** What the person answered to `wx.requestSubscribeMessage`; schedules what the accepted ones allow. */
  async grant(auth: AuthContext, eventId: string, results: Record<string, 'accept' | 'reject' | 'ban' | 'filter'>): Promise<{ scheduled: number }> {
    const event = await this.live.findEvent(eventId);
    if (!event) throw new AppError('NOT_FOUND', 'No such event');
    const signup = await this.live.findSignup(eventId, auth.personId);
    if (!signup || signup.status === 'cancelled') throw new AppError('LIVE_NOT_SIGNED_UP', 'Sign up first');
    const purposes = this.purposes();
    const unknown = Object.keys(results).filter((t) => !purposes.has(t));
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', 'Unknown template', { fields: unknown.map((t) => ({ path: `results.${t}`, message: 'not one of this app’s templates' })) });
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const grants = Object.entries(results).map(([templateId, answer]) => ({
        id: newId(now.getTime()),
        personId: auth.personId,
        eventId,
        templateId,
        purpose: purposes.get(templateId) as GrantPurpose,
        status: answer === 'accept' ? ('available' as const) : ('declined' as const),
        createdAt: now,
      }));
      await em.insert(SubscriptionGrantEntity, grants);
      const reminder = grants.find((g) => g.purpose === 'reminder' && g.status === 'available');
      return { scheduled: reminder ? await this.scheduleStartReminder(em, event, auth.personId, reminder.id, now) : 0 };
    });
  }

  /** One accepted reminder = one send: the nearest-to-start offset not yet scheduled and still ahead. */
  private async scheduleStartReminder(em: EntityManager, event: LiveEventEntity, personId: string, grantId: string, now: Date): Promise<number> {
    const taken = new Set((await em.find(LiveReminderEntity, { select: { kind: true }, where: { eventId: event.id, personId, status: Not('cancelled') } })).map((r) => r.kind));
    const offset = [...event.reminderOffsets].sort((a, b) => a - b).find((m) => !taken.has(`start:${m}`) && event.startAt.getTime() - m * 60_000 > now.getTime());
    if (offset === undefined) return 0;
    await em.delete(LiveReminderEntity, { eventId: event.id, personId, kind: `start:${offset}`, status: 'cancelled' });
    const inserted = await insertNew(em, 'live_reminders', [
      { id: newId(now.getTime()), event_id: event.id, person_id: personId, grant_id: grantId, kind: `start:${offset}`, due_at: new Date(event.startAt.getTime() - offset * 60_000), status: 'pending', attempts: 0, claimed_by: null, claimed_at: null, sent_at: null, error: null, created_at: now },
    ]);
    return inserted ?? 1;
  }

  /** After an event: survey to attendees, replay to those who signed up and did not watch. Claimed once per event. */
  async scheduleFollowUps(now = this.clock.now()): Promise<number> {
    const ended = await this.dataSource.manager.find(LiveEventEntity, {
      where: [
        { status: 'published', endAt: LessThanOrEqual(now), surveyPushedAt: IsNull() },
        { status: 'published', endAt: LessThanOrEqual(now), replayPushedAt: IsNull(), replayUrl: Not(IsNull()) },
      ],
      take: 20,
    });
    let scheduled = 0;
    for (const event of ended) {
      if (event.surveyPushedAt === null && (await this.claimFollowUp(event.id, 'surveyPushedAt', now))) {
        scheduled += await this.followUp(event, 'survey', true, now);
      }
      if (event.replayUrl && event.replayPushedAt === null && (await this.claimFollowUp(event.id, 'replayPushedAt', now))) {
        scheduled += await this.followUp(event, 'replay', false, now);
      }
    }
    return scheduled;
  }

  private async claimFollowUp(eventId: string, column: 'surveyPushedAt' | 'replayPushedAt', now: Date): Promise<boolean> {
    const result = await this.dataSource.manager.update(LiveEventEntity, { id: eventId, [column]: IsNull() }, { [column]: now });
    return !!result.affected;
  }

  private async followUp(event: LiveEventEntity, purpose: 'survey' | 'replay', attended: boolean, now: Date): Promise<number> {
    if (purpose === 'survey' && event.survey.length === 0) return 0;
    const rows: { person_id: string; grant_id: string }[] = await this.dataSource.query(
      `SELECT s.person_id, MIN(g.id) AS grant_id
         FROM live_signups s
         JOIN subscription_grants g ON g.event_id = s.event_id AND g.person_id = s.person_id AND g.purpose = ? AND g.status = 'available'
         LEFT JOIN live_attendance a ON a.event_id = s.event_id AND a.person_id = s.person_id AND a.minutes > 0
        WHERE s.event_id = ? AND s.status = 'confirmed' AND a.person_id IS ${attended ? 'NOT NULL' : 'NULL'}
        GROUP BY s.person_id`,
      [purpose, event.id],
    );
    if (rows.length === 0) return 0;
    const inserted = await insertNew(
      this.dataSource,
      'live_reminders',
      rows.map((r) => ({ id: newId(now.getTime()), event_id: event.id, person_id: r.person_id, grant_id: r.grant_id, kind: purpose, due_at: now, status: 'pending', attempts: 0, claimed_by: null, claimed_at: null, sent_at: null, error: null, created_at: now })),
    );
    return inserted ?? rows.length;
  }

  /** Sends what is due. Several workers may run this at once; each row goes to one of them. */
  async dispatch(now = this.clock.now()): Promise<number> {
    await this.giveUpStuck(now);
    const claimed = await this.claim(now);
    for (const reminder of claimed) await this.send(reminder);
    return claimed.length;
  }

  private async claim(now: Date): Promise<LiveReminderEntity[]> {
    return this.dataSource.transaction(async (em) => {
      const query = em.createQueryBuilder(LiveReminderEntity, 'r').where("r.status = 'pending' AND r.due_at <= :now", { now }).orderBy('r.due_at').limit(CLAIM_BATCH);
      const due = await claimSkippingLocked(query).getMany();
      if (due.length === 0) return [];
      await em.update(LiveReminderEntity, { id: In(due.map((r) => r.id)), status: 'pending' }, { status: 'sending', claimedBy: this.workerId, claimedAt: this.clock.now() });
      return due;
    });
  }

  private async send(reminder: LiveReminderEntity): Promise<void> {
    const [event, signup, grant] = await Promise.all([
      this.live.findEvent(reminder.eventId),
      this.dataSource.manager.findOneBy(LiveSignupEntity, { eventId: reminder.eventId, personId: reminder.personId }),
      this.dataSource.manager.findOneBy(SubscriptionGrantEntity, { id: reminder.grantId }),
    ]);
    const openid = await this.persons.openidOf(reminder.personId, this.config.wechat.appId);
    if (!event || !openid || !grant || grant.status !== 'available' || signup?.status !== 'confirmed' || event.status !== 'published') {
      return this.finish(reminder, 'cancelled', 'no longer applicable');
    }
    try {
      await this.wechat.sendSubscribeMessage({ touser: openid, templateId: grant.templateId, page: PageLinks.liveDetail(event.id), data: messageData(event, reminder.kind) });
      await this.finish(reminder, 'sent', null, 'used');
    } catch (error) {
      if (error instanceof WechatApiError && error.errcode === WechatErrcode.NO_SUBSCRIPTION) {
        // used up or refused on WeChat's side: record it, never retry blindly
        return this.finish(reminder, 'refused', '43101 no subscription', 'refused');
      }
      const message = error instanceof WechatApiError ? `${error.errcode} ${error.message}` : (error as Error).message;
      this.logger.warn(`Reminder ${reminder.id} failed: ${message}`);
      const permanent = error instanceof WechatApiError && PERMANENT.has(error.errcode);
      if (permanent || reminder.attempts + 1 >= MAX_ATTEMPTS) return this.finish(reminder, 'failed', message.slice(0, 128));
      // a clear failure did not reach the phone: retry it on a later round
      await this.dataSource.manager.update(
        LiveReminderEntity,
        { id: reminder.id, status: 'sending' },
        { status: 'pending', attempts: reminder.attempts + 1, claimedBy: null, claimedAt: null, error: message.slice(0, 128) },
      );
    }
  }

  private async finish(reminder: LiveReminderEntity, status: string, error: string | null, grantStatus?: 'used' | 'refused'): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.update(LiveReminderEntity, { id: reminder.id, status: 'sending', claimedBy: this.workerId }, { status, error, sentAt: status === 'sent' ? this.clock.now() : null });
      if (grantStatus) await em.update(SubscriptionGrantEntity, { id: reminder.grantId }, { status: grantStatus });
    });
  }

  private async giveUpStuck(now: Date): Promise<void> {
    const result = await this.dataSource.manager.update(LiveReminderEntity, { status: 'sending', claimedAt: LessThan(new Date(now.getTime() - STUCK_AFTER_MS)) }, { status: 'unknown', error: 'worker stopped during the send' });
    if (result.affected) this.logger.warn(`${result.affected} reminder(s) interrupted mid-send were not repeated`);
  }

  private purposes(): Map<string, GrantPurpose> {
    const t = this.config.live.templates;
    return new Map<string, GrantPurpose>([
      [t.reminder, 'reminder'],
      [t.replay, 'replay'],
      [t.survey, 'survey'],
    ]);
  }
}

/** Template fields: thing ≤ 20 characters, time as WeChat shows it (Beijing time). */
function messageData(event: LiveEventEntity, kind: string): Record<string, { value: string }> {
  const title = [...event.title].slice(0, 20).join('');
  const start = new Date(event.startAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const note = kind === 'survey' ? '感谢参与，请填写问卷' : kind === 'replay' ? '直播回放已上线' : Number(kind.slice(6)) >= 60 ? '直播即将开始，记得来看' : '直播马上开始';
  return { thing1: { value: title }, time2: { value: start }, thing3: { value: note } };
}
