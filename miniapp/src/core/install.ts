import { AnonymousIdSchema } from '@leadloop/shared';
import { randomId } from './random';
import { readStored, writeStored } from './storage';

const KEY = 'leadloop.anonymous-id';
let cached: string | null = null;

/**
 * This install's anonymous id: random, persisted, never derived from WeChat identifiers. It ties
 * touchpoints made before login (e.g. Moments single-page mode) to the person who logs in later.
 */
export function anonymousId(): string {
  if (cached) return cached;
  const stored = readStored<string>(KEY);
  if (stored && AnonymousIdSchema.safeParse(stored).success) {
    cached = stored;
    return stored;
  }
  cached = randomId(22);
  writeStored(KEY, cached);
  return cached;
}
