import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../core/api/api-error';
import type { PickedFile } from '../../../core/platform/files';
import { checkUploadForm, emptyUploadForm, splitTags, uploadErrorsFrom } from './upload-form';
import { formatFileSize, gateLine } from './whitepaper-format';

const pdf: PickedFile = { name: '2026 增长白皮书.pdf', size: 1200, type: 'application/pdf', source: 'tmp/a.pdf' };
const png: PickedFile = { name: 'cover.png', size: 300, type: 'image/png', source: 'tmp/c.png' };

describe('the console’s whitepaper form', () => {
  it('sends trimmed text, tags and gate fields as JSON arrays', () => {
    const form = { ...emptyUploadForm(), title: ' 2026 私域增长白皮书 ', summary: ' 十个案例 ', tags: 'ABM，私域, ABM', file: pdf, cover: png };
    expect(checkUploadForm(form, { needsFile: true })).toEqual({
      ok: true,
      fields: { title: '2026 私域增长白皮书', summary: '十个案例', tags: '["ABM","私域"]', requiredFields: '["name","company","phone"]' },
    });
  });

  it('says what to fix before anything is sent', () => {
    const form = { ...emptyUploadForm(), tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(','), cover: { ...png, name: 'c.gif', type: 'image/gif' } };
    expect(checkUploadForm(form, { needsFile: true })).toEqual({
      ok: false,
      errors: { title: '请填写标题', tags: '标签最多 10 个', file: '请选择 PDF 文件', cover: '封面需为 PNG 或 JPG 图片' },
    });
    expect(checkUploadForm({ ...emptyUploadForm(), title: 'x', file: { ...pdf, name: 'a.docx', type: null } }, { needsFile: true })).toMatchObject({ ok: false, errors: { file: '请选择 PDF 格式的文件' } });
    // an edit keeps the document it has
    expect(checkUploadForm({ ...emptyUploadForm(), title: 'x' }, { needsFile: false }).ok).toBe(true);
    expect(checkUploadForm({ ...emptyUploadForm(), title: 'x', cover: { ...png, size: 3 * 1024 * 1024 } }, { needsFile: false })).toMatchObject({ ok: false, errors: { cover: '封面图片不超过 2 MB' } });
  });

  it('splits tags on either comma width and 、, without repeats', () => {
    expect(splitTags(' 私域，ABM、 SaaS ,, 私域')).toEqual(['私域', 'ABM', 'SaaS']);
  });

  it('puts the server’s refusals under their fields', () => {
    expect(uploadErrorsFrom(new ApiError('VALIDATION_FAILED', 'x', { details: { fields: [{ path: 'title', message: 'Too small' }, { path: 'tags.2', message: 'x' }] } }))).toEqual({
      fields: { title: '请填写标题（80 字以内）', tags: '标签最多 10 个，每个不超过 20 个字' },
      general: null,
    });
    expect(uploadErrorsFrom(new ApiError('WHITEPAPER_NOT_PDF', 'x'))).toEqual({ fields: { file: '请上传 PDF 格式的文件' }, general: null });
    expect(uploadErrorsFrom(new ApiError('WHITEPAPER_COVER_INVALID', 'x')).fields.cover).toContain('PNG');
    expect(uploadErrorsFrom(new ApiError('PAYLOAD_TOO_LARGE', 'x', { details: { field: 'file', maxBytes: 50 * 1024 * 1024 } }))).toEqual({ fields: { file: '文件太大了（最大 50 MB），请压缩后重新上传' }, general: null });
    expect(uploadErrorsFrom(new ApiError('FORBIDDEN', 'x'))).toEqual({ fields: {}, general: '没有权限进行此操作' });
  });
});

describe('whitepaper formatting', () => {
  it('reads sizes and the gate line', () => {
    expect(formatFileSize(500)).toBe('500 B');
    expect(formatFileSize(300 * 1024)).toBe('300 KB');
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatFileSize(12.4 * 1024 * 1024)).toBe('12 MB');
    expect(gateLine(['name', 'company'])).toBe('下载前需填写：姓名、公司');
    expect(gateLine([])).toBe('勾选同意隐私政策即可免费下载');
  });
});
