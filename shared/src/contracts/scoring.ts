import { z } from 'zod';
import { ContentTypes } from './share-chain';
import { FitGrade, FitGrades, LeadStage } from './lead-vocabulary';

export const MIN_HALF_LIFE_DAYS = 7;

/**
 * Two-dimension lead scoring (能力 × 意愿) as data marketers edit: intent rules turn activities
 * into points (capped per day and in total, decaying with a half-life), fit rules turn profile
 * fields into points and a grade. Every save is a new version; the active one re-scores everyone.
 */

/** What intent rules can react to: the server's activities plus visitors a person's shares brought. */
export const IntentSignals = [
  'signup',
  'attend',
  'watch',
  'payment',
  'download',
  'card_view',
  'card_return',
  'contact_request',
  'survey',
  'share_visitor',
  'consent_withdrawn',
  'sales_rejected',
] as const;
export const IntentSignal = z.enum(IntentSignals);
export type IntentSignal = z.infer<typeof IntentSignal>;
export const IntentSignalLabels: Record<IntentSignal, string> = {
  signup: '报名直播',
  attend: '进入直播间',
  watch: '观看直播时长',
  payment: '付费报名',
  download: '下载白皮书',
  card_view: '查看名片',
  card_return: '再次访问名片',
  contact_request: '请联系我',
  survey: '填写问卷',
  share_visitor: '分享带来访客',
  consent_withdrawn: '撤回授权',
  sales_rejected: '被销售判定为无效',
};

/** Profile fields fit rules can test. */
export const FitFields = ['industry', 'seniority', 'size_band', 'province', 'account_tier', 'buying_role'] as const;
export const FitField = z.enum(FitFields);
export type FitField = z.infer<typeof FitField>;
export const FitFieldLabels: Record<FitField, string> = {
  industry: '行业',
  seniority: '职级',
  size_band: '公司规模',
  province: '省份',
  account_tier: '目标客户等级',
  buying_role: '采购角色',
};

export const RuleKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, '2–40 个小写字母、数字或下划线，以字母开头');
const RuleLabel = z.string().trim().min(1).max(40);
const Points = z.number().int().min(-100).max(100);
const Cap = z.number().int().min(0).max(10_000).nullable();

export const IntentRule = z
  .object({
    key: RuleKey,
    label: RuleLabel,
    signal: IntentSignal,
    /** For `watch`: minutes watched at least; for `share_visitor`: ignored. */
    minValue: z.number().int().min(0).max(1440).nullable().default(null),
    /** Only activities about this kind of content (null: any). */
    contentType: z.enum(ContentTypes).nullable().default(null),
    points: Points,
    /** At most this many firings per person per day (China time) / in total; null: no cap. */
    dailyCap: Cap.default(null),
    totalCap: Cap.default(null),
    /** Fires once per person and content (e.g. watched ≥ 30 min of one live event). */
    oncePerContent: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict();
export type IntentRule = z.infer<typeof IntentRule>;

export const FitRule = z
  .object({
    key: RuleKey,
    label: RuleLabel,
    field: FitField,
    values: z.array(z.string().trim().min(1).max(40)).min(1).max(50),
    points: Points,
    enabled: z.boolean().default(true),
  })
  .strict();
export type FitRule = z.infer<typeof FitRule>;

/** Fit points at least `A` make grade A, and so on; below `C` is D. */
export const GradeThresholds = z
  .object({ A: z.number().int().min(-1000).max(1000), B: z.number().int().min(-1000).max(1000), C: z.number().int().min(-1000).max(1000) })
  .strict()
  .refine((t) => t.A >= t.B && t.B >= t.C, { message: 'A 的分数线不能低于 B，B 不能低于 C', path: ['B'] });
export type GradeThresholds = z.infer<typeof GradeThresholds>;

export const RuleSetDraft = z
  .object({
    intentRules: z.array(IntentRule).max(60),
    fitRules: z.array(FitRule).max(60),
    grades: GradeThresholds,
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    [...set.intentRules, ...set.fitRules].forEach((rule, i) => {
      if (seen.has(rule.key)) ctx.addIssue({ code: 'custom', message: '规则标识重复', path: [i < set.intentRules.length ? 'intentRules' : 'fitRules', i < set.intentRules.length ? i : i - set.intentRules.length, 'key'] });
      seen.add(rule.key);
    });
  });
export type RuleSetDraft = z.infer<typeof RuleSetDraft>;

export const RuleSetView = z.object({
  version: z.number().int(),
  intentRules: z.array(IntentRule),
  fitRules: z.array(FitRule),
  grades: GradeThresholds,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type RuleSetView = z.infer<typeof RuleSetView>;

export const LeadSettingsView = z.object({
  halfLifeDays: z.number().int(),
  mqlMinGrade: FitGrade,
  mqlMinIntent: z.number().int(),
  ruleVersion: z.number().int(),
  updatedAt: z.string(),
});
export type LeadSettingsView = z.infer<typeof LeadSettingsView>;

export const UpdateLeadSettings = z
  .object({
    /**
     * At least 7 days: stored intent keys grow by 2× per half-life since INTENT_EPOCH_MS, and a
     * double holds ~2^1000, which a 7-day half-life reaches in 2044 (a 1-day one would in 2027).
     */
    halfLifeDays: z.number().int().min(MIN_HALF_LIFE_DAYS).max(365),
    mqlMinGrade: z.enum(FitGrades),
    mqlMinIntent: z.number().int().min(0).max(10_000),
  })
  .strict();
export type UpdateLeadSettings = z.infer<typeof UpdateLeadSettings>;

export const RescoreRunView = z.object({
  id: z.string(),
  version: z.number().int(),
  halfLifeDays: z.number().int(),
  reason: z.enum(['rules', 'half_life']),
  status: z.enum(['running', 'finished', 'superseded']),
  total: z.number().int(),
  done: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RescoreRunView = z.infer<typeof RescoreRunView>;
export const RescoreProgress = z.object({ run: RescoreRunView.nullable() });
export type RescoreProgress = z.infer<typeof RescoreProgress>;

export const PreviewRequest = z
  .object({
    draft: RuleSetDraft,
    /** Leads to preview on; default: the 5 most recently active. */
    personIds: z.array(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)).min(1).max(20).optional(),
  })
  .strict();
export type PreviewRequest = z.infer<typeof PreviewRequest>;

const ScoreNow = z.object({ grade: FitGrade, fitPoints: z.number().int(), intent: z.number() });
export const PreviewResponse = z.object({
  items: z.array(z.object({ personId: z.string(), name: z.string(), company: z.string().nullable(), current: ScoreNow, draft: ScoreNow })),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;

/** One line of a lead's breakdown: the rule that fired, the event behind it, and its points then and now. */
export const ScoreItemView = z.object({
  ruleKey: z.string(),
  label: z.string(),
  dimension: z.enum(['fit', 'intent']),
  /** What happened (intent), in the product's words; null for fit items. */
  activity: z.string().nullable(),
  contentTitle: z.string().nullable(),
  at: z.string(),
  points: z.number().int(),
  /** Intent points as they count now, after decay (fit points do not decay). */
  pointsNow: z.number(),
});
export type ScoreItemView = z.infer<typeof ScoreItemView>;

export const LeadScoreView = z.object({
  personId: z.string(),
  grade: FitGrade,
  fitPoints: z.number().int(),
  /** The intent score at `asOf` (decayed, never below 0); clients round it for display. */
  intent: z.number(),
  /** The instant the decayed figures are computed for. */
  asOf: z.string(),
  halfLifeDays: z.number().int(),
  ruleVersion: z.number().int(),
  scoredAt: z.string().nullable(),
  items: z.array(ScoreItemView),
});
export type LeadScoreView = z.infer<typeof LeadScoreView>;

export const ChangeStageRequest = z
  .object({
    to: LeadStage,
    reason: z.string().trim().max(200).optional(),
  })
  .strict();
export type ChangeStageRequest = z.infer<typeof ChangeStageRequest>;

export const StageChangeView = z.object({
  id: z.string(),
  from: LeadStage.nullable(),
  to: LeadStage,
  reason: z.string().nullable(),
  /** Who made it: a staff member's name, or the rule's name for automatic changes. */
  by: z.string(),
  automatic: z.boolean(),
  at: z.string(),
});
export type StageChangeView = z.infer<typeof StageChangeView>;

export const LeadStageView = z.object({ personId: z.string(), stage: LeadStage, stageChangedAt: z.string().nullable() });
export type LeadStageView = z.infer<typeof LeadStageView>;

/** The lifecycle's legal moves: forward through the funnel, recycling to nurture, and back from it. */
export const StageTransitions: Record<LeadStage, readonly LeadStage[]> = {
  new: ['engaged'],
  engaged: ['mql'],
  mql: ['sal', 'nurture'],
  sal: ['sql', 'nurture'],
  sql: ['won', 'lost', 'nurture'],
  won: [],
  lost: ['nurture'],
  nurture: ['engaged', 'mql'],
};

/** Where the owner of a lead (sales, SDR) may move it themselves; the pool roles may make any legal move. */
export const OwnerStageTargets: readonly LeadStage[] = ['sal', 'sql', 'won', 'lost', 'nurture'];
/** Moves that need a reason from the person making them. */
export const StagesNeedingReason: readonly LeadStage[] = ['lost', 'nurture'];

export function stageMoveAllowed(from: LeadStage, to: LeadStage): boolean {
  return StageTransitions[from].includes(to);
}
