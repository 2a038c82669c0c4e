import { z } from 'zod';
import { BuyingRoleLabels, CompanySizeBand, CompanySizeBandLabels, type BuyingRole, type Seniority, SeniorityLabels } from './lead-vocabulary';
import { Industry, IndustryLabels, Province } from './profile-vocabulary';

/**
 * Profile fields a form may ask for. Progressive profiling: a gate (event sign-up, whitepaper
 * download) names the fields it needs and asks only for those still missing. The phone is never
 * typed: it comes from WeChat's getPhoneNumber (`POST /me/phone`).
 */
export const ProfileFields = ['name', 'phone', 'company', 'title', 'email', 'industry', 'region', 'sizeBand', 'department'] as const;
export const ProfileField = z.enum(ProfileFields);
export type ProfileField = z.infer<typeof ProfileField>;

export const ProfileFieldLabels: Record<ProfileField, string> = {
  name: '姓名',
  phone: '手机号',
  company: '公司',
  title: '职位',
  email: '邮箱',
  industry: '所属行业',
  region: '所在地区',
  sizeBand: '公司规模',
  department: '部门',
};

/** The fields a gate asks for: no repeats, at most all of them. */
export const RequiredFields = z
  .array(ProfileField)
  .max(ProfileFields.length)
  .refine((fields) => new Set(fields).size === fields.length, 'fields must not repeat');

/** The most characters each typed profile field holds (its column); forms check the same numbers. */
export const ProfileTextLimits = { name: 40, company: 80, title: 40, email: 120, department: 40, city: 20 } as const;

/** A quick shape check for forms before the server's full validation (`EmailAddress`). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email as stored: trimmed and lower-cased before it is checked, so one address is one value. */
export const EmailAddress = z.string().trim().toLowerCase().pipe(z.email().max(ProfileTextLimits.email));

/**
 * What a person types into a profile form; every field optional, empty strings refused. The
 * region is a province from the built-in list and optionally a city (the form's 所在地区).
 */
export const ProfileValues = z
  .object({
    name: z.string().trim().min(1).max(ProfileTextLimits.name),
    company: z.string().trim().min(1).max(ProfileTextLimits.company),
    title: z.string().trim().min(1).max(ProfileTextLimits.title),
    email: EmailAddress,
    industry: Industry,
    province: Province,
    city: z.string().trim().min(1).max(ProfileTextLimits.city),
    sizeBand: CompanySizeBand,
    department: z.string().trim().min(1).max(ProfileTextLimits.department),
  })
  .partial()
  .strict();
export type ProfileValues = z.infer<typeof ProfileValues>;

/** A person's own profile as they see it (the phone masked even to its owner). */
export const ProfileView = z.object({
  name: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  industry: Industry.nullable(),
  province: Province.nullable(),
  city: z.string().nullable(),
  sizeBand: CompanySizeBand.nullable(),
  department: z.string().nullable(),
});
export type ProfileView = z.infer<typeof ProfileView>;

/** Why a person's data is used. Each purpose is consented to, and withdrawn, on its own. */
export const ConsentPurposes = ['event_signup', 'whitepaper_download', 'sales_contact'] as const;
export const ConsentPurpose = z.enum(ConsentPurposes);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;
/** Each purpose's name, as 我的 and a lead's timeline write it. */
export const ConsentPurposeTitles: Record<ConsentPurpose, string> = { whitepaper_download: '白皮书下载', event_signup: '直播报名', sales_contact: '顾问联系' };

/** An explicit, ticked consent naming the privacy-policy version the person was shown. */
export const ConsentGrant = z
  .object({
    policyVersion: z.string().trim().min(1).max(32),
    accepted: z.literal(true, { error: 'consent must be given explicitly' }),
  })
  .strict();
export type ConsentGrant = z.infer<typeof ConsentGrant>;

/**
 * A gated action's form: profile values for the missing fields and, when the person has not
 * consented to this purpose under the current policy, the consent.
 */
export const GateSubmission = z
  .object({
    profile: ProfileValues.default({}),
    consent: ConsentGrant.optional(),
    /**
     * The separate, optional consent to be followed up by sales (`sales_contact`), ticked on its
     * own box; never implied by the action's consent. Absent: nothing is recorded for follow-up.
     */
    followUp: ConsentGrant.optional(),
  })
  .strict();
export type GateSubmission = z.infer<typeof GateSubmission>;

/** What a gate still needs from this person, for the form to show (pre-filled where known). */
export const GateStatus = z.object({
  required: z.array(ProfileField),
  missing: z.array(ProfileField),
  profile: ProfileView,
  consentNeeded: z.boolean(),
  /** The form may offer the optional follow-up box (the person has not agreed to sales follow-up yet). */
  followUpOffered: z.boolean(),
  policyVersion: z.string(),
});
export type GateStatus = z.infer<typeof GateStatus>;

/** 我的 → 个人信息: correcting my name, company, title or email (更正权); at least one field. */
export const CorrectProfileRequest = ProfileValues.refine((v) => Object.keys(v).length > 0, 'at least one field is required');
export type CorrectProfileRequest = z.infer<typeof CorrectProfileRequest>;

/** Every field a profile change may touch (the person's own corrections, staff edits, tags). */
export const ProfileChangeFields = ['name', 'company', 'title', 'email', 'industry', 'province', 'city', 'sizeBand', 'department', 'seniority', 'buyingRole', 'tags'] as const;
export const ProfileChangeField = z.enum(ProfileChangeFields);
export type ProfileChangeField = z.infer<typeof ProfileChangeField>;

export const ProfileChangeFieldLabels: Record<ProfileChangeField, string> = {
  name: '姓名',
  company: '公司',
  title: '职位',
  email: '邮箱',
  industry: '所属行业',
  province: '省份',
  city: '城市',
  sizeBand: '公司规模',
  department: '部门',
  seniority: '职级',
  buyingRole: '采购角色',
  tags: '标签',
};

/** A changed value as people read it: coded fields by their labels, nothing as （空）. */
function changeValueLabel(field: string, value: string | null): string {
  if (value === null || value === '') return '（空）';
  if (field === 'industry') return IndustryLabels[value as Industry] ?? value;
  if (field === 'sizeBand') return CompanySizeBandLabels[value as CompanySizeBand] ?? value;
  if (field === 'seniority') return SeniorityLabels[value as Seniority] ?? value;
  if (field === 'buyingRole') return BuyingRoleLabels[value as BuyingRole] ?? value;
  return value;
}

/** One profile change in words, as the lead's timeline and its profile history write it: 「职位：工程师 → IT 总监」, 「标签：添加「展会」」. */
export function profileChangeLine(field: string, from: string | null, to: string | null): string {
  const label = ProfileChangeFieldLabels[field as ProfileChangeField] ?? '资料';
  if (field === 'tags') return to ? `${label}：添加「${to}」` : `${label}：移除「${from ?? ''}」`;
  return `${label}：${changeValueLabel(field, from)} → ${changeValueLabel(field, to)}`;
}

/** One change: which field, from what, to what, when; `by: 'staff'` when the company's staff made it, not the person. */
export const ProfileChange = z.object({
  field: ProfileChangeField,
  from: z.string().nullable(),
  to: z.string().nullable(),
  at: z.string(),
  by: z.literal('staff').optional(),
});
export type ProfileChange = z.infer<typeof ProfileChange>;

/** My profile as I gave it in forms, with every correction I made, newest first. */
export const MyProfile = z.object({ profile: ProfileView, changes: z.array(ProfileChange) });
export type MyProfile = z.infer<typeof MyProfile>;
