import { Inject, Injectable } from '@nestjs/common';
import type { CardView, CardViewQuery, CardVisitorList, PageQuery } from '@leadloop/shared';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { IdKey, InstantKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { isUniqueViolation } from '../../database/data-source';
import { newId } from '../../database/ids';
import { Activity } from '../activity/activity';
import { type ResolvedSource, Touchpoints } from '../share-chain/touchpoints';
import { cardReturnActivity, cardViewActivity } from './card.activities';
import type { CardEntity } from './card.entity';
import { cardNotFound } from './card.errors';
import { CardRepository } from './card.repository';
import { publicCardView, viewedByOwner } from './card.service';
import { CardVisitsRepository } from './card-visits.repository';

/** The mini-program page that shows a card (touchpoints and consents name it). */
/** A second open within this time is the same visit (a double tap, a back-and-forth): not counted. */
const REPEAT_TAP_MS = 60_000;
/** Visitors are listed by their last view, most recent first, ties broken by person id. */
const VisitorCursor = new KeysetCursor('card.visitors', z.tuple([InstantKey, IdKey]));

/**
 * Prospects viewing cards, and what the owner learns from it: visitors, and returning visits (an
 * activity the sales-signals consumer turns into a signal in the owner's inbox).
 */
@Injectable()
export class CardVisitsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly cards: CardRepository,
    private readonly visits: CardVisitsRepository,
    private readonly touchpoints: Touchpoints,
    private readonly activity: Activity,
    private readonly clock: Clock,
  ) {}

  /** The card as others see it. A prospect's view is recorded; the owner's and colleagues' are not. */
  async view(auth: AuthContext, cardId: string, query: CardViewQuery): Promise<CardView> {
    const shown = await this.cards.findShown(cardId);
    if (!shown) throw cardNotFound();
    const isOwner = viewedByOwner(auth, shown);
    if (!auth.staff && !isOwner) await this.recordView(shown.card, auth.personId, query);
    return publicCardView(shown.card, isOwner);
  }

  async visitors(auth: AuthContext, query: PageQuery): Promise<CardVisitorList> {
    const after = VisitorCursor.decode(query.cursor);
    const card = await this.cards.findByStaff(auth.staff!.id);
    if (!card) return { items: [], nextCursor: null };
    const rows = await this.visits.visitorsPage(card.id, after ? { at: new Date(after[0]), personId: after[1] } : null, query.limit + 1);
    const { items: page, nextCursor } = VisitorCursor.page(rows, query.limit, (r) => [r.lastViewAt.getTime(), r.personId]);
    const labels = await this.visits.labels(page.map((r) => r.personId));
    return {
      items: page.map((r) => ({
        ...labels.get(r.personId)!,
        views: r.views,
        firstViewAt: r.firstViewAt.toISOString(),
        lastViewAt: r.lastViewAt.toISOString(),
        contactRequested: r.contactRequestedAt !== null,
        contactRequestedAt: r.contactRequestedAt?.toISOString() ?? null,
      })),
      nextCursor,
    };
  }

  private async recordView(card: CardEntity, personId: string, query: CardViewQuery): Promise<void> {
    await this.countVisit(card, personId, query, this.clock.now());
  }

  /**
   * Counts a view and, when it comes at least CARD_RETURN_VISIT_MINUTES after the person's
   * previous one, tells the owner (a returning-visitor signal). The visitor row is advanced only
   * if nobody else moved it since it was read, so two simultaneous opens count (and signal) once.
   * A counted view is an activity, through the share that brought the person.
   */
  private async countVisit(card: CardEntity, personId: string, query: CardViewQuery, now: Date): Promise<void> {
    const previous = await this.visits.findVisitor(card.id, personId);
    if (previous && now.getTime() - previous.lastViewAt.getTime() < REPEAT_TAP_MS) return;
    const source: ResolvedSource = await this.touchpoints.source(personId, query.shareToken, query.channelCode);
    try {
      await this.dataSource.transaction(async (em) => {
        if (!previous) await this.visits.insertVisitor(em, card.id, personId, now);
        else if (!(await this.visits.advanceVisitor(em, previous, now))) return;
        const view = { id: newId(now.getTime()), cardId: card.id, personId, shareToken: query.shareToken ?? null, channelCode: query.channelCode ?? null, viewedAt: now };
        await this.visits.insertView(em, view);
        await this.activity.record(em, cardViewActivity(view, source));
        if (previous && now.getTime() - previous.lastViewAt.getTime() >= this.config.card.returnVisitMinutes * 60_000) {
          const signal = { id: newId(now.getTime()), cardId: card.id, kind: 'returning_visitor' as const, personId, visits: previous.views + 1, createdAt: now };
          await this.visits.insertSignal(em, signal);
          await this.activity.record(em, cardReturnActivity(signal, source));
        }
      });
    } catch (error) {
      // a simultaneous first view of the same person was counted
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
