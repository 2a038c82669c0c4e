import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// ids are minted on the ingest hot path: draw randomness 4 KB at a time, not 16 bytes per id
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function random16(): Buffer {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 16;
  return pool.subarray(poolOffset - 16, poolOffset);
}

/**
 * A ULID: 48-bit millisecond time + 80 random bits, 26 Crockford base32 characters.
 * Sortable by creation time (keyset pagination), generated without the database
 * (no reliance on auto-increment, safe on TiDB).
 */
/** Whether a path parameter can be one of our ids at all (answered NOT_FOUND without a query if not). */
export function isId(value: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value);
}

/**
 * Callers creating a dated record pass the app clock's time; the wall-time default serves ids whose
 * order only needs to roughly follow creation (log rows), where either clock is right.
 */
export function newId(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = random16();
  let random = '';
  for (let i = 0; i < 16; i++) random += ALPHABET[bytes[i] % 32];
  return time + random;
}

/** A url-safe one-time secret of `bytes` random bytes (invites, login tickets). */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
