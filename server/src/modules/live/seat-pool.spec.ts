import { split } from './seat-pool';

describe('split', () => {
  it('spreads a capacity over slots as evenly as integers allow, summing to it', () => {
    expect(split(50, 16)).toEqual([4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    for (const total of [0, 1, 15, 16, 17, 1000, 99_999]) {
      const parts = split(total, 16);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
    }
  });
});
