import { maskPhone, normalisePhone } from './phone';

describe('phone helpers', () => {
  it('masks mainland numbers as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
  });

  it('keeps only the last four digits of short numbers', () => {
    expect(maskPhone('12345678')).toBe('****5678');
    expect(maskPhone('123')).toBe('***');
  });

  it('normalises WeChat phone info to +<country><number>', () => {
    expect(normalisePhone('13812341234', '86')).toBe('+8613812341234');
  });
});
