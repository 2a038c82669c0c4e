import { isApiError } from '../../../core/api/api-error';
import type { PickedFile } from '../../../core/platform/files';
import type { ProfileField, WhitepaperAdminView } from '@leadloop/shared';
import { describeWhitepaperError } from './whitepaper-errors';

/** The console's whitepaper form as typed. Files are chosen, not typed. */
export interface UploadForm {
  title: string;
  summary: string;
  /** 「私域，ABM」: commas of either width separate tags. */
  tags: string;
  requiredFields: ProfileField[];
  file: PickedFile | null;
  cover: PickedFile | null;
}

/** Form keys the server's and the form's own complaints are shown under. */
export type UploadField = 'title' | 'summary' | 'tags' | 'requiredFields' | 'file' | 'cover';
export type UploadErrors = Partial<Record<UploadField, string>>;

export const TITLE_MAX = 80;
export const SUMMARY_MAX = 500;
export const TAG_MAX = 20;
export const TAGS_MAX = 10;
export const COVER_MAX_BYTES = 2 * 1024 * 1024;

/** A new whitepaper asks for name, company and phone by default: what sales needs to follow up. */
export function emptyUploadForm(): UploadForm {
  return { title: '', summary: '', tags: '', requiredFields: ['name', 'company', 'phone'], file: null, cover: null };
}

export function formFromWhitepaper(paper: WhitepaperAdminView): UploadForm {
  return { title: paper.title, summary: paper.summary, tags: paper.tags.join('，'), requiredFields: [...paper.requiredFields], file: null, cover: null };
}

/** 「私域，ABM, 私域」 → ['私域', 'ABM']. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,，、]/).map((t) => t.trim()).filter(Boolean))];
}

const isPdf = (file: PickedFile) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
const isImage = (file: PickedFile) => (file.type ? /^image\/(png|jpe?g)$/i.test(file.type) : /\.(png|jpe?g)$/i.test(file.name));

export type UploadCheck =
  | { ok: true; fields: { title: string; summary: string; tags: string; requiredFields: string } }
  | { ok: false; errors: UploadErrors };

/**
 * The text fields to send, or what to fix first (what a person would otherwise only hear from the
 * server; the server checks everything again, the files by their bytes). A new whitepaper needs
 * its PDF; an edit may keep the one it has.
 */
export function checkUploadForm(form: UploadForm, options: { needsFile: boolean }): UploadCheck {
  const errors: UploadErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = '请填写标题';
  else if (title.length > TITLE_MAX) errors.title = `标题不超过 ${TITLE_MAX} 个字`;
  const summary = form.summary.trim();
  if (summary.length > SUMMARY_MAX) errors.summary = `简介不超过 ${SUMMARY_MAX} 个字`;
  const tags = splitTags(form.tags);
  if (tags.length > TAGS_MAX) errors.tags = `标签最多 ${TAGS_MAX} 个`;
  else if (tags.some((t) => t.length > TAG_MAX)) errors.tags = `每个标签不超过 ${TAG_MAX} 个字`;
  if (options.needsFile && !form.file) errors.file = '请选择 PDF 文件';
  else if (form.file && !isPdf(form.file)) errors.file = '请选择 PDF 格式的文件';
  if (form.cover && !isImage(form.cover)) errors.cover = '封面需为 PNG 或 JPG 图片';
  else if (form.cover && form.cover.size > COVER_MAX_BYTES) errors.cover = '封面图片不超过 2 MB';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields: { title, summary, tags: JSON.stringify(tags), requiredFields: JSON.stringify(form.requiredFields) } };
}

const FieldSentences: Record<UploadField, string> = {
  title: `请填写标题（${TITLE_MAX} 字以内）`,
  summary: `简介不超过 ${SUMMARY_MAX} 个字`,
  tags: `标签最多 ${TAGS_MAX} 个，每个不超过 ${TAG_MAX} 个字`,
  requiredFields: '下载表单的字段有误',
  file: '请选择 PDF 文件',
  cover: '封面需为 PNG 或 JPG 图片',
};

const isUploadField = (key: string): key is UploadField => key in FieldSentences;

/**
 * The server's refusal, under the field it is about: VALIDATION_FAILED per `details.fields[].path`,
 * the file checks (not a PDF, bad cover, refused name, too large) under the file they concern.
 * Whatever belongs to no field comes back as `general`.
 */
export function uploadErrorsFrom(error: unknown): { fields: UploadErrors; general: string | null } {
  const fields: UploadErrors = {};
  if (isApiError(error, 'VALIDATION_FAILED')) {
    const issues = (error.details as { fields?: { path?: unknown }[] } | undefined)?.fields ?? [];
    for (const issue of issues) {
      const key = typeof issue.path === 'string' ? issue.path.split('.')[0] : '';
      if (isUploadField(key)) fields[key] ??= FieldSentences[key];
    }
    return { fields, general: Object.keys(fields).length > 0 ? null : describeWhitepaperError(error) };
  }
  if (isApiError(error, 'WHITEPAPER_NOT_PDF', 'WHITEPAPER_FILENAME_REJECTED')) return { fields: { file: describeWhitepaperError(error) }, general: null };
  if (isApiError(error, 'WHITEPAPER_COVER_INVALID')) return { fields: { cover: describeWhitepaperError(error) }, general: null };
  if (isApiError(error, 'PAYLOAD_TOO_LARGE')) {
    const field = (error.details as { field?: string } | undefined)?.field === 'cover' ? 'cover' : 'file';
    return { fields: { [field]: describeWhitepaperError(error) }, general: null };
  }
  return { fields, general: describeWhitepaperError(error) };
}
