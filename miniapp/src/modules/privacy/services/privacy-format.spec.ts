import { describe, expect, it } from '@jest/globals';
import type { PersonDataExport } from '@leadloop/shared';
import { consentBadge, exportFileName, exportSummary } from './privacy-format';

describe('我的 · privacy formatting', () => {
  it('labels each consent state', () => {
    const base = { purpose: 'whitepaper_download' as const, policyVersion: '2026-11', at: null, sourcePage: null };
    expect(consentBadge({ ...base, status: 'granted', outdated: false })).toEqual({ label: '已同意', tone: 'success' });
    expect(consentBadge({ ...base, status: 'granted', outdated: true })).toEqual({ label: '政策已更新', tone: 'warning' });
    expect(consentBadge({ ...base, status: 'withdrawn', outdated: false })).toEqual({ label: '已撤回', tone: 'neutral' });
    expect(consentBadge({ ...base, status: 'never', outdated: false, policyVersion: null })).toEqual({ label: '未授权', tone: 'neutral' });
  });

  it('summarises the export without showing raw values beyond the profile', () => {
    const data: PersonDataExport = {
      exportedAt: '2026-11-22T10:00:00.000Z',
      policyVersion: '2026-11',
      person: {
        id: 'p',
        createdAt: '',
        nickname: null,
        name: '吴用',
        company: '梁山',
        title: null,
        email: null,
        phone: '13812345678',
        industry: null,
        province: null,
        city: null,
        sizeBand: null,
        department: null,
        seniority: null,
        buyingRole: null,
      },
      identifiers: [
        { kind: 'openid', createdAt: '' },
        { kind: 'phone', createdAt: '' },
      ],
      consents: [{ purpose: 'whitepaper_download', action: 'granted', policyVersion: '2026-11', sourcePage: 'x', at: '' }],
      lead: null,
      activity: { events: 7 },
      sections: { whitepaperDownloads: [{}, {}], cardVisits: { cards: [{}], contactRequests: [] } },
    };
    expect(exportSummary(data)).toEqual([
      { label: '个人资料', value: '姓名 吴用、公司 梁山、手机号' },
      { label: '账号标识', value: '微信账号、手机号' },
      { label: '授权记录', value: '1 条' },
      { label: '互动记录', value: '7 条' },
      { label: '白皮书下载记录', value: '2 条' },
      { label: '名片浏览与联系请求', value: '1 条' },
    ]);
    expect(JSON.stringify(exportSummary(data))).not.toContain('13812345678');
    expect(exportFileName(data.exportedAt)).toBe('我的数据-2026-11-22.json');
  });
});
