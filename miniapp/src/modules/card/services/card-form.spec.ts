import { describe, expect, it } from '@jest/globals';
import type { CardFeaturedItem, MyCard } from '@leadloop/shared';
import { ApiError } from '../../../core/api/api-error';
import { cardErrorsFrom, checkCardForm, featuredUrl, formFromCard, toggleFeatured, type CardForm } from './card-form';

const card: MyCard = {
  id: '01JCARD0000000000000000000',
  name: '王敏',
  title: null,
  company: '云启科技',
  phone: null,
  email: null,
  avatarUrl: null,
  contactQrUrl: null,
  featured: [{ contentType: 'whitepaper', contentId: 'wp1', title: '白皮书', shareToken: 'AAAAAAAAAAAAAAAA' }],
  introduction: { draft: '你好', status: 'pending', published: null, note: null },
  updatedAt: '2026-11-22T00:00:00Z',
};

const form = (over: Partial<CardForm> = {}): CardForm => ({ ...formFromCard(card), ...over });

describe('the card editor', () => {
  it('starts from the card, with the draft introduction and featured items without tokens', () => {
    expect(formFromCard(card)).toEqual({ name: '王敏', title: '', company: '云启科技', phone: '', email: '', introduction: '你好', featured: [{ contentType: 'whitepaper', contentId: 'wp1', title: '白皮书' }] });
  });

  it('saves blanks as none and a phone typed with spaces as digits', () => {
    expect(checkCardForm(form({ phone: '138 1234 5678', title: '  ' }))).toEqual({
      ok: true,
      request: { name: '王敏', title: null, company: '云启科技', phone: '13812345678', email: null, introduction: '你好', featured: [{ contentType: 'whitepaper', contentId: 'wp1', title: '白皮书' }] },
    });
    expect(checkCardForm(form({ phone: '0755-1234567-801' })).ok).toBe(true);
  });

  it('says what to fix', () => {
    expect(checkCardForm(form({ name: ' ', phone: '12345', email: 'x@', introduction: 'x'.repeat(501) }))).toEqual({
      ok: false,
      errors: { name: '请填写姓名', phone: '请填写手机号或带区号的座机，如 010-12345678', email: '请填写正确的邮箱地址', introduction: '简介不超过 500 个字' },
    });
    expect(cardErrorsFrom(new ApiError('VALIDATION_FAILED', 'x', { details: { fields: [{ path: 'phone', message: 'm' }, { path: 'featured.0.title', message: 'm' }] } }))).toEqual({
      phone: '请填写手机号或带区号的座机，如 010-12345678',
      featured: '精选内容最多 6 个，且不能重复',
    });
    expect(cardErrorsFrom(new ApiError('FORBIDDEN', 'x'))).toEqual({});
  });

  it('toggles featured items up to six', () => {
    const item = (n: number): CardFeaturedItem => ({ contentType: 'live', contentId: `l${n}`, title: `直播${n}` });
    let list: CardFeaturedItem[] = [item(1)];
    list = toggleFeatured(list, item(2));
    expect(list.map((i) => i.contentId)).toEqual(['l1', 'l2']);
    list = toggleFeatured(list, item(1));
    expect(list.map((i) => i.contentId)).toEqual(['l2']);
    // a picked candidate's display extras are not part of the card
    const picked = toggleFeatured([], { ...item(8), subtitle: '直播 · 2026-11-23' } as CardFeaturedItem);
    expect(picked).toEqual([{ contentType: 'live', contentId: 'l8', title: '直播8' }]);
    const full = [1, 2, 3, 4, 5, 6].map(item);
    expect(toggleFeatured(full, item(7))).toHaveLength(6);
  });

  it('opens featured content with the owner’s share token', () => {
    expect(featuredUrl({ contentType: 'whitepaper', contentId: '01JWP', title: 't', shareToken: 'Tok_en-123456789' })).toBe('/packages/whitepaper/pages/detail/index?id=01JWP&s=Tok_en-123456789');
    expect(featuredUrl({ contentType: 'live', contentId: '01JLIVE', title: 't', shareToken: 'T' })).toBe('/packages/live/pages/detail/index?id=01JLIVE&s=T');
    expect(featuredUrl({ contentType: 'page', contentId: 'home', title: 't', shareToken: 'T' })).toBe('/pages/index/index?s=T');
  });
});
