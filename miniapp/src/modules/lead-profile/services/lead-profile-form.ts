import {
  EMAIL_PATTERN,
  ProfileTextLimits,
  MAX_TAGS_PER_PERSON,
  profileChangeLine,
  type BuyingRole,
  type CompanySizeBand,
  type Industry,
  type LeadProfile,
  type LeadProfileEdit,
  type Province,
  type Seniority,
} from '@leadloop/shared';

/**
 * The staff form over a lead's profile: what it shows, what changed (only changed fields are
 * sent, a cleared field as null), and how the history reads.
 */

export interface LeadProfileDraft {
  name: string;
  company: string;
  title: string;
  email: string;
  department: string;
  city: string;
  industry: Industry | null;
  province: Province | null;
  sizeBand: CompanySizeBand | null;
  /** 'auto': follows the job title. */
  seniority: Seniority | 'auto';
  buyingRole: BuyingRole | null;
}

type TextKey = 'name' | 'company' | 'title' | 'email' | 'department' | 'city';
export const TextLimits: Record<TextKey, number> = ProfileTextLimits;
const EMAIL = EMAIL_PATTERN;

export function draftOf(p: LeadProfile): LeadProfileDraft {
  return {
    name: p.name ?? '',
    company: p.company ?? '',
    title: p.title ?? '',
    email: p.email ?? '',
    department: p.department ?? '',
    city: p.city ?? '',
    industry: p.industry,
    province: p.province,
    sizeBand: p.sizeBand,
    seniority: p.seniorityEdited && p.seniority ? p.seniority : 'auto',
    buyingRole: p.buyingRole,
  };
}

export type DraftErrors = Partial<Record<TextKey, string>>;

/** The changed fields, or what to fix. */
export function changesOf(p: LeadProfile, d: LeadProfileDraft): { changes: LeadProfileEdit | null; errors: DraftErrors } {
  const changes: Record<string, unknown> = {};
  const errors: DraftErrors = {};
  for (const key of Object.keys(TextLimits) as TextKey[]) {
    const value = d[key].trim();
    const before = p[key] ?? '';
    if (value === before) continue;
    if (value.length > TextLimits[key]) errors[key] = `不超过 ${TextLimits[key]} 个字`;
    else if (key === 'email' && value && !EMAIL.test(value)) errors[key] = '请填写正确的邮箱地址';
    else changes[key] = value || null;
  }
  for (const key of ['industry', 'province', 'sizeBand', 'buyingRole'] as const) if (d[key] !== p[key]) changes[key] = d[key];
  const seniorityBefore = p.seniorityEdited && p.seniority ? p.seniority : 'auto';
  if (d.seniority !== seniorityBefore) changes.seniority = d.seniority === 'auto' ? null : d.seniority;
  if (Object.keys(errors).length > 0) return { changes: null, errors };
  return { changes: Object.keys(changes).length > 0 ? (changes as LeadProfileEdit) : null, errors };
}

/** A tag as the server keeps it (trimmed, inner spaces collapsed), or why it cannot be added. */
export function tagToAdd(current: readonly string[], typed: string): { tag: string } | { error: string } {
  const tag = typed.trim().replace(/\s+/g, ' ');
  if (!tag) return { error: '请输入标签' };
  if (tag.length > 20) return { error: '标签不超过 20 个字' };
  if (/[<>]/.test(tag)) return { error: '标签不能包含尖括号' };
  if (current.includes(tag)) return { error: '已有这个标签' };
  if (current.length >= MAX_TAGS_PER_PERSON) return { error: `最多 ${MAX_TAGS_PER_PERSON} 个标签` };
  return { tag };
}

/** 「职位：工程师 → IT 总监」, 「标签：添加「展会」」: the same words as the lead's timeline. */
export const changeLine = (change: LeadProfile['changes'][number]): string => profileChangeLine(change.field, change.from, change.to);

/** Who made it: a staff member's name, or the person themself. */
export const changeBy = (change: LeadProfile['changes'][number]) => change.by ?? '本人';
