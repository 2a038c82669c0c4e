/**
 * Reads by key, gathered: the keys asked for by requests handled in the same turn of the event
 * loop are read in one statement (`read` answers the keys' values; a key it leaves out gets
 * `missing`). Every caller waits only for that one statement.
 */
export class TickLoader<K, V> {
  private pending = new Map<K, { resolve(value: V): void; reject(error: unknown): void }[]>();

  constructor(
    private readonly read: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: V,
  ) {}

  load(key: K): Promise<V> {
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) setImmediate(() => void this.flush());
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    try {
      const values = await this.read([...batch.keys()]);
      for (const [key, waiting] of batch) for (const w of waiting) w.resolve(values.has(key) ? (values.get(key) as V) : this.missing);
    } catch (error) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
    }
  }
}
