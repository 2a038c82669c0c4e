import {
  AccountImportColumns,
  AccountImportProblemLabels,
  type AccountImportProblem,
  type AccountSummary,
  CompanySizeBandLabels,
  IndustryLabels,
} from '@leadloop/shared';
import { ApiError, describeError } from '@/core/api/api-error';

/** 「广东 深圳」, or 「—」. */
export function regionOf(a: Pick<AccountSummary, 'province' | 'city'>): string {
  return [a.province, a.city].filter(Boolean).join(' ') || '—';
}

export const industryOf = (a: Pick<AccountSummary, 'industry'>) => (a.industry ? IndustryLabels[a.industry] : '—');
export const sizeOf = (a: Pick<AccountSummary, 'sizeBand'>) => (a.sizeBand ? CompanySizeBandLabels[a.sizeBand] : '—');

/** 「A 类目标」, 「目标客户」 or 「—」. */
export function targetOf(a: Pick<AccountSummary, 'isTarget' | 'tier'>): string {
  if (!a.isTarget) return '—';
  return a.tier ? `${a.tier} 类目标` : '目标客户';
}

/** The columns a file must have, as the import dialog explains them. */
export const ImportColumnsSentence = AccountImportColumns.map((c) => c.header).join('、');

/** One line per refused row: 「第 8 行：等级只能是 A、B 或 C」. */
export interface ImportProblemLine {
  row: number;
  text: string;
}

export function importProblemsOf(error: unknown): ImportProblemLine[] {
  if (!(error instanceof ApiError) || error.code !== 'ACCOUNT_IMPORT_INVALID') return [];
  const rows = (error.details as { rows?: { row: number; problem: AccountImportProblem }[] } | null)?.rows ?? [];
  return rows.map((r) => ({ row: r.row, text: `第 ${r.row} 行：${AccountImportProblemLabels[r.problem] ?? '内容不符合要求'}` }));
}

/** What went wrong with an import, in a sentence (the per-row lines are shown beside it). */
export function importErrorOf(error: unknown): string {
  if (error instanceof ApiError && error.code === 'ACCOUNT_IMPORT_INVALID') {
    const n = importProblemsOf(error).length;
    return `有 ${n} 行不符合要求，整份文件未导入。请修改后重新上传。`;
  }
  return describeError(error);
}
