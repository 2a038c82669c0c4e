import {
  ContactChannelLabels,
  ContactOutcomeLabels,
  FeedbackKindLabels,
  formatFen,
  LostReasonLabels,
  RejectReasonLabels,
  type ContactChannel,
  type ContactOutcome,
  type FeedbackView,
  type LostReason,
  type RejectReason,
} from '@leadloop/shared';
import type { LeadFeedbackEntity } from './handoff.entity';

/** The reason's name in the product's words (a reject's or a loss's). */
export function reasonLabelOf(row: Pick<LeadFeedbackEntity, 'kind' | 'reason'>): string | null {
  if (!row.reason) return null;
  if (row.kind === 'reject') return RejectReasonLabels[row.reason as RejectReason] ?? null;
  if (row.kind === 'lost') return LostReasonLabels[row.reason as LostReason] ?? null;
  return null;
}

/** One line for a feedback row: 学生/求职 · 电话 · 已沟通 · 下次跟进 2026-12-08 · 预计金额 ¥120,000.00 … */
export function feedbackDetail(row: LeadFeedbackEntity): string {
  const parts: (string | null)[] = [];
  switch (row.kind) {
    case 'accept':
      parts.push('已接受，开始跟进');
      break;
    case 'contact':
      parts.push(ContactChannelLabels[row.channel as ContactChannel] ?? null, ContactOutcomeLabels[row.outcome as ContactOutcome] ?? null, row.followUpOn ? `下次跟进 ${row.followUpOn}` : '无需再跟进');
      break;
    case 'opportunity':
      parts.push(row.amountFen !== null ? `预计金额 ${formatFen(row.amountFen)}` : null, row.closeOn ? `预计成交 ${row.closeOn}` : null);
      break;
    case 'won':
      parts.push(row.amountFen !== null ? `成交金额 ${formatFen(row.amountFen)}` : null);
      break;
    default:
      parts.push(reasonLabelOf(row));
  }
  return parts.filter(Boolean).join(' · ');
}

/** What a stage change made by feedback records as its reason (≤ 200 characters, the column's width). */
export function stageReasonOf(row: LeadFeedbackEntity): string {
  const text = `${FeedbackKindLabels[row.kind]}：${feedbackDetail(row)}${row.note ? ` · ${row.note}` : ''}`;
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}

export function feedbackView(row: LeadFeedbackEntity, by: string): FeedbackView {
  return {
    id: row.id,
    kind: row.kind,
    label: FeedbackKindLabels[row.kind],
    detail: feedbackDetail(row),
    note: row.note,
    reason: reasonLabelOf(row),
    amountFen: row.amountFen,
    by,
    at: row.createdAt.toISOString(),
  };
}
