import { z } from 'zod';

/**
 * The lead's vocabulary, shared by the server, the console and the staff pages: lifecycle
 * stages, fit grades, the profile's bands, and how a decayed intent score is stored.
 */

/** new → engaged → MQL → SAL (accepted by sales) → SQL (opportunity) → won / lost; nurture for recycled leads. */
export const LeadStages = ['new', 'engaged', 'mql', 'sal', 'sql', 'won', 'lost', 'nurture'] as const;
export const LeadStage = z.enum(LeadStages);
export type LeadStage = z.infer<typeof LeadStage>;
export const LeadStageLabels: Record<LeadStage, string> = {
  new: '新线索',
  engaged: '互动中',
  mql: '市场认可',
  sal: '销售已接受',
  sql: '商机',
  won: '赢单',
  lost: '输单',
  nurture: '培育中',
};

/** Fit (能力) grade from profile rules: A is the best fit. */
export const FitGrades = ['A', 'B', 'C', 'D'] as const;
export const FitGrade = z.enum(FitGrades);
export type FitGrade = z.infer<typeof FitGrade>;

export const CompanySizeBands = ['1-49', '50-199', '200-499', '500-999', '1000-4999', '5000+'] as const;
export const CompanySizeBand = z.enum(CompanySizeBands);
export type CompanySizeBand = z.infer<typeof CompanySizeBand>;
export const CompanySizeBandLabels: Record<CompanySizeBand, string> = {
  '1-49': '50 人以下',
  '50-199': '50–199 人',
  '200-499': '200–499 人',
  '500-999': '500–999 人',
  '1000-4999': '1000–4999 人',
  '5000+': '5000 人及以上',
};

/** Seniority, derived from the job title unless staff set it. */
export const Seniorities = ['executive', 'director', 'manager', 'staff', 'other'] as const;
export const Seniority = z.enum(Seniorities);
export type Seniority = z.infer<typeof Seniority>;
export const SeniorityLabels: Record<Seniority, string> = {
  executive: '高管',
  director: '总监',
  manager: '经理',
  staff: '员工',
  other: '其他',
};

/** A contact's part in the account's buying decision. */
export const BuyingRoles = ['decision_maker', 'influencer', 'user', 'procurement', 'other'] as const;
export const BuyingRole = z.enum(BuyingRoles);
export type BuyingRole = z.infer<typeof BuyingRole>;
export const BuyingRoleLabels: Record<BuyingRole, string> = {
  decision_maker: '决策者',
  influencer: '影响者',
  user: '使用者',
  procurement: '采购',
  other: '其他',
};

/** Target-account tier for ABM: A is the most wanted. */
export const AccountTiers = ['A', 'B', 'C'] as const;
export const AccountTier = z.enum(AccountTiers);
export type AccountTier = z.infer<typeof AccountTier>;

/**
 * Intent decays with a half-life, and a lead list sorted by the score *now* must not rescan every
 * lead as time passes. So each lead stores its intent scaled to a fixed epoch,
 * `key = Σ points · 2^((at − EPOCH) / halfLife)`; the score at any moment is
 * `key · 2^(−(now − EPOCH) / halfLife)`, the same factor for every lead, so ordering by the stored
 * key is ordering by the current score, and a score range is a key range.
 */
export const INTENT_EPOCH_MS = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;

/** The stored contribution of `points` earned at `atMs`. */
export function intentKey(points: number, atMs: number, halfLifeDays: number): number {
  return points * 2 ** ((atMs - INTENT_EPOCH_MS) / (halfLifeDays * DAY_MS));
}

/** The score now of a stored key (or of one item's points earned at `atMs`: `decayed(points, at, now)`). */
export function intentAt(key: number, nowMs: number, halfLifeDays: number): number {
  return key * 2 ** (-(nowMs - INTENT_EPOCH_MS) / (halfLifeDays * DAY_MS));
}

/** Points earned at `atMs`, as they count at `nowMs`. */
export function decayed(points: number, atMs: number, nowMs: number, halfLifeDays: number): number {
  return points * 2 ** (-(nowMs - atMs) / (halfLifeDays * DAY_MS));
}
