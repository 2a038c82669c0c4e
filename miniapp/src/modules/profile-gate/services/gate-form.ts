import {
  ProfileFieldLabels,
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
export type GateValues = Partial<Record<TypedField, string>>;
export type GateFieldErrors = Partial<Record<ProfileField, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX: Record<TypedField, number> = { name: 40, company: 80, title: 40, email: 120 };

export const Placeholders: Record<TypedField, string> = {
  name: '请输入真实姓名',
  company: '请输入公司全称',
  title: '例如：IT 总监',
  email: '例如：name@company.com',
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
  for (const field of typedFieldsOf(gate)) values[field] = gate.profile[field] ?? '';
  return values;
}

/** What is already known for the required fields, e.g. 「姓名 张三」「手机号 138****1234」. */
export function knownFacts(gate: GateStatus): { label: string; value: string }[] {
  return gate.required
    .filter((f) => !gate.missing.includes(f))
    .map((f) => ({ label: ProfileFieldLabels[f], value: (f === 'phone' ? gate.profile.phoneMasked : gate.profile[f]) ?? '' }))
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
    if (!value) fieldErrors[field] = `请填写${label}`;
    else if (value.length > MAX[field]) fieldErrors[field] = `${label}不超过 ${MAX[field]} 个字`;
    else if (field === 'email' && !EMAIL.test(value)) fieldErrors[field] = '请填写正确的邮箱地址';
    else profile[field] = value;
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
    const field = /^gate\.profile\.(\w+)$/.exec(path)?.[1] as ProfileField | undefined;
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
  const profile = { name: person.name, company: person.company, title: person.title, email: person.email, phoneMasked: person.phoneMasked };
  const has = (field: ProfileField) => Boolean(field === 'phone' ? person.phoneMasked : profile[field]);
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
