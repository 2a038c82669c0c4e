import { z } from 'zod';
import { chinaDayOf, chinaDayStart } from '../instant';
import { BuyingRole, FitGrade, LeadStage, LeadStages } from './lead-vocabulary';
import { RuleKey } from './scoring';

/**
 * What sales says about a lead it was handed: accept or reject (with a reason), contact attempts
 * with the next follow-up date, the opportunity, and the outcome. Each one moves the lead's stage
 * where the lifecycle allows, is on the lead's timeline, and flows back into marketing's numbers.
 */

export const FeedbackKinds = ['accept', 'reject', 'contact', 'opportunity', 'won', 'lost'] as const;
export const FeedbackKind = z.enum(FeedbackKinds);
export type FeedbackKind = z.infer<typeof FeedbackKind>;
export const FeedbackKindLabels: Record<FeedbackKind, string> = {
  accept: '接受线索',
  reject: '退回线索',
  contact: '跟进记录',
  opportunity: '转为商机',
  won: '赢单',
  lost: '输单',
};

export const RejectReasons = ['unreachable', 'no_need', 'no_budget', 'competitor', 'student_or_job', 'duplicate', 'other'] as const;
export const RejectReason = z.enum(RejectReasons);
export type RejectReason = z.infer<typeof RejectReason>;
export const RejectReasonLabels: Record<RejectReason, string> = {
  unreachable: '联系不上',
  no_need: '无需求',
  no_budget: '无预算',
  competitor: '竞品',
  student_or_job: '学生/求职',
  duplicate: '重复',
  other: '其他',
};
/**
 * Rejections that say the lead was never a prospect (not a buyer, or a second record of one):
 * they feed the `sales_rejected` intent signal. 无需求 / 无预算 / 联系不上 / 竞品 are real
 * prospects at the wrong moment and only recycle to nurture.
 */
export const JunkRejectReasons: readonly RejectReason[] = ['student_or_job', 'duplicate'];

export const ContactChannels = ['call', 'wechat', 'visit', 'meeting'] as const;
export const ContactChannel = z.enum(ContactChannels);
export type ContactChannel = z.infer<typeof ContactChannel>;
export const ContactChannelLabels: Record<ContactChannel, string> = { call: '电话', wechat: '微信', visit: '拜访', meeting: '会议' };

export const ContactOutcomes = ['reached', 'no_answer', 'callback', 'declined'] as const;
export const ContactOutcome = z.enum(ContactOutcomes);
export type ContactOutcome = z.infer<typeof ContactOutcome>;
export const ContactOutcomeLabels: Record<ContactOutcome, string> = { reached: '已沟通', no_answer: '未接通', callback: '约定再联系', declined: '明确拒绝' };

export const LostReasons = ['price', 'competitor', 'no_budget', 'timing', 'no_decision', 'other'] as const;
export const LostReason = z.enum(LostReasons);
export type LostReason = z.infer<typeof LostReason>;
export const LostReasonLabels: Record<LostReason, string> = {
  price: '价格',
  competitor: '选择竞品',
  no_budget: '预算取消',
  timing: '时机未到',
  no_decision: '未能决策',
  other: '其他',
};

/**
 * Where each kind of feedback may be given, and the stage it moves the lead to (every move is one
 * the lifecycle's transition table allows): accept an MQL; reject it (or an accepted lead) back to
 * nurture; log contacts at any stage (an owner calls the people their shares brought before they
 * are MQLs, and customers after a win); an opportunity from SAL (again at SQL it updates the
 * figures); win or lose an opportunity.
 */
export const FeedbackStages: Record<FeedbackKind, { from: readonly LeadStage[]; to: LeadStage | null }> = {
  accept: { from: ['mql'], to: 'sal' },
  reject: { from: ['mql', 'sal'], to: 'nurture' },
  contact: { from: LeadStages, to: null },
  opportunity: { from: ['sal', 'sql'], to: 'sql' },
  won: { from: ['sql'], to: 'won' },
  lost: { from: ['sql'], to: 'lost' },
};

export function feedbackAllowedAt(kind: FeedbackKind, stage: LeadStage): boolean {
  return FeedbackStages[kind].from.includes(stage);
}

/** 12345678 fen → ¥123,456.78 */
export function formatFen(fen: number): string {
  const yuan = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `¥${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

/** A China-time calendar day, as date pickers give it. */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine((d) => d >= '2020-01-01' && d < '2100-01-01' && isCalendarDay(d), 'must be a real date between 2020 and 2100');

/** 2026-02-30 is no day (it would silently become 3 March). */
function isCalendarDay(day: string): boolean {
  const start = chinaDayStart(day);
  return !Number.isNaN(start.getTime()) && chinaDayOf(start) === day;
}
/** Amounts are in fen (分), as WeChat Pay counts them: up to 100 亿元. */
export const AmountFen = z.number().int().min(1).max(1_000_000_000_000);
/** Fits the `note` column (varchar 200). */
export const FeedbackNote = z.string().trim().max(200);

const noteFor = (label: string) => ({ message: `选择「${label}」时请写明原因`, path: ['note'] });

export const FeedbackRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept'), note: FeedbackNote.optional() }).strict(),
  z
    .object({ kind: z.literal('reject'), reason: RejectReason, note: FeedbackNote.optional() })
    .strict()
    .refine((r) => r.reason !== 'other' || !!r.note, noteFor('其他')),
  z.object({ kind: z.literal('contact'), channel: ContactChannel, outcome: ContactOutcome, note: FeedbackNote.optional(), nextFollowUpOn: CalendarDay.optional() }).strict(),
  z.object({ kind: z.literal('opportunity'), amountFen: AmountFen, expectedCloseOn: CalendarDay, note: FeedbackNote.optional() }).strict(),
  z.object({ kind: z.literal('won'), amountFen: AmountFen, note: FeedbackNote.optional() }).strict(),
  z
    .object({ kind: z.literal('lost'), reason: LostReason, note: FeedbackNote.optional() })
    .strict()
    .refine((r) => r.reason !== 'other' || !!r.note, noteFor('其他')),
]);
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

export const FeedbackView = z.object({
  id: z.string(),
  kind: FeedbackKind,
  /** 接受线索, 退回线索 … */
  label: z.string(),
  /** One line in the product's words: 学生/求职 · 电话 · 已沟通 · 下次跟进 2026-12-08 · 预计金额 ¥120,000.00 … */
  detail: z.string(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  /** The staff member who gave it. */
  by: z.string(),
  at: z.string(),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

export const FeedbackResult = z.object({ feedback: FeedbackView, stage: LeadStage, stageChangedAt: z.string().nullable(), followUpOn: z.string().nullable() });
export type FeedbackResult = z.infer<typeof FeedbackResult>;

export const HandoffContact = z.object({
  /** A key for links, never shown. */
  id: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  buyingRole: BuyingRole.nullable(),
  stage: LeadStage.nullable(),
  grade: FitGrade.nullable(),
  owner: z.string().nullable(),
  /** Whether the caller may open this contact's lead (theirs, or the pool). */
  openable: z.boolean(),
});
export type HandoffContact = z.infer<typeof HandoffContact>;

/** What the salesperson works from, beside the lead detail: the account's other contacts, the deal, the next step, what they may do now. */
export const LeadHandoff = z.object({
  account: z.object({ id: z.string(), name: z.string(), isTarget: z.boolean(), tier: z.string().nullable(), contactCount: z.number().int() }).nullable(),
  /** Up to 20 other contacts of the account, decision makers first. */
  otherContacts: z.array(HandoffContact),
  /** The next follow-up day (China time), while the lead is with sales; `followUpDue` when it is today or past. */
  followUpOn: z.string().nullable(),
  followUpDue: z.boolean(),
  opportunity: z.object({ amountFen: z.number().int(), expectedCloseOn: z.string(), at: z.string() }).nullable(),
  wonAmountFen: z.number().int().nullable(),
  /** Feedback the caller may give at this stage. */
  actions: z.array(FeedbackKind),
  /** Manual moves (marketers and admins): every stage the lifecycle allows from here. */
  stageMoves: z.array(LeadStage),
  /** The latest feedback, newest first. */
  recent: z.array(FeedbackView),
});
export type LeadHandoff = z.infer<typeof LeadHandoff>;

// --- calibration: how MQLs fared with sales, per scoring rule and per source, and what to change

export const CalibrationQuery = z
  .object({ from: CalendarDay.optional(), to: CalendarDay.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export type CalibrationQuery = z.infer<typeof CalibrationQuery>;

export const CalibrationGroup = z.object({
  key: z.string(),
  label: z.string(),
  mqls: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** accepted / mqls; null without MQLs. */
  acceptRate: z.number().nullable(),
  rejectReasons: z.array(z.object({ reason: RejectReason, label: z.string(), count: z.number().int() })),
  opportunities: z.number().int(),
  /** opportunities / mqls. */
  opportunityRate: z.number().nullable(),
  won: z.number().int(),
  /** won / opportunities. */
  winRate: z.number().nullable(),
  /** From becoming an MQL to being accepted, in hours to one decimal (median of the accepted ones). */
  medianHoursToAccept: z.number().nullable(),
});
export type CalibrationGroup = z.infer<typeof CalibrationGroup>;

export const CalibrationSuggestion = z.object({
  ruleKey: z.string(),
  label: z.string(),
  dimension: z.enum(['fit', 'intent']),
  currentPoints: z.number().int(),
  suggestedPoints: z.number().int(),
  /** Why, in numbers: 8 条 MQL，接受率 25%（整体 50%）. */
  evidence: z.string(),
});
export type CalibrationSuggestion = z.infer<typeof CalibrationSuggestion>;

export const CalibrationReport = z.object({
  ruleVersion: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** A rule needs at least this many MQLs before a weight change is suggested. */
  minSample: z.number().int(),
  overall: CalibrationGroup,
  byRule: z.array(CalibrationGroup.extend({ dimension: z.enum(['fit', 'intent']), points: z.number().int() })),
  byChannel: z.array(CalibrationGroup),
  bySource: z.array(CalibrationGroup),
  suggestions: z.array(CalibrationSuggestion),
});
export type CalibrationReport = z.infer<typeof CalibrationReport>;

export const ApplyCalibrationRequest = z
  .object({
    /** The rule version the report was read under: applying over a newer one is refused. */
    ruleVersion: z.number().int().min(0),
    ruleKeys: z.array(RuleKey).min(1).max(60),
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
  })
  .strict();
export type ApplyCalibrationRequest = z.infer<typeof ApplyCalibrationRequest>;
