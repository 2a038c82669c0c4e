import { ProfileFieldLabels, type ProfileField } from '@leadloop/shared';

/** 860 KB, 1.2 MB: a file size as people read it. */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1024 / 1024;
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** 「下载前需填写：姓名、公司」, or a plain line when the gate asks for nothing but consent. */
export function gateLine(fields: readonly ProfileField[]): string {
  if (fields.length === 0) return '勾选同意隐私政策即可免费下载';
  return `下载前需填写：${fields.map((f) => ProfileFieldLabels[f]).join('、')}`;
}

/** 【白皮书】2026 私域增长白皮书 */
export function shareTitleOf(title: string | null | undefined): string {
  return title ? `【白皮书】${title}` : '送你一份行业白皮书';
}
