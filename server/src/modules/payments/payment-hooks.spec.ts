import { PaymentHooks } from './payment-hooks';

describe('PaymentHooks', () => {
  const handler = { paid: async () => undefined, closed: async () => undefined };

  it('answers with the one registered handler', () => {
    const hooks = new PaymentHooks();
    expect(() => hooks.current).toThrow('No payment handler registered');
    hooks.register('live sign-ups', handler);
    expect(hooks.current).toBe(handler);
  });

  it('refuses a second handler, naming both', () => {
    const hooks = new PaymentHooks();
    hooks.register('live sign-ups', handler);
    expect(() => hooks.register('course orders', handler)).toThrow('Payment handler course orders cannot register: live sign-ups already handles payments');
  });
});
