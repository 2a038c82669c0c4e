import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID: 48-bit millisecond time + 80 random bits, 26 Crockford base32 characters.
 * Sortable by creation time (keyset pagination), generated without the database
 * (no reliance on auto-increment, safe on TiDB).
 */
export function newId(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let random = '';
  for (let i = 0; i < 16; i++) random += ALPHABET[bytes[i] % 32];
  return time + random;
}

/** A url-safe one-time secret of `bytes` random bytes (invites, login tickets). */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
