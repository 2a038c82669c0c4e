import { redact } from './logger';

describe('redact', () => {
  it('removes phone numbers from text', () => {
    expect(redact('call 13812341234 or +8613900001111 now')).toBe('call [phone] or [phone] now');
  });

  it('hides values under secret-looking keys, however deep', () => {
    expect(redact({ user: { openid: 'oAbc', session_key: 'k', name: '王' }, access_token: 't', list: [{ phone: '1' }] })).toEqual({
      user: { openid: '[redacted]', session_key: '[redacted]', name: '王' },
      access_token: '[redacted]',
      list: [{ phone: '[redacted]' }],
    });
  });

  it('leaves ordinary values alone', () => {
    expect(redact({ count: 3, id: '01ABC', ok: true })).toEqual({ count: 3, id: '01ABC', ok: true });
  });
});
