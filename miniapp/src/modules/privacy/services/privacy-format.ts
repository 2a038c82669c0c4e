import { ConsentPurposeTitles, type ConsentPurpose, type MyConsent, type PersonDataExport } from '@leadloop/shared';

export const PurposeLabels: Record<ConsentPurpose, { title: string; description: string }> = {
  whitepaper_download: { title: ConsentPurposeTitles.whitepaper_download, description: '下载资料时提交的信息，用于向你提供资料' },
  event_signup: { title: ConsentPurposeTitles.event_signup, description: '报名直播时提交的信息，用于报名、开播提醒与活动服务' },
  sales_contact: { title: ConsentPurposeTitles.sales_contact, description: '你单独勾选或点「请联系我」时同意，用于顾问与你联系；撤回不影响其他授权' },
};

export type ConsentBadge = { label: string; tone: 'success' | 'warning' | 'neutral' };

/** 已同意 / 政策已更新 / 已撤回 / 未授权 */
export function consentBadge(consent: MyConsent): ConsentBadge {
  if (consent.status === 'granted') return consent.outdated ? { label: '政策已更新', tone: 'warning' } : { label: '已同意', tone: 'success' };
  if (consent.status === 'withdrawn') return { label: '已撤回', tone: 'neutral' };
  return { label: '未授权', tone: 'neutral' };
}

const IdentifierLabels: Record<string, string> = { openid: '微信账号', unionid: '微信开放平台账号', phone: '手机号', email: '邮箱', crm: 'CRM 编号' };

const SectionLabels: Record<string, string> = {
  whitepaperDownloads: '白皮书下载记录',
  liveEvents: '直播报名与观看记录',
  cardVisits: '名片浏览与联系请求',
  profileChanges: '个人信息更正记录',
};

/** How many entries a section holds: arrays by length, objects by the sum of their arrays. */
function entriesOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((sum, v) => sum + (Array.isArray(v) ? v.length : 0), 0);
  return value === null || value === undefined ? 0 : 1;
}

export interface ExportLine {
  label: string;
  value: string;
}

/** The export, summarised for the screen: what we hold about the person, in a few lines. */
export function exportSummary(data: PersonDataExport): ExportLine[] {
  const p = data.person;
  const profile = [p.name && `姓名 ${p.name}`, p.company && `公司 ${p.company}`, p.title && `职位 ${p.title}`, p.phone && '手机号', p.email && '邮箱'].filter(Boolean);
  const lines: ExportLine[] = [
    { label: '个人资料', value: profile.length > 0 ? profile.join('、') : '未填写' },
    { label: '账号标识', value: data.identifiers.length > 0 ? [...new Set(data.identifiers.map((i) => IdentifierLabels[i.kind] ?? i.kind))].join('、') : '无' },
    { label: '授权记录', value: `${data.consents.length} 条` },
    { label: '互动记录', value: `${data.activity.events} 条` },
  ];
  for (const [key, value] of Object.entries(data.sections)) {
    lines.push({ label: SectionLabels[key] ?? key, value: `${entriesOf(value)} 条` });
  }
  return lines;
}

/** 我的数据-2026-11-22.json */
export function exportFileName(exportedAt: string): string {
  return `我的数据-${exportedAt.slice(0, 10)}.json`;
}

/** Typed to confirm the erasure: a deliberate act, not a slip of the thumb. */
export const ERASE_PHRASE = '确认注销';
