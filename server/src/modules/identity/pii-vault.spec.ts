import { loadConfig } from '../../config/config';
import { PiiVault } from './pii-vault';

describe('PiiVault', () => {
  const vault = new PiiVault(loadConfig({ PII_KEY: Buffer.alloc(32, 1).toString('base64') }));

  it('round-trips a phone without leaving it readable', () => {
    const sealed = vault.encrypt('+8613812341234');
    expect(sealed).not.toContain('13812341234');
    expect(vault.decrypt(sealed)).toBe('+8613812341234');
    expect(vault.encrypt('+8613812341234')).not.toBe(sealed);
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = vault.encrypt('+8613812341234');
    // one flipped bit in the IV (bytes 0–11), the tag (12–27) or the ciphertext (28–)
    for (const at of [0, 17, 37]) {
      const raw = Buffer.from(sealed.slice(3), 'base64url');
      raw[at] ^= 0x01;
      expect(() => vault.decrypt(`v1.${raw.toString('base64url')}`)).toThrow();
    }
  });

  it('hashes for lookup: stable for one key, different under another', () => {
    const other = new PiiVault(loadConfig({ PII_KEY: Buffer.alloc(32, 2).toString('base64') }));
    expect(vault.lookupHash('+8613812341234')).toBe(vault.lookupHash('+8613812341234'));
    expect(vault.lookupHash('+8613812341234')).not.toBe(other.lookupHash('+8613812341234'));
  });
});
