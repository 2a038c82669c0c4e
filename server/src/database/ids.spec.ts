import { newId, newSecret } from './ids';

describe('ids', () => {
  it('makes 26-character ULIDs that sort by time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a < b).toBe(true);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(1)));
    expect(ids.size).toBe(10_000);
  });

  it('makes url- and scene-safe secrets of 32 characters from 24 bytes', () => {
    expect(newSecret(24)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
