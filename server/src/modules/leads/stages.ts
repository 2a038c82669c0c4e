import { Injectable } from '@nestjs/common';
import { stageMoveAllowed, type LeadStage } from '@leadloop/shared';
import { In, type EntityManager } from 'typeorm';
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

/** A move of a lead whose stage (`from`) the caller read under a lock. */
export interface StageMove {
  personId: string;
  from: LeadStage;
  to: LeadStage;
  actor: StageActor;
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
    const at = await this.moveLocked(em, [{ personId, from: lead.stage, to, actor }]);
    return { ...lead, stage: to, stageChangedAt: at };
  }

  /**
   * Moves leads the caller has locked and read the stage of (a scored batch's automatic moves): one
   * insert of history rows, one update per target stage, one insert of activities, whatever the
   * batch's size. A lead may move twice in one call (new → engaged → MQL); its moves keep their order.
   */
  async moveLocked(em: EntityManager, moves: readonly StageMove[]): Promise<Date> {
    const at = this.clock.now();
    if (moves.length === 0) return at;
    for (const m of moves) if (!stageMoveAllowed(m.from, m.to)) throw new AppError('STAGE_TRANSITION_INVALID', `A lead cannot move from ${m.from} to ${m.to}`, { from: m.from, to: m.to });
    // ids minted in one millisecond order by their random part: sorted, they follow the moves
    const ids = moves.map(() => newId(at.getTime())).sort();
    const changes: LeadStageChangeEntity[] = moves.map((m, i) => ({
      id: ids[i],
      personId: m.personId,
      fromStage: m.from,
      toStage: m.to,
      reason: m.actor.reason?.trim() || null,
      byStaffId: m.actor.byStaffId ?? null,
      byRule: m.actor.byRule ?? null,
      createdAt: at,
    }));
    for (let i = 0; i < changes.length; i += 500) await em.insert(LeadStageChangeEntity, changes.slice(i, i + 500));
    const finalStage = new Map(moves.map((m) => [m.personId, m.to]));
    for (const to of new Set(finalStage.values())) {
      const people = [...finalStage].filter(([, stage]) => stage === to).map(([personId]) => personId);
      await em.update(LeadEntity, { personId: In(people) }, { stage: to, stageChangedAt: at });
    }
    await this.activity.recordMany(
      em,
      changes.map((c) => ({ kind: 'stage_change', personId: c.personId, refId: c.id, page: '', contentType: 'page', contentId: 'lead', source: { nodeId: null, channelId: null }, at })),
    );
    return at;
  }
}
