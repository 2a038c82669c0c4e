import { EMAIL_PATTERN, ProfileChangeFieldLabels, ProfileFieldLabels, ProfileTextLimits, type CorrectProfileRequest, type ProfileChange, type ProfileView } from '@leadloop/shared';

/** The fields a person corrects in 我的 (the phone is re-bound through WeChat, never typed). */
export const CorrectableFields = ['name', 'company', 'title', 'department', 'email', 'city'] as const;
export type CorrectableField = (typeof CorrectableFields)[number];
/** Fields picked from the fixed lists (industry, province, company size). */
export const PickedCorrections = ['industry', 'province', 'sizeBand'] as const;
export type PickedCorrection = (typeof PickedCorrections)[number];
export type ProfileDraft = Record<CorrectableField, string> & Pick<ProfileView, PickedCorrection>;
export type ProfileDraftErrors = Partial<Record<CorrectableField, string>>;

const EMAIL = EMAIL_PATTERN;
const MAX: Record<CorrectableField, number> = ProfileTextLimits;
const LABELS: Record<CorrectableField, string> = { ...ProfileFieldLabels, city: '城市' };

export const maxLengthOfField = (field: CorrectableField) => MAX[field];
export const labelOfField = (field: CorrectableField) => LABELS[field];

export function draftOf(profile: ProfileView): ProfileDraft {
  return {
    name: profile.name ?? '',
    company: profile.company ?? '',
    title: profile.title ?? '',
    department: profile.department ?? '',
    email: profile.email ?? '',
    city: profile.city ?? '',
    industry: profile.industry,
    province: profile.province,
    sizeBand: profile.sizeBand,
  };
}

/**
 * What changed, checked as the server will: a field once given cannot be emptied here (deleting
 * everything is 注销), a changed field must be valid. Nothing changed: `changes` is empty.
 */
export function checkCorrection(profile: ProfileView, draft: ProfileDraft): { changes: CorrectProfileRequest; errors: ProfileDraftErrors } {
  const changes: CorrectProfileRequest = {};
  const errors: ProfileDraftErrors = {};
  for (const field of CorrectableFields) {
    const value = draft[field].trim();
    const before = profile[field] ?? '';
    if (value === before) continue;
    const label = LABELS[field];
    if (!value) errors[field] = `${label}不能为空`;
    else if (value.length > MAX[field]) errors[field] = `${label}不超过 ${MAX[field]} 个字`;
    else if (field === 'email' && !EMAIL.test(value)) errors[field] = '请填写正确的邮箱地址';
    else changes[field] = value;
  }
  if (draft.industry && draft.industry !== profile.industry) changes.industry = draft.industry;
  if (draft.province && draft.province !== profile.province) changes.province = draft.province;
  if (draft.sizeBand && draft.sizeBand !== profile.sizeBand) changes.sizeBand = draft.sizeBand;
  return { changes, errors };
}

/** 「公司：旧公司 → 新禾信息」 */
export function changeSentence(change: ProfileChange): string {
  const by = change.by === 'staff' ? '（工作人员更新）' : '';
  return `${ProfileChangeFieldLabels[change.field]}：${change.from ?? '（空）'} → ${change.to ?? '（空）'}${by}`;
}
