import { z } from 'zod';
import type { Seniority } from './lead-vocabulary';

/**
 * The vocabulary behind the profile's new fields: industries and provinces the forms offer as
 * pickers, how a job title maps to a seniority, and which email domains never name a company.
 * Pure functions and lists, shared by the server, the forms and the console.
 */

/** Industries a form offers (stored as the key; shown with its label). */
export const Industries = [
  'software',
  'telecom',
  'finance',
  'insurance',
  'manufacturing',
  'automotive',
  'energy',
  'healthcare',
  'pharma',
  'retail',
  'consumer',
  'logistics',
  'real_estate',
  'construction',
  'education',
  'government',
  'media',
  'professional_services',
  'agriculture',
  'other',
] as const;
export const Industry = z.enum(Industries);
export type Industry = z.infer<typeof Industry>;
export const IndustryLabels: Record<Industry, string> = {
  software: '互联网/软件',
  telecom: '通信/电子',
  finance: '银行/证券/金融',
  insurance: '保险',
  manufacturing: '制造业',
  automotive: '汽车/交通',
  energy: '能源/化工',
  healthcare: '医疗健康',
  pharma: '医药/生物',
  retail: '零售/电商',
  consumer: '快消/消费品',
  logistics: '物流/供应链',
  real_estate: '房地产',
  construction: '建筑/工程',
  education: '教育/培训',
  government: '政府/公共事业',
  media: '文化/传媒',
  professional_services: '咨询/专业服务',
  agriculture: '农林牧渔',
  other: '其他行业',
};

/** An industry typed by a person (an import file): its key, or the key of its Chinese label. */
export function industryFrom(text: string): Industry | null {
  const t = text.trim();
  if ((Industries as readonly string[]).includes(t)) return t as Industry;
  const byLabel = Industries.find((key) => IndustryLabels[key] === t || IndustryLabels[key].split('/').includes(t));
  return byLabel ?? null;
}

/** Provinces, municipalities, autonomous regions and SARs, as people write them. */
export const Provinces = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆',
  '香港', '澳门',
] as const;
export const Province = z.enum(Provinces);
export type Province = z.infer<typeof Province>;

/** A province as typed (北京市, 广东省, 广西壮族自治区…) to its short name, or null. */
export function provinceFrom(text: string): Province | null {
  const t = text.trim().replace(/(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
  return (Provinces as readonly string[]).includes(t) ? (t as Province) : null;
}

/**
 * Seniority from a job title, Chinese or English. The highest level named wins (副总裁 is an
 * executive even though it contains 总), and English words match whole words only (a
 * "Vice Principal Engineer" is not a VP; "CTO Office Assistant" stays an executive by word).
 */
const SENIORITY_RULES: readonly [Seniority, RegExp][] = [
  ['executive', /董事长|总裁|总经理|首席|合伙人|\b(ceo|cto|cio|cfo|coo|cmo|vp|svp|evp|president|founder|partner|chief)\b|vice president/i],
  ['director', /总监|\b(director|head of)\b/i],
  ['manager', /经理|主管|组长|\b(manager|lead|supervisor)\b/i],
  ['staff', /专员|工程师|顾问|分析师|设计师|助理|\b(engineer|specialist|consultant|analyst|developer|designer|assistant|associate)\b/i],
];

export function seniorityOfTitle(title: string | null | undefined): Seniority | null {
  if (!title || !title.trim()) return null;
  return SENIORITY_RULES.find(([, pattern]) => pattern.test(title))?.[0] ?? 'other';
}

/** Free-mail providers: their addresses never identify a company. */
export const FreeMailDomains: ReadonlySet<string> = new Set([
  'qq.com', 'vip.qq.com', 'foxmail.com', '163.com', 'vip.163.com', '126.com', 'yeah.net', '188.com', 'sina.com', 'sina.cn', 'vip.sina.com',
  'sohu.com', '139.com', '189.cn', 'wo.cn', 'aliyun.com', '21cn.com', 'tom.com', 'gmail.com', 'googlemail.com', 'outlook.com',
  'hotmail.com', 'live.com', 'live.cn', 'msn.com', 'yahoo.com', 'yahoo.com.cn', 'icloud.com', 'me.com', 'mac.com', 'protonmail.com',
  'proton.me', 'aol.com', 'mail.com', 'gmx.com', 'yandex.com', 'zoho.com',
]);

/** A company's email domain from an address (lower-cased), or null for free mail and malformed input. */
export function corporateDomainOf(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  const domain = email.slice(at + 1).trim().toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) || domain.length > 120) return null;
  return FreeMailDomains.has(domain) ? null : domain;
}

/** An email domain as typed in an import file (with or without a leading @). */
export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ''))
  .pipe(z.string().max(120).regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'not a domain'));
