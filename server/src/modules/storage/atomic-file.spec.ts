import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-file';

describe('writeFileAtomically', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadloop-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes into a new folder with the given mode, and replaces a file whole', async () => {
    const target = join(dir, 'ab', 'file.bin');
    await writeFileAtomically(target, Buffer.from('first'), 0o600);
    expect(readFileSync(target, 'utf8')).toBe('first');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    await writeFileAtomically(target, Buffer.from('second'), 0o600);
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'ab'))).toEqual(['file.bin']);
  });

  it('leaves no temporary file behind when the write cannot be put in place', async () => {
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true }); // a non-empty folder: rename onto it fails
    await expect(writeFileAtomically(target, Buffer.from('x'), 0o644)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
