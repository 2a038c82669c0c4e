import { createHash } from 'node:crypto';
import { FitGrades, type ContentType, type FitGrade, type FitRule, type GradeThresholds, type IntentRule, type IntentSignal, type RuleSetDraft } from '@leadloop/shared';

/**
 * The pure half of scoring: which rules an activity fires (with caps and once-per-content), and a
 * profile's fit points and grade. The service feeds it from the database and writes what it says.
 */

/** What a person did that intent rules may react to, credited to `personId`. */
export interface Signal {
  personId: string;
  signal: IntentSignal;
  eventId: string;
  at: Date;
  contentType: ContentType | null;
  contentId: string | null;
  /** Minutes watched, for `watch`. */
  value: number | null;
  /** What makes two signals the same one (the event; the visitor and content for `share_visitor`). */
  identity: string;
}

/** One rule fired by one signal: becomes one intent score item. */
export interface Firing {
  rule: IntentRule;
  signal: Signal;
  dedupeKey: string;
  day: number;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The day (China time, where the customers are) an instant falls in: per-day caps count within it. */
export function chinaDay(at: Date): number {
  return Math.floor((at.getTime() + CHINA_OFFSET_MS) / DAY_MS);
}

/** How many times each (person, rule) fired so far, in total and per day, and which dedupe keys it holds. */
export class CapCounts {
  private readonly totals = new Map<string, number>();
  private readonly days = new Map<string, number>();
  private readonly keys = new Set<string>();

  addTotal(personId: string, ruleKey: string, n: number): void {
    this.totals.set(`${personId}|${ruleKey}`, (this.totals.get(`${personId}|${ruleKey}`) ?? 0) + n);
  }

  addDay(personId: string, ruleKey: string, day: number, n: number): void {
    this.days.set(`${personId}|${ruleKey}|${day}`, (this.days.get(`${personId}|${ruleKey}|${day}`) ?? 0) + n);
  }

  addKey(personId: string, ruleKey: string, dedupeKey: string): void {
    this.keys.add(`${personId}|${ruleKey}|${dedupeKey}`);
  }

  /** Fires the rule when its caps and dedupe key allow, counting the firing. */
  take(personId: string, rule: IntentRule, dedupeKey: string, day: number): boolean {
    const key = `${personId}|${rule.key}|${dedupeKey}`;
    if (this.keys.has(key)) return false;
    const total = this.totals.get(`${personId}|${rule.key}`) ?? 0;
    const today = this.days.get(`${personId}|${rule.key}|${day}`) ?? 0;
    if (rule.totalCap !== null && total >= rule.totalCap) return false;
    if (rule.dailyCap !== null && today >= rule.dailyCap) return false;
    this.keys.add(key);
    this.addTotal(personId, rule.key, 1);
    this.addDay(personId, rule.key, day, 1);
    return true;
  }
}

export function ruleMatches(rule: IntentRule, s: Signal): boolean {
  if (!rule.enabled || rule.signal !== s.signal) return false;
  if (rule.contentType !== null && rule.contentType !== s.contentType) return false;
  if (rule.minValue !== null && s.signal === 'watch' && (s.value ?? 0) < rule.minValue) return false;
  return true;
}

/** A once-per-content rule fires once per content; others once per signal. Keys fit varchar(64). */
export function dedupeKeyOf(rule: IntentRule, s: Signal): string {
  if (rule.oncePerContent && s.contentId !== null) return `c:${digest(`${s.contentType}|${s.contentId}`)}`;
  return s.identity.length <= 62 ? `e:${s.identity}` : `h:${digest(s.identity)}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 43);
}

/** The rules these signals fire, in order, within the caps (`counts` is updated as they fire). */
export function fire(rules: readonly IntentRule[], signals: readonly Signal[], counts: CapCounts): Firing[] {
  const firings: Firing[] = [];
  for (const signal of signals) {
    for (const rule of rules) {
      if (!ruleMatches(rule, signal)) continue;
      const dedupeKey = dedupeKeyOf(rule, signal);
      const day = chinaDay(signal.at);
      if (counts.take(signal.personId, rule, dedupeKey, day)) firings.push({ rule, signal, dedupeKey, day });
    }
  }
  return firings;
}

/** The profile fields fit rules read (the account's industry, size and region stand in for missing ones). */
export interface FitProfile {
  industry: string | null;
  seniority: string | null;
  size_band: string | null;
  province: string | null;
  /** Set only for target accounts. */
  account_tier: string | null;
  buying_role: string | null;
}

export interface Fit {
  points: number;
  grade: FitGrade;
  matched: FitRule[];
}

export function fitOf(rules: readonly FitRule[], grades: GradeThresholds, profile: FitProfile): Fit {
  const matched = rules.filter((r) => r.enabled && profile[r.field] !== null && r.values.includes(profile[r.field] as string));
  const points = matched.reduce((sum, r) => sum + r.points, 0);
  return { points, grade: gradeOf(points, grades), matched };
}

export function gradeOf(points: number, grades: GradeThresholds): FitGrade {
  if (points >= grades.A) return 'A';
  if (points >= grades.B) return 'B';
  if (points >= grades.C) return 'C';
  return 'D';
}

/** Whether `grade` is `min` or better (A is best). */
export function gradeAtLeast(grade: FitGrade, min: FitGrade): boolean {
  return FitGrades.indexOf(grade) <= FitGrades.indexOf(min);
}

/** What a fresh install scores with: the seeds' 能力 × 意愿 defaults, in Chinese. */
export const DefaultRuleSet: RuleSetDraft = {
  intentRules: [
    intent('live_signup', '报名直播', 'signup', 10, { contentType: 'live' }),
    intent('live_attend', '参加直播', 'attend', 15, { oncePerContent: true }),
    intent('live_watch_30', '观看直播 ≥ 30 分钟', 'watch', 20, { minValue: 30, oncePerContent: true }),
    intent('paid_signup', '付费报名', 'payment', 25),
    intent('whitepaper_download', '下载白皮书', 'download', 15, { dailyCap: 3 }),
    intent('card_view', '查看名片', 'card_view', 3, { dailyCap: 2, totalCap: 5 }),
    intent('card_return', '再次访问名片', 'card_return', 5, { dailyCap: 1 }),
    intent('contact_request', '请联系我', 'contact_request', 30),
    intent('survey_answer', '填写问卷', 'survey', 10, { oncePerContent: true }),
    intent('share_visitor', '分享带来访客', 'share_visitor', 10, { dailyCap: 5 }),
    intent('consent_withdrawn', '撤回授权', 'consent_withdrawn', -20),
    intent('sales_rejected', '被销售判定为无效', 'sales_rejected', -50),
  ],
  fitRules: [
    { key: 'target_industry', label: '目标行业', field: 'industry', values: ['制造业', '软件和信息技术', '金融', '医疗健康', '零售'], points: 20, enabled: true },
    { key: 'senior_leader', label: '高管或总监', field: 'seniority', values: ['executive', 'director'], points: 25, enabled: true },
    { key: 'manager', label: '经理', field: 'seniority', values: ['manager'], points: 10, enabled: true },
    { key: 'company_200_plus', label: '公司规模 200 人以上', field: 'size_band', values: ['200-499', '500-999', '1000-4999', '5000+'], points: 20, enabled: true },
    { key: 'key_region', label: '重点区域', field: 'province', values: ['上海', '北京', '广东', '江苏', '浙江'], points: 10, enabled: true },
    { key: 'target_account_a', label: 'A 级目标客户', field: 'account_tier', values: ['A'], points: 25, enabled: true },
    { key: 'target_account_b', label: 'B 级目标客户', field: 'account_tier', values: ['B'], points: 15, enabled: true },
    { key: 'decision_maker', label: '决策者', field: 'buying_role', values: ['decision_maker'], points: 15, enabled: true },
    { key: 'influencer', label: '影响者', field: 'buying_role', values: ['influencer'], points: 5, enabled: true },
  ],
  grades: { A: 70, B: 45, C: 20 },
};

function intent(key: string, label: string, signal: IntentSignal, points: number, extra: Partial<IntentRule> = {}): IntentRule {
  return { key, label, signal, points, minValue: null, contentType: null, dailyCap: null, totalCap: null, oncePerContent: false, enabled: true, ...extra };
}
