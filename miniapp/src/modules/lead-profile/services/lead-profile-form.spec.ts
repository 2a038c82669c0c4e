import { describe, expect, it } from '@jest/globals';
import type { LeadProfile } from '@leadloop/shared';
import { changeLine, changesOf, draftOf, tagToAdd } from './lead-profile-form';

const profile: LeadProfile = {
  personId: '01KBZ0000000000000000000AA',
  name: '陈七',
  company: '招商银行',
  title: '工程师',
  email: null,
  industry: null,
  province: '广东',
  city: null,
  sizeBand: null,
  department: null,
  seniority: 'staff',
  seniorityEdited: false,
  buyingRole: null,
  account: null,
  tags: ['展会'],
  changes: [],
};

describe('the staff profile form', () => {
  it('sends only what changed, a cleared field as null, a seniority back to automatic as null', () => {
    expect(changesOf(profile, draftOf(profile))).toEqual({ changes: null, errors: {} });
    const draft = { ...draftOf(profile), title: ' IT 总监 ', company: '', industry: 'finance' as const, seniority: 'executive' as const };
    expect(changesOf(profile, draft).changes).toEqual({ title: 'IT 总监', company: null, industry: 'finance', seniority: 'executive' });
    const edited = { ...profile, seniority: 'executive' as const, seniorityEdited: true };
    expect(changesOf(edited, { ...draftOf(edited), seniority: 'auto' }).changes).toEqual({ seniority: null });
    expect(changesOf(profile, { ...draftOf(profile), email: 'not-mail' }).errors).toEqual({ email: '请填写正确的邮箱地址' });
  });

  it('checks a tag before adding it, and reads history in words', () => {
    expect(tagToAdd(['展会'], '  重点   客户 ')).toEqual({ tag: '重点 客户' });
    expect(tagToAdd(['展会'], '展会')).toEqual({ error: '已有这个标签' });
    expect(tagToAdd([], 'x'.repeat(21))).toEqual({ error: '标签不超过 20 个字' });
    expect(changeLine({ field: 'industry', from: null, to: 'finance', at: '', by: '王芳' })).toBe('所属行业：（空） → 银行/证券/金融');
    expect(changeLine({ field: 'tags', from: null, to: '展会', at: '', by: null })).toBe('标签：添加「展会」');
  });
});
