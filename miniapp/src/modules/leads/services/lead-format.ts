import { type FitGrade, type LeadStage, LeadStageLabels, LeadSourceActionLabels, type LeadSourceAction } from '@leadloop/shared';
import { ApiError, describeError } from '@/core/api/api-error';

type Tone = 'brand' | 'success' | 'warning' | 'neutral' | 'danger';

const StageTones: Record<LeadStage, Tone> = { new: 'neutral', engaged: 'brand', mql: 'warning', sal: 'success', sql: 'success', won: 'success', lost: 'danger', nurture: 'neutral' };
const GradeTones: Record<FitGrade, Tone> = { A: 'success', B: 'brand', C: 'warning', D: 'neutral' };

export const stageTone = (stage: LeadStage): Tone => StageTones[stage];
export const gradeTone = (grade: FitGrade): Tone => GradeTones[grade];
export const stageLabel = (stage: LeadStage) => LeadStageLabels[stage];

/** 「观看 ≥ 30 分钟」「已下载」: what a content filter narrows the pool to. */
export function sourceActionLabel(action: LeadSourceAction | undefined, minutes?: number | string): string {
  if (!action) return '有转化';
  return action === 'watched' ? `观看 ≥ ${minutes} 分钟` : LeadSourceActionLabels[action];
}

const LeadMessages: Record<string, string> = {
  LEAD_NOT_FOUND: '这条线索不存在或已被删除',
  LEAD_NOT_YOURS: '这条线索属于其他同事，你无权查看',
  LEAD_PHONE_HIDDEN: '渠道伙伴不能查看完整号码，请联系对接的销售',
  LEAD_PHONE_MISSING: '客户还没有留下手机号',
  RATE_LIMITED: '查看号码过于频繁，请稍后再试',
  FORBIDDEN: '仅团队成员可以查看线索',
  VALIDATION_FAILED: '筛选条件有误，请检查后重试',
};

export function describeLeadError(error: unknown): string {
  return error instanceof ApiError && LeadMessages[error.code] ? LeadMessages[error.code] : describeError(error);
}
