import {
  CompanySizeBandLabels,
  EMAIL_PATTERN,
  ProfileTextLimits,
  CompanySizeBands,
  Industries,
  IndustryLabels,
  ProfileFieldLabels,
  Provinces,
  type CompanySizeBand,
  type Industry,
  type ProfileView,
  type Province,
  type ConsentPurpose,
  type GateStatus,
  type GateSubmission,
  type MeResponse,
  type MyConsents,
  type ProfileField,
} from '@leadloop/shared';

/**
 * The progressive-profiling gate in front of a gated action (whitepaper download, 请联系我, event
 * sign-up): ask only for the required fields still missing, pre-filled where the profile knows
 * them, and an explicit consent naming the policy version when the purpose has none yet.
 */

/** The separate, optional box: being followed up by sales is never part of another consent. */
export const FOLLOW_UP_SENTENCE = '同意顾问就相关内容与我联系（可选，不勾选不影响使用）';

/** Fields a person types (the phone comes from WeChat's getPhoneNumber, never typed). */
export type TypedField = Exclude<ProfileField, 'phone'>;
/** The region is asked as a province (picked) and a city (typed, optional): `region` holds the province. */
export type GateValues = Partial<Record<TypedField | 'city', string>>;
export type GateFieldErrors = Partial<Record<ProfileField, string>>;

/** Fields picked from a fixed list rather than typed. */
export const PickedFields = ['industry', 'region', 'sizeBand'] as const;
export type PickedField = (typeof PickedFields)[number];
export const isPicked = (field: TypedField): field is PickedField => (PickedFields as readonly string[]).includes(field);

/** The options of each picked field and how they read. */
export const PickerOptions: Record<PickedField, { options: readonly string[]; names?: Record<string, string> }> = {
  industry: { options: Industries, names: IndustryLabels },
  region: { options: Provinces },
  sizeBand: { options: CompanySizeBands, names: CompanySizeBandLabels },
};

const EMAIL = EMAIL_PATTERN;
const MAX: Record<TypedField, number> = { ...ProfileTextLimits, industry: 40, region: 20, sizeBand: 16 };
export const CITY_MAX = ProfileTextLimits.city;

export const Placeholders: Record<TypedField, string> = {
  name: '请输入真实姓名',
  company: '请输入公司全称',
  title: '例如：IT 总监',
  email: '例如：name@company.com',
  industry: '请选择所属行业',
  region: '请选择省份',
  sizeBand: '请选择公司规模',
  department: '例如：信息技术部',
};

export const maxLengthOf = (field: TypedField) => MAX[field];

/** What each purpose's consent lets us do, as the checkbox says it. */
export const PurposeSentences: Record<ConsentPurpose, string> = {
  whitepaper_download: '向你提供本资料',
  sales_contact: '由顾问与你联系，了解并解答你的需求',
  event_signup: '直播报名、开播提醒与活动服务通知',
};

/** The typed fields the gate still needs, in the order the form shows them. */
export function typedFieldsOf(gate: GateStatus): TypedField[] {
  return gate.missing.filter((f): f is TypedField => f !== 'phone');
}

/** Pre-fills the missing fields with whatever the profile already knows. */
export function initialValues(gate: GateStatus): GateValues {
  const values: GateValues = {};
  for (const field of typedFieldsOf(gate)) values[field] = profileValue(gate.profile, field) ?? '';
  if (gate.missing.includes('region')) values.city = gate.profile.city ?? '';
  return values;
}

/** What the profile holds for a field (the region's province). */
function profileValue(profile: ProfileView, field: TypedField): string | null {
  return field === 'region' ? (profile.province ?? null) : (profile[field] ?? null);
}

/** A known value as people read it: labels for picked values, 「广东 深圳」 for a region. */
function shownValue(profile: ProfileView, field: ProfileField): string | null {
  if (field === 'phone') return profile.phoneMasked;
  if (field === 'region') return profile.province ? [profile.province, profile.city].filter(Boolean).join(' ') : null;
  if (field === 'industry') return profile.industry ? IndustryLabels[profile.industry] : null;
  if (field === 'sizeBand') return profile.sizeBand ? CompanySizeBandLabels[profile.sizeBand] : null;
  return profile[field] ?? null;
}

/** What is already known for the required fields, e.g. 「姓名 张三」「手机号 138****1234」. */
export function knownFacts(gate: GateStatus): { label: string; value: string }[] {
  return gate.required
    .filter((f) => !gate.missing.includes(f))
    .map((f) => ({ label: ProfileFieldLabels[f], value: shownValue(gate.profile, f) ?? '' }))
    .filter((fact) => fact.value);
}

/** Nothing to ask: the action can run in one tap. */
export function gateSatisfied(gate: GateStatus): boolean {
  return gate.missing.length === 0 && !gate.consentNeeded;
}

export type GateCheck = { ok: true; submission: GateSubmission } | { ok: false; fieldErrors: GateFieldErrors; message: string | null };

/**
 * The submission the form describes, or what to fix first. Consent is sent only when the gate asks
 * for it, and only when the person ticked the box.
 */
export function checkGate(gate: GateStatus, values: GateValues, consentTicked: boolean, followUpTicked = false): GateCheck {
  const fieldErrors: GateFieldErrors = {};
  const profile: GateSubmission['profile'] = {};
  for (const field of typedFieldsOf(gate)) {
    const value = (values[field] ?? '').trim();
    const label = ProfileFieldLabels[field];
    if (!value) fieldErrors[field] = isPicked(field) ? `请选择${label}` : `请填写${label}`;
    else if (value.length > MAX[field]) fieldErrors[field] = `${label}不超过 ${MAX[field]} 个字`;
    else if (field === 'email' && !EMAIL.test(value)) fieldErrors[field] = '请填写正确的邮箱地址';
    else if (isPicked(field) && !PickerOptions[field].options.includes(value)) fieldErrors[field] = `请选择${label}`;
    else if (field === 'region' && (values.city ?? '').trim().length > CITY_MAX) fieldErrors[field] = `城市不超过 ${CITY_MAX} 个字`;
    else Object.assign(profile, submittedValue(field, value, (values.city ?? '').trim()));
  }
  if (gate.missing.includes('phone')) fieldErrors.phone = '请先绑定手机号';
  const consentMissing = gate.consentNeeded && !consentTicked;
  if (Object.keys(fieldErrors).length > 0 || consentMissing) {
    return { ok: false, fieldErrors, message: consentMissing && Object.keys(fieldErrors).length === 0 ? '请先阅读并勾选同意《隐私政策》' : null };
  }
  const submission: GateSubmission = { profile };
  if (gate.consentNeeded) submission.consent = { policyVersion: gate.policyVersion, accepted: true };
  if (gate.followUpOffered && followUpTicked) submission.followUp = { policyVersion: gate.policyVersion, accepted: true };
  return { ok: true, submission };
}

/** The submission's part for one field (the region is its province and, when typed, its city). */
function submittedValue(field: TypedField, value: string, city: string): GateSubmission['profile'] {
  if (field === 'region') return { province: value as Province, ...(city ? { city } : {}) };
  if (field === 'industry') return { industry: value as Industry };
  if (field === 'sizeBand') return { sizeBand: value as CompanySizeBand };
  return { [field]: value };
}

/** 「请补充：姓名、公司」 for a PROFILE_INCOMPLETE answer (its `details.missing`). */
export function missingSentence(missing: readonly string[]): string {
  const labels = missing.map((f) => ProfileFieldLabels[f as ProfileField] ?? f);
  return labels.length > 0 ? `请补充：${labels.join('、')}` : '还有必填信息没有填写';
}

export function missingOf(details: unknown): ProfileField[] {
  const missing = (details as { missing?: unknown } | null | undefined)?.missing;
  return Array.isArray(missing) ? missing.filter((f): f is ProfileField => typeof f === 'string' && f in ProfileFieldLabels) : [];
}

/** VALIDATION_FAILED on `gate.profile.<field>` → a sentence under that field. */
export function gateFieldErrorsFrom(details: unknown): GateFieldErrors {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  const errors: GateFieldErrors = {};
  if (!Array.isArray(fields)) return errors;
  for (const issue of fields) {
    const path = typeof issue?.path === 'string' ? issue.path : '';
    const named = /^gate\.profile\.(\w+)$/.exec(path)?.[1];
    const field = (named === 'province' || named === 'city' ? 'region' : named) as ProfileField | undefined;
    if (field && field in ProfileFieldLabels) errors[field] ??= field === 'email' ? '请填写正确的邮箱地址' : `${ProfileFieldLabels[field]}格式不正确，请检查`;
  }
  return errors;
}

/**
 * A gate made here, for actions the server gates without a status route (请联系我): the person's
 * profile and their consent to the purpose under the current policy, as `GET /me/consents` says.
 */
export function localGate(required: readonly ProfileField[], me: MeResponse, consents: MyConsents, purpose: ConsentPurpose): GateStatus {
  const { person } = me;
  const profile: ProfileView = {
    name: person.name,
    company: person.company,
    title: person.title,
    email: person.email,
    phoneMasked: person.phoneMasked,
    industry: null,
    province: null,
    city: null,
    sizeBand: null,
    department: null,
  };
  const has = (field: ProfileField) => Boolean(shownValue(profile, field));
  const consent = consents.items.find((c) => c.purpose === purpose);
  const followUp = consents.items.find((c) => c.purpose === 'sales_contact');
  return {
    required: [...required],
    missing: required.filter((field) => !has(field)),
    profile,
    consentNeeded: !(consent?.status === 'granted' && !consent.outdated && consent.policyVersion === consents.policyVersion),
    followUpOffered: purpose !== 'sales_contact' && !(followUp?.status === 'granted' && !followUp.outdated),
    policyVersion: consents.policyVersion,
  };
}
