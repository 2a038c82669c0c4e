import { ProfileChangeFieldLabels, ProfileFieldLabels, type CorrectProfileRequest, type ProfileChange, type ProfileView } from '@leadloop/shared';

/** The fields a person corrects in 我的 (the phone is re-bound through WeChat, never typed). */
export const CorrectableFields = ['name', 'company', 'title', 'email'] as const;
export type CorrectableField = (typeof CorrectableFields)[number];
export type ProfileDraft = Record<CorrectableField, string>;
export type ProfileDraftErrors = Partial<Record<CorrectableField, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX: Record<CorrectableField, number> = { name: 40, company: 80, title: 40, email: 120 };

export const maxLengthOfField = (field: CorrectableField) => MAX[field];

export function draftOf(profile: ProfileView): ProfileDraft {
  return { name: profile.name ?? '', company: profile.company ?? '', title: profile.title ?? '', email: profile.email ?? '' };
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
    const label = ProfileFieldLabels[field];
    if (!value) errors[field] = `${label}不能为空`;
    else if (value.length > MAX[field]) errors[field] = `${label}不超过 ${MAX[field]} 个字`;
    else if (field === 'email' && !EMAIL.test(value)) errors[field] = '请填写正确的邮箱地址';
    else changes[field] = value;
  }
  return { changes, errors };
}

/** 「公司：旧公司 → 新禾信息」 */
export function changeSentence(change: ProfileChange): string {
  const by = change.by === 'staff' ? '（工作人员更新）' : '';
  return `${ProfileChangeFieldLabels[change.field]}：${change.from ?? '（空）'} → ${change.to ?? '（空）'}${by}`;
}
