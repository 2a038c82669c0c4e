import { RuleSetDraft, UpdateLeadSettings, type FitRule, type IntentRule, type LeadSettingsView, type PreviewResponse, type RescoreProgress, type RuleSetView } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { describeError, isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';

const consoleScope = { scope: platform.consoleScope };

/** A rule as the editor holds it: numbers as typed (validated on save), fit values as one comma-separated line. */
export interface IntentRow extends Omit<IntentRule, 'points' | 'minValue' | 'dailyCap' | 'totalCap'> {
  points: string;
  minValue: string;
  dailyCap: string;
  totalCap: string;
}
export interface FitRow extends Omit<FitRule, 'points' | 'values'> {
  points: string;
  values: string;
}
export interface RulesForm {
  intentRules: IntentRow[];
  fitRules: FitRow[];
  grades: { A: string; B: string; C: string };
}
export interface SettingsForm {
  halfLifeDays: string;
  mqlMinGrade: LeadSettingsView['mqlMinGrade'];
  mqlMinIntent: string;
}

const text = (n: number | null) => (n === null ? '' : String(n));
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim()));
const optional = (s: string) => (s.trim() === '' ? null : Number(s.trim()));

export function rulesFormOf(set: RuleSetView): RulesForm {
  return {
    intentRules: set.intentRules.map((r) => ({ ...r, points: text(r.points), minValue: text(r.minValue), dailyCap: text(r.dailyCap), totalCap: text(r.totalCap) })),
    fitRules: set.fitRules.map((r) => ({ ...r, points: text(r.points), values: r.values.join('，') })),
    grades: { A: text(set.grades.A), B: text(set.grades.B), C: text(set.grades.C) },
  };
}

/** The draft as the server's contract reads it, or the first problem in words a marketer understands. */
export function draftOf(form: RulesForm): { draft: RuleSetDraft } | { problem: string } {
  const candidate = {
    intentRules: form.intentRules.map((r) => ({ ...r, points: num(r.points), minValue: optional(r.minValue), dailyCap: optional(r.dailyCap), totalCap: optional(r.totalCap) })),
    fitRules: form.fitRules.map((r) => ({ ...r, points: num(r.points), values: r.values.split(/[,，、\s]+/).filter(Boolean) })),
    grades: { A: num(form.grades.A), B: num(form.grades.B), C: num(form.grades.C) },
  };
  const parsed = RuleSetDraft.safeParse(candidate);
  if (parsed.success) return { draft: parsed.data };
  return { problem: problemOf(parsed.error.issues[0], form) };
}

function problemOf(issue: { path: PropertyKey[]; message: string }, form: RulesForm): string {
  const [list, index, field] = issue.path;
  if (list === 'grades') return '等级分数线须为整数，且 A ≥ B ≥ C';
  const rule = list === 'intentRules' ? form.intentRules[Number(index)] : form.fitRules[Number(index)];
  const name = rule ? `「${rule.label || '未命名规则'}」` : '规则';
  if (field === 'points') return `${name}的分值须为 −100 到 100 的整数`;
  if (field === 'dailyCap' || field === 'totalCap') return `${name}的次数上限须为不小于 0 的整数，不限请留空`;
  if (field === 'minValue') return `${name}的观看分钟数须为 0–1440 的整数`;
  if (field === 'label') return `${name}的名称须为 1–40 个字`;
  if (field === 'values') return `${name}至少填写一个取值（用逗号分隔，每个不超过 40 字）`;
  if (field === 'key') return `${name}的标识重复或不合规`;
  return `${name}填写有误`;
}

export function settingsFormOf(s: LeadSettingsView): SettingsForm {
  return { halfLifeDays: String(s.halfLifeDays), mqlMinGrade: s.mqlMinGrade, mqlMinIntent: String(s.mqlMinIntent) };
}

export function settingsOf(form: SettingsForm): { settings: UpdateLeadSettings } | { problem: string } {
  const parsed = UpdateLeadSettings.safeParse({ halfLifeDays: num(form.halfLifeDays), mqlMinGrade: form.mqlMinGrade, mqlMinIntent: num(form.mqlMinIntent) });
  if (parsed.success) return { settings: parsed.data };
  return { problem: parsed.error.issues[0].path[0] === 'halfLifeDays' ? '半衰期须为 7–365 天的整数' : 'MQL 意愿分须为 0–10000 的整数' };
}

export const fetchRules = (): Promise<RuleSetView> => api('scoringRules', undefined, consoleScope);
export const fetchSettings = (): Promise<LeadSettingsView> => api('leadSettings', undefined, consoleScope);
export const fetchProgress = (): Promise<RescoreProgress> => api('rescoreProgress', undefined, consoleScope);
export const saveRules = (draft: RuleSetDraft): Promise<RuleSetView> => api('saveScoringRules', draft, consoleScope);
export const saveSettings = (settings: UpdateLeadSettings): Promise<LeadSettingsView> => api('updateLeadSettings', settings, consoleScope);
export const previewDraft = (draft: RuleSetDraft): Promise<PreviewResponse> => api('previewScoringRules', { draft }, consoleScope);

export function describeScoringError(error: unknown): string {
  if (isApiError(error, 'FORBIDDEN')) return '仅市场和管理员可以修改评分规则';
  if (isApiError(error, 'VALIDATION_FAILED')) return '有填写不符合要求的项，请检查后再保存';
  return describeError(error);
}
