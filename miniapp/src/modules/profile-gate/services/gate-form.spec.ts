import { describe, expect, it } from '@jest/globals';
import type { GateStatus, MeResponse, MyConsents } from '@leadloop/shared';
import { checkGate, gateFieldErrorsFrom, gateSatisfied, initialValues, knownFacts, localGate, missingOf, missingSentence, typedFieldsOf } from './gate-form';

const EXTRA = { industry: null, province: null, city: null, sizeBand: null, department: null };

const gate = (over: Partial<GateStatus> = {}): GateStatus => ({
  required: ['name', 'company', 'phone'],
  missing: ['name', 'company'],
  profile: { name: null, company: '旧公司', title: null, email: null, phoneMasked: '138****1234', ...EXTRA },
  consentNeeded: true,
  followUpOffered: true,
  policyVersion: '2026-11',
  ...over,
});

describe('the gate form', () => {
  it('asks only for the missing typed fields, pre-filled where known, and lists what is known', () => {
    const g = gate({ missing: ['name', 'company', 'phone'], profile: { name: null, company: '旧公司', title: null, email: null, phoneMasked: null, ...EXTRA } });
    expect(typedFieldsOf(g)).toEqual(['name', 'company']);
    expect(initialValues(g)).toEqual({ name: '', company: '旧公司' });
    expect(knownFacts(gate())).toEqual([{ label: '手机号', value: '138****1234' }]);
    expect(gateSatisfied(gate())).toBe(false);
    expect(gateSatisfied(gate({ missing: [], consentNeeded: false }))).toBe(true);
  });

  it('sends consent only when asked for and ticked, naming the policy version', () => {
    expect(checkGate(gate(), { name: ' 张三 ', company: '云启' }, true)).toEqual({
      ok: true,
      submission: { profile: { name: '张三', company: '云启' }, consent: { policyVersion: '2026-11', accepted: true } },
    });
    expect(checkGate(gate({ missing: [], consentNeeded: false }), {}, false)).toEqual({ ok: true, submission: { profile: {} } });
    // the follow-up is its own, optional consent: sent only when ticked, never needed
    expect(checkGate(gate({ missing: [], consentNeeded: false }), {}, false, true)).toEqual({
      ok: true,
      submission: { profile: {}, followUp: { policyVersion: '2026-11', accepted: true } },
    });
    expect(checkGate(gate({ missing: [], consentNeeded: false, followUpOffered: false }), {}, false, true)).toEqual({ ok: true, submission: { profile: {} } });
    expect(checkGate(gate({ missing: [] }), {}, false)).toEqual({ ok: false, fieldErrors: {}, message: '请先阅读并勾选同意《隐私政策》' });
  });

  it('says what to fix per field', () => {
    const result = checkGate(gate({ missing: ['name', 'email', 'phone'] }), { name: '', email: 'nope' }, true);
    expect(result).toEqual({ ok: false, fieldErrors: { name: '请填写姓名', email: '请填写正确的邮箱地址', phone: '请先绑定手机号' }, message: null });
    expect(checkGate(gate({ missing: ['name'] }), { name: 'x'.repeat(41) }, true)).toMatchObject({ ok: false, fieldErrors: { name: '姓名不超过 40 个字' } });
  });

  it('reads the server’s refusals', () => {
    expect(missingOf({ missing: ['company', 'bogus', 3] })).toEqual(['company']);
    expect(missingSentence(['name', 'company'])).toBe('请补充：姓名、公司');
    expect(missingSentence([])).toBe('还有必填信息没有填写');
    expect(gateFieldErrorsFrom({ fields: [{ path: 'gate.profile.email', message: 'Invalid email' }, { path: 'requestId', message: 'x' }] })).toEqual({ email: '请填写正确的邮箱地址' });
    expect(gateFieldErrorsFrom(null)).toEqual({});
  });
});

describe('localGate (请联系我 has no gate route)', () => {
  const me = (person: Partial<MeResponse['person']>): MeResponse => ({
    person: { id: 'p', nickname: null, phoneMasked: null, name: null, company: null, title: null, email: null, createdAt: '2026-01-01T00:00:00Z', ...person },
    staff: null,
  });
  const consents = (status: 'granted' | 'withdrawn' | 'never', outdated = false, policyVersion: string | null = '2026-11'): MyConsents => ({
    policyVersion: '2026-11',
    items: [{ purpose: 'sales_contact', status, policyVersion, outdated, at: null, sourcePage: null }],
  });

  it('needs what the profile lacks and consent unless granted under the current policy', () => {
    expect(localGate(['name', 'phone'], me({ name: '李雷' }), consents('never', false, null), 'sales_contact')).toEqual({
      required: ['name', 'phone'],
      missing: ['phone'],
      profile: { name: '李雷', company: null, title: null, email: null, phoneMasked: null, ...EXTRA },
      consentNeeded: true,
      // asking to be contacted is itself the follow-up consent: no second box
      followUpOffered: false,
      policyVersion: '2026-11',
    });
    expect(localGate(['name', 'phone'], me({ name: '李雷', phoneMasked: '139****0000' }), consents('granted'), 'sales_contact')).toMatchObject({ missing: [], consentNeeded: false });
    expect(localGate(['name'], me({ name: '李雷' }), consents('granted', true), 'sales_contact').consentNeeded).toBe(true);
    expect(localGate(['name'], me({ name: '李雷' }), consents('withdrawn'), 'sales_contact').consentNeeded).toBe(true);
  });
});

describe('the new profile fields', () => {
  const g = gate({
    required: ['industry', 'region', 'sizeBand', 'department'],
    missing: ['region', 'sizeBand', 'department'],
    profile: { name: null, company: null, title: null, email: null, phoneMasked: null, ...EXTRA, industry: 'finance', city: '深圳' },
  });

  it('shows known picked values by their labels and pre-fills the city', () => {
    expect(knownFacts(g)).toEqual([{ label: '所属行业', value: '银行/证券/金融' }]);
    expect(initialValues(g)).toEqual({ region: '', sizeBand: '', department: '', city: '深圳' });
  });

  it('sends the region as province and city, and refuses values off the lists', () => {
    expect(checkGate(g, { region: '广东', city: ' 深圳 ', sizeBand: '500-999', department: '财务部' }, true)).toEqual({
      ok: true,
      submission: { profile: { province: '广东', city: '深圳', sizeBand: '500-999', department: '财务部' }, consent: { policyVersion: '2026-11', accepted: true } },
    });
    expect(checkGate(g, { region: '火星', sizeBand: '', department: '财务部' }, true)).toEqual({
      ok: false,
      fieldErrors: { region: '请选择所在地区', sizeBand: '请选择公司规模' },
      message: null,
    });
    expect(gateFieldErrorsFrom({ fields: [{ path: 'gate.profile.province', message: 'x' }] })).toEqual({ region: '所在地区格式不正确，请检查' });
  });
});
