import { Injectable } from '@nestjs/common';
import { chinaDayOf, chinaDayStart, FeedbackStages, JunkRejectReasons, type FeedbackRequest, type FeedbackResult } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { newId } from '../../database/ids';
import { lockForUpdate } from '../../database/locks';
import { Activity, type ActivityKind } from '../activity/activity';
import { LeadAccess } from '../leads/lead-access';
import { LeadEntity } from '../leads/leads.entity';
import { LeadStages } from '../leads/stages';
import { feedbackView, stageReasonOf } from './feedback-views';
import { LeadFeedbackEntity } from './handoff.entity';
import { feedbackStageInvalid, followUpDatePast } from './handoff.errors';
import { FollowUps } from './follow-ups';

/** Feedback after which the lead is no longer sales' to follow up: its follow-up goes. */
const EndsFollowUp: ReadonlySet<FeedbackRequest['kind']> = new Set(['reject', 'won', 'lost']);

/**
 * Feedback from sales on a lead: the owner (or marketing, which sees every lead) gives it; it is
 * checked against the lead's stage, stored with who gave it, moves the stage through `LeadStages`
 * (so the history and the stream's `stage_change` follow), sets or clears the next follow-up, and
 * is recorded on the activity stream — as `sales_feedback` for everything that reacts to sales'
 * work, and, for a rejection as junk, as `sales_rejected`, which the scoring consumer scores by
 * its negative rule.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly stages: LeadStages,
    private readonly activity: Activity,
    private readonly followUps: FollowUps,
    private readonly clock: Clock,
  ) {}

  give(auth: AuthContext, personId: string, body: FeedbackRequest): Promise<FeedbackResult> {
    return this.dataSource.transaction(async (em) => {
      await this.access.readable(auth, personId, em);
      const lead = await lockForUpdate(em.createQueryBuilder(LeadEntity, 'l').where('l.person_id = :personId', { personId })).getOneOrFail();
      const rule = FeedbackStages[body.kind];
      if (!rule.from.includes(lead.stage)) throw feedbackStageInvalid(body.kind, lead.stage, rule.from);
      const now = this.clock.now();
      const today = chinaDayOf(now);
      if (body.kind === 'contact' && body.nextFollowUpOn && body.nextFollowUpOn < today) throw followUpDatePast(today);

      const row = this.rowOf(personId, auth.staff!.id, body, now);
      await em.insert(LeadFeedbackEntity, row);
      const moved = rule.to && rule.to !== lead.stage ? await this.stages.change(em, personId, rule.to, { byStaffId: auth.staff!.id, reason: stageReasonOf(row) }) : lead;
      const followUpOn = await this.followUp(em, lead, row, body, auth.staff!.id);
      await this.record(em, personId, row, body, now);
      return {
        feedback: feedbackView(row, auth.staff!.name),
        stage: moved.stage,
        stageChangedAt: moved.stageChangedAt?.toISOString() ?? null,
        followUpOn,
      };
    });
  }

  private rowOf(personId: string, staffId: string, body: FeedbackRequest, at: Date): LeadFeedbackEntity {
    return {
      id: newId(at.getTime()),
      personId,
      kind: body.kind,
      reason: 'reason' in body ? body.reason : null,
      channel: body.kind === 'contact' ? body.channel : null,
      outcome: body.kind === 'contact' ? body.outcome : null,
      note: body.note?.trim() || null,
      amountFen: 'amountFen' in body ? body.amountFen : null,
      closeOn: body.kind === 'opportunity' ? body.expectedCloseOn : null,
      followUpOn: body.kind === 'contact' ? (body.nextFollowUpOn ?? null) : null,
      byStaffId: staffId,
      createdAt: at,
    };
  }

  /** A contact sets the next follow-up (or clears it); a rejection or an outcome clears it. Answers the day now set. */
  private async followUp(em: EntityManager, lead: LeadEntity, row: LeadFeedbackEntity, body: FeedbackRequest, staffId: string): Promise<string | null> {
    const current = lead.nextFollowUpAt ? chinaDayOf(lead.nextFollowUpAt) : null;
    const next = body.kind === 'contact' ? row.followUpOn : EndsFollowUp.has(body.kind) ? null : current;
    if (next === current) return current;
    await em.update(LeadEntity, { personId: lead.personId }, { nextFollowUpAt: next ? chinaDayStart(next) : null });
    await this.followUps.changed(em, { personId: lead.personId, ownerStaffId: lead.ownerStaffId, on: next, byStaffId: staffId });
    return next;
  }

  private async record(em: EntityManager, personId: string, row: LeadFeedbackEntity, body: FeedbackRequest, at: Date): Promise<void> {
    const kinds: ActivityKind[] = ['sales_feedback'];
    if (body.kind === 'reject' && JunkRejectReasons.includes(body.reason)) kinds.push('sales_rejected');
    await this.activity.recordMany(
      em,
      kinds.map((kind) => ({ kind, personId, refId: row.id, page: '', contentType: 'page' as const, contentId: 'lead', source: { nodeId: null, channelId: null }, at })),
    );
  }
}
