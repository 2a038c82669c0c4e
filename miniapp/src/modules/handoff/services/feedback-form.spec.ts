import { describe, expect, it } from '@jest/globals';
import { emptyFeedbackForm, feedbackBody, fenOf, yuanOf } from './feedback-form';

describe('the feedback form', () => {
  it('reads amounts in 元 as fen, and shows fen as 元', () => {
    expect(fenOf('120000')).toBe(12_000_000);
    expect(fenOf('1,234.5')).toBe(123_450);
    expect(fenOf('0.01')).toBe(1);
    expect([fenOf(''), fenOf('0'), fenOf('1.234'), fenOf('-5'), fenOf('12e3')]).toEqual([null, null, null, null, null]);
    expect([yuanOf(12_000_000), yuanOf(123_450)]).toEqual(['120000', '1234.50']);
  });

  it('builds each kind’s request, or says which field is missing', () => {
    const form = emptyFeedbackForm();
    expect(feedbackBody('accept', form)).toEqual({ body: { kind: 'accept', note: undefined } });
    expect(feedbackBody('reject', form)).toEqual({ errors: { reject: '请选择退回原因' } });
    expect(feedbackBody('reject', { ...form, reject: 'other' })).toEqual({ errors: { note: '选择「其他」时请写明原因' } });
    expect(feedbackBody('contact', { ...form, followUpOn: '2026-12-08', note: ' 约了周三 ' })).toEqual({ body: { kind: 'contact', channel: 'call', outcome: 'reached', note: '约了周三', nextFollowUpOn: '2026-12-08' } });
    expect(feedbackBody('contact', { ...form, followUpOn: '12/08' })).toEqual({ errors: { followUpOn: '请按 2026-12-31 的格式填写日期' } });
    expect(feedbackBody('opportunity', { ...form, amount: '50000' })).toEqual({ errors: { closeOn: '请按 2026-12-31 的格式填写日期' } });
    expect(feedbackBody('won', emptyFeedbackForm(12_000_000))).toEqual({ body: { kind: 'won', amountFen: 12_000_000, note: undefined } });
    expect(feedbackBody('lost', { ...form, lost: 'price' })).toEqual({ body: { kind: 'lost', reason: 'price', note: undefined } });
  });
});
