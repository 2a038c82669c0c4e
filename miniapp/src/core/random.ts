const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

type RandomSource = (bytes: Uint8Array) => void;

/** Browsers (and newer WeChat base libraries) have crypto.getRandomValues; older runtimes fall back to Math.random. */
function defaultSource(): RandomSource {
  // `typeof` guard: the WeChat runtime has no `crypto` global (and old ones no `globalThis`).
  const c = typeof crypto !== 'undefined' ? (crypto as { getRandomValues?: (bytes: Uint8Array) => Uint8Array }) : undefined;
  if (c?.getRandomValues) return (bytes) => void c.getRandomValues?.(bytes);
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  };
}

/**
 * A random url-safe id (64-symbol alphabet, 6 bits a character): 22 characters carry 132 bits.
 * Ids name events and installs; they are not secrets.
 */
export function randomId(length = 22, source: RandomSource = defaultSource()): string {
  const bytes = new Uint8Array(length);
  source(bytes);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] & 63];
  return out;
}
