import { type BrandSettings, UpdateBrandRequest } from '@leadloop/shared';
import { api, upload } from '@/core/api/client';
import { isApiError } from '@/core/api/api-error';
import { platform, type PickedFile } from '@/core/platform';
import { describeGateError } from '@/modules/profile-gate/services/gate-errors';

const consoleScope = { scope: platform.consoleScope };

export interface BrandForm {
  companyName: string;
  shortName: string;
  colour: string;
  servicePhone: string;
  privacyText: string;
  privacyVersion: string;
  agreementText: string;
  agreementVersion: string;
}

export type BrandField = keyof BrandForm;
export type BrandErrors = Partial<Record<BrandField, string>>;

/** Colours offered with one tap (any #rrggbb may be typed). */
export const COLOUR_PRESETS = ['#1f5eff', '#0a7c5a', '#c2410c', '#7b2cbf', '#b91c1c', '#0f766e'];

export function fetchBrandSettings(): Promise<BrandSettings> {
  return api('consoleBrand', undefined, consoleScope);
}

export function formOf(settings: BrandSettings): BrandForm {
  return {
    companyName: settings.companyName,
    shortName: settings.shortName,
    colour: settings.colour,
    servicePhone: settings.servicePhone ?? '',
    privacyText: settings.privacyPolicy.text,
    privacyVersion: settings.privacyPolicy.version,
    agreementText: settings.userAgreement.text,
    agreementVersion: settings.userAgreement.version,
  };
}

function requestOf(form: BrandForm) {
  return {
    companyName: form.companyName,
    shortName: form.shortName,
    colour: form.colour,
    servicePhone: form.servicePhone,
    privacyPolicy: { text: form.privacyText, version: form.privacyVersion },
    userAgreement: { text: form.agreementText, version: form.agreementVersion },
  };
}

const FIELD_OF: Record<string, BrandField> = {
  companyName: 'companyName',
  shortName: 'shortName',
  colour: 'colour',
  servicePhone: 'servicePhone',
  'privacyPolicy.text': 'privacyText',
  'privacyPolicy.version': 'privacyVersion',
  'userAgreement.text': 'agreementText',
  'userAgreement.version': 'agreementVersion',
};

const MESSAGES: Record<BrandField, string> = {
  companyName: '请填写 2–60 字的公司全称',
  shortName: '请填写 1–12 字的简称',
  colour: '请填写 #RRGGBB 格式的颜色，例如 #1F5EFF',
  servicePhone: '请填写手机号、带区号的座机或 400/800 电话',
  privacyText: '隐私政策正文需 20–20000 字',
  privacyVersion: '版本号只能包含字母、数字、点和短横线，例如 2026-12',
  agreementText: '用户协议正文需 20–20000 字',
  agreementVersion: '版本号只能包含字母、数字、点和短横线，例如 2026-12',
};

/** The same contract the server checks, so mistakes show beside their field before saving. */
export function checkBrandForm(form: BrandForm): BrandErrors {
  const parsed = UpdateBrandRequest.safeParse(requestOf(form));
  if (parsed.success) return {};
  return errorsAt(parsed.error.issues.map((i) => i.path.join('.')));
}

function errorsAt(paths: string[]): BrandErrors {
  const errors: BrandErrors = {};
  for (const path of paths) {
    const field = FIELD_OF[path];
    if (field) errors[field] = MESSAGES[field];
  }
  return errors;
}

/** The server's refusal, beside the fields it names (or as one sentence). */
export function brandErrorsFrom(error: unknown): { fields: BrandErrors; general: string | null } {
  if (isApiError(error, 'VALIDATION_FAILED')) {
    const fields = (error.details as { fields?: { path: string }[] } | undefined)?.fields ?? [];
    const mapped = errorsAt(fields.map((f) => f.path));
    if (Object.keys(mapped).length > 0) return { fields: mapped, general: null };
  }
  return { fields: {}, general: describeBrandError(error) };
}

export function describeBrandError(error: unknown): string {
  if (isApiError(error, 'IMAGE_TYPE_UNSUPPORTED')) return '标志请上传 PNG 或 JPG 图片';
  if (isApiError(error, 'PAYLOAD_TOO_LARGE')) return '标志不能超过 1 MB，请压缩后重试';
  if (isApiError(error, 'FORBIDDEN')) return '仅管理员可以修改品牌设置';
  return describeGateError(error);
}

export function saveBrandSettings(form: BrandForm): Promise<BrandSettings> {
  return api('updateBrand', UpdateBrandRequest.parse(requestOf(form)), consoleScope);
}

export function uploadBrandLogo(file: PickedFile): Promise<BrandSettings> {
  return upload('uploadBrandLogo', {}, { logo: file }, consoleScope);
}
