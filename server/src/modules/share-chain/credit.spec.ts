import { CreditModels, splitCredit } from './credit';

describe('splitCredit', () => {
  it('credits a staff → A → B chain under each model', () => {
    expect(splitCredit(3, 'first')).toEqual([10000, 0, 0]);
    expect(splitCredit(3, 'last')).toEqual([0, 0, 10000]);
    expect(splitCredit(3, 'linear')).toEqual([3334, 3333, 3333]);
    expect(splitCredit(3, 'position')).toEqual([4000, 2000, 4000]);
  });

  it('splits the middle 20% of position-based across a long chain', () => {
    expect(splitCredit(5, 'position')).toEqual([4000, 667, 667, 666, 4000]);
    expect(splitCredit(2, 'position')).toEqual([5000, 5000]);
  });

  it('always sums to the whole conversion', () => {
    for (const model of CreditModels) {
      for (let n = 1; n <= 40; n++) expect(splitCredit(n, model).reduce((a, b) => a + b, 0)).toBe(10000);
    }
    expect(splitCredit(0, 'linear')).toEqual([]);
  });
});
