import type { ApiBody, ApiQuery } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { ApiError, describeError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import type { SessionScope } from '@/core/session/session-store';

/** The hand-off package: the account's other contacts, follow-up, opportunity, what the caller may do now. */
export function fetchHandoff(scope: SessionScope, id: string) {
  return api('leadHandoff', undefined, { scope, params: { id } });
}

export function giveFeedback(scope: SessionScope, id: string, body: ApiBody<'giveFeedback'>) {
  return api('giveFeedback', body, { scope, params: { id } });
}

/** Marketing's manual move (recycle to nurture, back to MQL …), always with a reason. */
export function moveStage(scope: SessionScope, id: string, body: ApiBody<'changeLeadStage'>) {
  return api('changeLeadStage', body, { scope, params: { id } });
}

export function fetchCalibration(query: ApiQuery<'calibration'>) {
  return api('calibration', undefined, { scope: platform.consoleScope, query });
}

export function applyCalibration(body: ApiBody<'applyCalibration'>) {
  return api('applyCalibration', body, { scope: platform.consoleScope });
}

const Messages: Record<string, string> = {
  FEEDBACK_STAGE_INVALID: '线索当前所处阶段不能进行这项操作，请刷新后重试',
  STAGE_TRANSITION_INVALID: '线索当前所处阶段不能这样调整，请刷新后重试',
  STAGE_NOT_ALLOWED: '只有市场人员可以手动调整阶段',
  STAGE_REASON_REQUIRED: '请填写调整原因',
  FOLLOW_UP_DATE_PAST: '下次跟进日期不能早于今天',
  LEAD_NOT_YOURS: '这条线索属于其他同事，你不能反馈',
  LEAD_NOT_FOUND: '这条线索不存在或已被删除',
  CALIBRATION_STALE: '评分规则刚被修改过，请刷新报告后再应用',
  CALIBRATION_SUGGESTION_UNKNOWN: '所选规则已没有调整建议，请刷新报告',
  VALIDATION_FAILED: '填写内容有误，请检查后重试',
};

export function describeHandoffError(error: unknown): string {
  return error instanceof ApiError && Messages[error.code] ? Messages[error.code] : describeError(error);
}
