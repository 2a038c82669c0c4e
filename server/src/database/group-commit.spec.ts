import { GroupCommit, type Outcome } from './group-commit';

/** A batch runner that records each batch and answers after the test lets it. */
function recorder() {
  const batches: { key: string; items: number[] }[] = [];
  const gates: (() => void)[] = [];
  const run = async (key: string, items: number[]): Promise<Outcome<number>[]> => {
    batches.push({ key, items });
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((i) => (i < 0 ? { error: new Error(`bad ${i}`) } : { ok: i * 10 }));
  };
  const release = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    gates.splice(0).forEach((open) => open());
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, run, release };
}

describe('GroupCommit', () => {
  it('sends an item at once when idle and gathers those arriving meanwhile into the next batch', async () => {
    const r = recorder();
    const group = new GroupCommit(r.run, { maxBatch: 10, maxInFlight: 1 });
    const first = group.submit('e1', 1);
    const later = [2, 3, 4].map((i) => group.submit('e1', i));
    expect(r.batches).toEqual([{ key: 'e1', items: [1] }]);
    await r.release();
    expect(r.batches[1]).toEqual({ key: 'e1', items: [2, 3, 4] });
    await r.release();
    await expect(first).resolves.toBe(10);
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
  });

  it('keeps keys apart, caps batches, and gives each item its own outcome', async () => {
    const r = recorder();
    const group = new GroupCommit(r.run, { maxBatch: 2, maxInFlight: 1 });
    const results = [group.submit('a', 1), group.submit('b', 2), group.submit('a', -3), group.submit('a', 4), group.submit('a', 5)].map((p) => p.then((v) => v, (e: Error) => e.message));
    await r.release();
    await r.release();
    await r.release();
    expect(r.batches).toEqual([
      { key: 'a', items: [1] },
      { key: 'b', items: [2] },
      { key: 'a', items: [-3, 4] },
      { key: 'a', items: [5] },
    ]);
    expect(await Promise.all(results)).toEqual([10, 20, 'bad -3', 40, 50]);
  });

  it('rejects every item of a batch whose run throws, and goes on with the next', async () => {
    let calls = 0;
    const group = new GroupCommit<number, number>(
      async (_, items) => {
        calls += 1;
        if (calls === 1) throw new Error('database gone');
        return items.map((i) => ({ ok: i }));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const failed = group.submit('k', 1);
    const next = group.submit('k', 2);
    await expect(failed).rejects.toThrow('database gone');
    await expect(next).resolves.toBe(2);
  });
});
