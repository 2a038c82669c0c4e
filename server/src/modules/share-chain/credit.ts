export const CreditModels = ['first', 'last', 'linear', 'position'] as const;
export type CreditModel = (typeof CreditModels)[number];

const WHOLE = 10_000; // basis points

/**
 * Splits one conversion across the chain that led to it (root first, last sharer last), in basis
 * points that always sum to 10 000. Position-based gives 40/20/40: first and last 40% each, the
 * middle sharing 20% (with two in the chain, 50/50).
 */
export function splitCredit(chainLength: number, model: CreditModel): number[] {
  if (chainLength <= 0) return [];
  if (chainLength === 1) return [WHOLE];
  const weights = new Array<number>(chainLength).fill(0);
  switch (model) {
    case 'first':
      weights[0] = WHOLE;
      break;
    case 'last':
      weights[chainLength - 1] = WHOLE;
      break;
    case 'linear':
      spread(weights, 0, chainLength, WHOLE);
      break;
    case 'position':
      if (chainLength === 2) {
        weights[0] = WHOLE / 2;
        weights[1] = WHOLE / 2;
      } else {
        weights[0] = 4000;
        weights[chainLength - 1] = 4000;
        spread(weights, 1, chainLength - 1, 2000);
      }
      break;
  }
  return weights;
}

/** Shares `total` over weights[from..to) evenly; the remainder goes to the earliest positions. */
function spread(weights: number[], from: number, to: number, total: number): void {
  const n = to - from;
  const base = Math.floor(total / n);
  let remainder = total - base * n;
  for (let i = from; i < to; i++) {
    weights[i] = base + (remainder > 0 ? 1 : 0);
    if (remainder > 0) remainder -= 1;
  }
}
