import { Injectable } from '@nestjs/common';
import { OwnerStageTargets, StagesNeedingReason, type ChangeStageRequest, type LeadStageView, type Page, type PageQuery, type StageChangeView } from '@leadloop/shared';
import { DataSource, In, LessThan } from 'typeorm';
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { IdKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { StaffEntity } from '../staff/staff.entity';
import { LeadAccess } from './lead-access';
import { LeadStageChangeEntity } from './leads.entity';
import { LeadStages, StageRuleLabels } from './stages';

const HistoryCursor = new KeysetCursor('lead.stages', z.tuple([IdKey]));

/** Stage moves staff ask for, and the history they read; who may do what is decided here. */
@Injectable()
export class StageRequests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly stages: LeadStages,
  ) {}

  /** The pool (admin, marketer) may make any legal move; the owner (sales, SDR) only hand-off and outcome moves. */
  move(auth: AuthContext, personId: string, body: ChangeStageRequest): Promise<LeadStageView> {
    return this.dataSource.transaction(async (em) => {
      await this.access.readable(auth, personId, em);
      const role = auth.staff!.role;
      const pool = this.access.scopeOf(auth).all;
      if (!pool && (role === 'partner' || !OwnerStageTargets.includes(body.to))) throw new AppError('STAGE_NOT_ALLOWED', 'Only marketing can move a lead to this stage');
      if (StagesNeedingReason.includes(body.to) && !body.reason?.trim()) throw new AppError('STAGE_REASON_REQUIRED', 'Say why the lead moves to this stage', { fields: [{ path: 'reason', message: '请填写原因' }] });
      const lead = await this.stages.change(em, personId, body.to, { byStaffId: auth.staff!.id, reason: body.reason });
      return { personId, stage: lead.stage, stageChangedAt: lead.stageChangedAt?.toISOString() ?? null };
    });
  }

  /** Newest first: from, to, why, who (a staff member's name or the rule's), when. */
  async history(auth: AuthContext, personId: string, query: PageQuery): Promise<Page<StageChangeView>> {
    await this.access.readable(auth, personId);
    const before = HistoryCursor.decode(query.cursor)?.[0];
    const em = this.dataSource.manager;
    const rows = await em.find(LeadStageChangeEntity, { where: { personId, ...(before ? { id: LessThan(before) } : {}) }, order: { id: 'DESC' }, take: query.limit + 1 });
    const { items, nextCursor } = HistoryCursor.page(rows, query.limit, (r) => [r.id]);
    const staffIds = [...new Set(items.flatMap((r) => (r.byStaffId ? [r.byStaffId] : [])))];
    const names = new Map(staffIds.length ? (await em.find(StaffEntity, { select: { id: true, name: true }, where: { id: In(staffIds) } })).map((s) => [s.id, s.name]) : []);
    return {
      nextCursor,
      items: items.map((r) => ({
        id: r.id,
        from: r.fromStage,
        to: r.toStage,
        reason: r.reason,
        by: r.byStaffId ? (names.get(r.byStaffId) ?? '已离职成员') : (StageRuleLabels[r.byRule ?? ''] ?? '系统规则'),
        automatic: !r.byStaffId,
        at: r.createdAt.toISOString(),
      })),
    };
  }
}
