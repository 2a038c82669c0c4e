import { Injectable } from '@nestjs/common';
import { stageMoveAllowed, type LeadStage } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { lockForUpdate } from '../../database/locks';
import { Activity } from '../activity/activity';
import { LeadEntity, LeadStageChangeEntity } from './leads.entity';

/** Who moved a lead: a staff member, or a rule of the lifecycle (its key, e.g. `mql_thresholds`). */
export interface StageActor {
  byStaffId?: string;
  byRule?: string;
  reason?: string;
}

/** The automatic moves' names, as the history shows them. */
export const StageRuleLabels: Record<string, string> = {
  first_intent: '首次互动（自动）',
  mql_thresholds: '达到 MQL 标准（自动）',
  hand_raise: '请联系我（自动转 MQL）',
};

/**
 * The one place a lead's lifecycle stage changes: it checks the move against the transition table,
 * writes the history row, moves the lead, and records a `stage_change` activity in the same
 * transaction so everything that reacts to stages (hand-off, webhooks, dashboards) is a consumer
 * of the stream.
 */
@Injectable()
export class LeadStages {
  constructor(
    private readonly activity: Activity,
    private readonly clock: Clock,
  ) {}

  async change(em: EntityManager, personId: string, to: LeadStage, actor: StageActor): Promise<LeadEntity> {
    const lead = await lockForUpdate(em.createQueryBuilder(LeadEntity, 'l').where('l.person_id = :personId', { personId })).getOne();
    if (!lead) throw new AppError('LEAD_NOT_FOUND', 'No such lead');
    if (!stageMoveAllowed(lead.stage, to)) throw new AppError('STAGE_TRANSITION_INVALID', `A lead cannot move from ${lead.stage} to ${to}`, { from: lead.stage, to });
    const at = this.clock.now();
    const change: LeadStageChangeEntity = {
      id: newId(at.getTime()),
      personId,
      fromStage: lead.stage,
      toStage: to,
      reason: actor.reason?.trim() || null,
      byStaffId: actor.byStaffId ?? null,
      byRule: actor.byRule ?? null,
      createdAt: at,
    };
    await em.insert(LeadStageChangeEntity, change);
    await em.update(LeadEntity, { personId }, { stage: to, stageChangedAt: at });
    await this.activity.record(em, { kind: 'stage_change', personId, refId: change.id, page: '', contentType: 'page', contentId: 'lead', source: { nodeId: null, channelId: null }, at });
    return { ...lead, stage: to, stageChangedAt: at };
  }
}
