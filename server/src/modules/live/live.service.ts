import { Injectable } from '@nestjs/common';
import type { ConsoleLiveEvent, LiveEventChanges, LiveEventDraft, LiveEventView, Page, PageQuery } from '@leadloop/shared';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { IdKey, InstantKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { isId, newId } from '../../database/ids';
import { PaymentsService, requirePayments } from '../payments/payments.service';
import { coverUrlOf } from './live-cover-url';
import { LiveEventEntity, type LiveSignupEntity } from './live.entity';
import { LiveRepository } from './live.repository';
import { SeatPool } from './seat-pool';

/** Upcoming events are listed soonest first by (start, id); the console's list and 我的报名 newest first by id. */
const UpcomingCursor = new KeysetCursor('live.upcoming', z.tuple([InstantKey, IdKey]));
const ConsoleCursor = new KeysetCursor('live.console', z.tuple([IdKey]));
const MySignupsCursor = new KeysetCursor('live.signups', z.tuple([IdKey]));

/** Live events as marketers manage them and prospects see them. */
@Injectable()
export class LiveService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveRepository,
    private readonly seats: SeatPool,
    private readonly payments: PaymentsService,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, e: LiveEventDraft): Promise<ConsoleLiveEvent> {
    const now = this.clock.now();
    const event: LiveEventEntity = {
      id: newId(now.getTime()),
      title: e.title,
      summary: e.summary,
      speakers: e.speakers,
      coverUrl: e.coverUrl,
      coverKey: null,
      coverType: null,
      startAt: new Date(e.startAt),
      endAt: new Date(e.endAt),
      capacity: e.capacity,
      signupFields: e.signupFields,
      priceFen: e.priceFen,
      watchKind: e.watch.kind,
      watch: e.watch,
      replayUrl: e.replayUrl,
      reminderOffsets: e.reminderOffsets,
      survey: e.survey,
      status: 'draft',
      version: 1,
      createdBy: auth.staff?.id ?? auth.personId,
      surveyPushedAt: null,
      replayPushedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.dataSource.transaction(async (em) => {
      await em.insert(LiveEventEntity, event);
      await this.seats.create(em, event.id, event.capacity);
    });
    return this.consoleView(event, 0, 0);
  }

  /** Edits; once people have signed up, the price cannot change and capacity cannot drop below the seats taken. */
  async update(id: string, changes: LiveEventChanges): Promise<ConsoleLiveEvent> {
    const event = await this.mustFind(id);
    const next = { ...event };
    if (changes.title !== undefined) next.title = changes.title;
    if (changes.summary !== undefined) next.summary = changes.summary;
    if (changes.speakers !== undefined) next.speakers = changes.speakers;
    if (changes.coverUrl !== undefined) next.coverUrl = changes.coverUrl;
    if (changes.startAt !== undefined) next.startAt = new Date(changes.startAt);
    if (changes.endAt !== undefined) next.endAt = new Date(changes.endAt);
    if (changes.capacity !== undefined) next.capacity = changes.capacity;
    if (changes.signupFields !== undefined) next.signupFields = changes.signupFields;
    if (changes.priceFen !== undefined) next.priceFen = changes.priceFen;
    if (changes.watch !== undefined) {
      next.watch = changes.watch;
      next.watchKind = changes.watch.kind;
    }
    if (changes.replayUrl !== undefined) next.replayUrl = changes.replayUrl;
    if (changes.reminderOffsets !== undefined) next.reminderOffsets = changes.reminderOffsets;
    if (changes.survey !== undefined) next.survey = changes.survey;
    if (next.endAt <= next.startAt) throw new AppError('VALIDATION_FAILED', 'end must be after start', { fields: [{ path: 'endAt', message: 'end must be after start' }] });
    const taken = (await this.seats.taken([id])).get(id) ?? 0;
    if (taken > 0 && next.priceFen !== event.priceFen) throw new AppError('LIVE_LOCKED', 'The price cannot change once people have signed up');
    if (next.priceFen > 0 && event.status === 'published') requirePayments(this.payments);
    await this.dataSource.transaction(async (em) => {
      const result = await em.update(LiveEventEntity, { id, version: event.version }, { ...next, version: event.version + 1, updatedAt: this.clock.now() });
      if (!result.affected) throw new AppError('CONFLICT', 'Someone else changed this event; reload and try again');
      if (next.capacity !== event.capacity) await this.seats.resize(em, id, next.capacity);
    });
    return this.consoleViewOf(await this.mustFind(id));
  }

  async publish(id: string): Promise<ConsoleLiveEvent> {
    const event = await this.mustFind(id);
    if (event.priceFen > 0) requirePayments(this.payments);
    if (event.endAt <= this.clock.now()) throw new AppError('LIVE_NOT_OPEN', 'This event is already over');
    await this.dataSource.manager.update(LiveEventEntity, { id }, { status: 'published', updatedAt: this.clock.now() });
    return this.consoleViewOf(await this.mustFind(id));
  }

  async consoleList(query: PageQuery): Promise<Page<ConsoleLiveEvent>> {
    const page = ConsoleCursor.page(await this.live.newest(query.limit + 1, ConsoleCursor.decode(query.cursor)?.[0]), query.limit, (e) => [e.id]);
    const ids = page.items.map((e) => e.id);
    const [counts, taken] = await Promise.all([this.live.signupCounts(ids), this.seats.taken(ids)]);
    return { items: page.items.map((e) => this.consoleView(e, counts.get(e.id) ?? 0, taken.get(e.id) ?? 0)), nextCursor: page.nextCursor };
  }

  async list(auth: AuthContext | null, query: PageQuery): Promise<Page<LiveEventView>> {
    const after = UpcomingCursor.decode(query.cursor);
    const rows = await this.live.upcoming(this.clock.now(), query.limit + 1, after ? { startAt: new Date(after[0]), id: after[1] } : undefined);
    const page = UpcomingCursor.page(rows, query.limit, (e) => [e.startAt.getTime(), e.id]);
    const ids = page.items.map((e) => e.id);
    const mine = auth ? new Map((await this.live.mySignups(auth.personId, ids)).map((s) => [s.eventId, s])) : new Map<string, LiveSignupEntity>();
    const taken = await this.seats.taken(ids);
    return { items: page.items.map((e) => publicView(e, mine.get(e.id) ?? null, taken.get(e.id) ?? 0, this.clock.now())), nextCursor: page.nextCursor };
  }

  async view(auth: AuthContext | null, id: string): Promise<LiveEventView> {
    const event = isMarketer(auth) ? await this.mustFind(id) : await this.mustFindPublic(id);
    const [signup, taken, reminderOn] = await Promise.all([
      auth ? this.live.findSignup(id, auth.personId) : null,
      this.seats.taken([id]),
      auth ? this.live.hasPendingReminder(id, auth.personId) : false,
    ]);
    return publicView(event, signup, taken.get(id) ?? 0, this.clock.now(), reminderOn);
  }

  /** 我的报名, newest first; the cursor holds the last sign-up id (ids sort by creation). */
  async mySignups(auth: AuthContext, query: PageQuery) {
    const { items: signups, nextCursor } = MySignupsCursor.page(
      await this.live.signupsOf(auth.personId, query.limit + 1, MySignupsCursor.decode(query.cursor)?.[0]),
      query.limit,
      (s) => [s.id],
    );
    const events = new Map((await this.live.findEvents(signups.map((s) => s.eventId))).map((e) => [e.id, e]));
    return {
      items: signups.flatMap((s) => {
        const e = events.get(s.eventId);
        return e ? [{ signupId: s.id, eventId: e.id, title: e.title, startAt: e.startAt.toISOString(), status: s.status, paid: s.paid === 1, at: s.createdAt.toISOString() }] : [];
      }),
      nextCursor,
    };
  }

  async consoleEvent(id: string): Promise<ConsoleLiveEvent> {
    return this.consoleViewOf(await this.mustFind(id));
  }

  async mustFind(id: string): Promise<LiveEventEntity> {
    const event = isId(id) ? await this.live.findEvent(id) : null;
    if (!event) throw new AppError('NOT_FOUND', 'No such event');
    return event;
  }

  /** The event as prospects reach it (page, gate, sign-up, room, survey): a draft answers exactly like a missing event. */
  async mustFindPublic(id: string): Promise<LiveEventEntity> {
    const event = await this.mustFind(id);
    if (event.status === 'draft') throw new AppError('NOT_FOUND', 'No such event');
    return event;
  }

  private async consoleViewOf(event: LiveEventEntity): Promise<ConsoleLiveEvent> {
    const [counts, taken] = await Promise.all([this.live.signupCounts([event.id]), this.seats.taken([event.id])]);
    return this.consoleView(event, counts.get(event.id) ?? 0, taken.get(event.id) ?? 0);
  }

  private consoleView(event: LiveEventEntity, signups: number, taken: number): ConsoleLiveEvent {
    // the console sees the replay URL before the event ends (public views show it only after)
    return { ...publicView(event, null, taken, this.clock.now()), replayUrl: event.replayUrl, watch: event.watch, reminderOffsets: event.reminderOffsets, signups, version: event.version };
  }
}

export function publicView(event: LiveEventEntity, signup: LiveSignupEntity | null, seatsTaken: number, now: Date, reminderOn = false): LiveEventView {
  const over = event.endAt <= now;
  return {
    id: event.id,
    title: event.title,
    summary: event.summary,
    speakers: event.speakers,
    coverUrl: coverUrlOf(event),
    startAt: event.startAt.toISOString(),
    endAt: event.endAt.toISOString(),
    capacity: event.capacity,
    seatsLeft: Math.max(0, event.capacity - seatsTaken),
    priceFen: event.priceFen,
    watchKind: event.watchKind,
    signupFields: event.signupFields,
    status: event.status,
    replayUrl: over ? event.replayUrl : null,
    survey: event.survey,
    mySignup: signup ? { ...mySignup(signup), reminderOn } : null,
  };
}

export function mySignup(s: LiveSignupEntity, reminderOn = false) {
  return { id: s.id, status: s.status, paid: s.paid === 1, createdAt: s.createdAt.toISOString(), reminderOn };
}

function isMarketer(auth: AuthContext | null): boolean {
  return !!auth?.staff && (auth.staff.role === 'admin' || auth.staff.role === 'marketer');
}

