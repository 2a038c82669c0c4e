import { TickLoader } from './tick-loader';

describe('TickLoader', () => {
  it('reads the keys asked for in one turn with one call, each key once', async () => {
    const reads: string[][] = [];
    const loader = new TickLoader<string, boolean>(async (keys) => {
      reads.push(keys);
      return new Map(keys.filter((k) => k !== 'gone').map((k) => [k, true]));
    }, false);
    const answers = await Promise.all(['a', 'b', 'a', 'gone'].map((k) => loader.load(k)));
    expect(answers).toEqual([true, true, true, false]);
    expect(reads).toEqual([['a', 'b', 'gone']]);
    await expect(loader.load('c')).resolves.toBe(true);
    expect(reads).toHaveLength(2);
  });

  it('rejects the callers of a failed read and reads again afterwards', async () => {
    let fail = true;
    const loader = new TickLoader<string, number>(async (keys) => {
      if (fail) throw new Error('no database');
      return new Map(keys.map((k) => [k, k.length]));
    }, 0);
    await expect(Promise.all([loader.load('x'), loader.load('yy')])).rejects.toThrow('no database');
    fail = false;
    await expect(loader.load('yy')).resolves.toBe(2);
  });
});
