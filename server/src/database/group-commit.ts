export interface GroupCommitOptions<I> {
  /** Most work in one batch (counted by `size`). */
  maxBatch: number;
  /** Batches of one key in flight at once. */
  maxInFlight: number;
  /** How much of `maxBatch` an item uses (default 1). */
  size?: (item: I) => number;
}

/** What a batch answers for each item, in the order given: a result, or the error that item alone gets. */
export type Outcome<R> = { ok: R } | { error: unknown };

interface Pending<I, R> {
  item: I;
  resolve(result: R): void;
  reject(error: unknown): void;
}

interface Lane<I, R> {
  queue: Pending<I, R>[];
  inFlight: number;
}

/**
 * Group commit: items submitted while a key's batches are in flight wait and go out together in
 * its next batch (one transaction, multi-row statements), and each caller is answered only when
 * the batch holding its item has finished. No timer: under no load an item goes out at once;
 * under load batches grow by themselves up to `maxBatch`.
 */
export class GroupCommit<I, R, K = string> {
  private readonly lanes = new Map<K, Lane<I, R>>();

  constructor(
    private readonly run: (key: K, items: I[]) => Promise<Outcome<R>[]>,
    private readonly options: GroupCommitOptions<I>,
  ) {}

  submit(key: K, item: I): Promise<R> {
    return new Promise((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (!lane) this.lanes.set(key, (lane = { queue: [], inFlight: 0 }));
      lane.queue.push({ item, resolve, reject });
      this.pump(key, lane);
    });
  }

  /** Starts batches while the key has work and room; each finished batch starts the next. */
  private pump(key: K, lane: Lane<I, R>): void {
    const size = this.options.size ?? (() => 1);
    while (lane.queue.length > 0 && lane.inFlight < this.options.maxInFlight) {
      const batch: Pending<I, R>[] = [];
      let used = 0;
      while (lane.queue.length > 0 && (batch.length === 0 || used + size(lane.queue[0].item) <= this.options.maxBatch)) {
        const next = lane.queue.shift() as Pending<I, R>;
        batch.push(next);
        used += size(next.item);
      }
      lane.inFlight += 1;
      void this.flush(key, batch).finally(() => {
        lane.inFlight -= 1;
        if (lane.queue.length > 0) this.pump(key, lane);
        else if (lane.inFlight === 0) this.lanes.delete(key);
      });
    }
  }

  private async flush(key: K, batch: Pending<I, R>[]): Promise<void> {
    let outcomes: Outcome<R>[];
    try {
      outcomes = await this.run(
        key,
        batch.map((p) => p.item),
      );
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome && 'ok' in outcome) p.resolve(outcome.ok);
      else p.reject(outcome ? outcome.error : new Error('The batch gave no answer for this item'));
    });
  }
}
