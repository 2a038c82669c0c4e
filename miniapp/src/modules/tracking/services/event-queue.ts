import { ClientEvent, MAX_EVENTS_PER_BATCH, type IngestEventsResponse } from '@leadloop/shared';

/**
 * A persistent outbox of client events. Events are batched (a flush at `flushAt` queued events or
 * every `intervalMs`), survive restarts through `store`, are retried with exponential backoff on
 * network and server errors, and are dropped when the server rejects them by index. Each event
 * carries a client id, so a resend after a lost answer is stored once by the server.
 *
 * Pure apart from its injected dependencies, so it is unit-tested without Taro.
 */

export interface EventQueueDeps {
  send(events: ClientEvent[]): Promise<IngestEventsResponse>;
  load(): unknown;
  save(events: ClientEvent[]): void;
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** 0 ≤ x < 1, for backoff jitter. */
  random(): number;
  /** Told about events that will never be stored (rejected, malformed, over capacity). */
  onDrop?(events: ClientEvent[], reason: string): void;
}

export interface EventQueueOptions {
  flushAt: number;
  intervalMs: number;
  /** Soon after an urgent event (an entry), so short visits are not lost. */
  urgentMs: number;
  batchSize: number;
  /** The oldest events give way beyond this many. */
  capacity: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DefaultQueueOptions: EventQueueOptions = {
  flushAt: 20,
  intervalMs: 5_000,
  urgentMs: 400,
  batchSize: MAX_EVENTS_PER_BATCH,
  capacity: 500,
  backoffBaseMs: 2_000,
  backoffMaxMs: 5 * 60_000,
};

type Failure = 'retry' | 'drop' | 'split';

/** How a whole-batch failure is handled: transient ones wait and retry, a batch the server can never take is dropped. */
export function classifyFailure(error: unknown): Failure {
  const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : 0;
  const code = (error as { code?: unknown })?.code;
  if (code === 'PAYLOAD_TOO_LARGE' || status === 413) return 'split';
  // 404: a server without this route yet (mid-deploy); the events wait for it.
  if (status === 0 || status >= 500 || status === 404 || status === 408 || status === 429) return 'retry';
  if (code === 'NETWORK_ERROR' || code === 'RATE_LIMITED' || code === 'BAD_RESPONSE') return 'retry';
  return 'drop';
}

export class EventQueue {
  private events: ClientEvent[];
  private readonly options: EventQueueOptions;
  private timer: unknown = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private inflight: Promise<void> | null = null;
  private failures = 0;
  private retryAt = 0;
  private batchSize: number;

  constructor(
    private readonly deps: EventQueueDeps,
    options: Partial<EventQueueOptions> = {},
  ) {
    this.options = { ...DefaultQueueOptions, ...options };
    this.batchSize = Math.min(this.options.batchSize, MAX_EVENTS_PER_BATCH);
    this.events = this.restore();
    if (this.events.length > 0) this.schedule(this.options.intervalMs);
  }

  get size(): number {
    return this.events.length;
  }

  /** Queued events, oldest first (a copy). */
  pending(): ClientEvent[] {
    return [...this.events];
  }

  /** Adds an event; invalid ones are dropped at once rather than sent to be refused. */
  enqueue(event: ClientEvent, { urgent = false }: { urgent?: boolean } = {}): boolean {
    const parsed = ClientEvent.safeParse(event);
    if (!parsed.success) {
      this.deps.onDrop?.([event], 'invalid');
      return false;
    }
    if (this.events.some((e) => e.id === event.id)) return true;
    this.events.push(parsed.data);
    const over = this.events.length - this.options.capacity;
    if (over > 0) this.deps.onDrop?.(this.events.splice(0, over), 'capacity');
    this.persist();
    if (this.events.length >= this.options.flushAt) this.schedule(0);
    else this.schedule(urgent ? this.options.urgentMs : this.options.intervalMs);
    return true;
  }

  /**
   * Sends everything queued, batch by batch, unless a backoff is in force (then the retry timer
   * sends later). Resolves when this round is over; never rejects.
   */
  flush(): Promise<void> {
    if (this.inflight) return this.inflight;
    if (this.events.length === 0) return Promise.resolve();
    if (this.deps.now() < this.retryAt) {
      this.schedule(this.retryAt - this.deps.now());
      return Promise.resolve();
    }
    this.inflight = this.drain().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async drain(): Promise<void> {
    this.cancelTimer();
    while (this.events.length > 0) {
      const batch = this.events.slice(0, this.batchSize);
      let response: IngestEventsResponse;
      try {
        response = await this.deps.send(batch);
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure === 'split' && batch.length > 1) {
          this.batchSize = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        if (failure === 'retry') {
          this.failures += 1;
          const exp = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (this.failures - 1));
          // Full jitter in the upper half: many clients coming back at once do not stampede.
          const wait = Math.round(exp / 2 + (exp / 2) * this.deps.random());
          this.retryAt = this.deps.now() + wait;
          this.schedule(wait);
          return;
        }
        this.remove(batch);
        this.deps.onDrop?.(batch, 'refused');
        continue;
      }
      this.failures = 0;
      this.retryAt = 0;
      const rejected = response.rejected.map((r) => batch[r.index]).filter((e): e is ClientEvent => e !== undefined);
      if (rejected.length > 0) this.deps.onDrop?.(rejected, 'rejected');
      // Accepted, duplicate (already stored) and rejected items all leave the queue.
      this.remove(batch);
    }
    this.batchSize = Math.min(this.options.batchSize, MAX_EVENTS_PER_BATCH);
  }

  private remove(batch: ClientEvent[]): void {
    const ids = new Set(batch.map((e) => e.id));
    this.events = this.events.filter((e) => !ids.has(e.id));
    this.persist();
  }

  private restore(): ClientEvent[] {
    const raw = this.deps.load();
    if (!Array.isArray(raw)) return [];
    const valid: ClientEvent[] = [];
    for (const item of raw) {
      const parsed = ClientEvent.safeParse(item);
      if (parsed.success) valid.push(parsed.data);
    }
    return valid.slice(-this.options.capacity);
  }

  private persist(): void {
    this.deps.save(this.events);
  }

  /** Makes sure a flush happens within `ms` (an earlier one already planned is kept). */
  private schedule(ms: number): void {
    const at = this.deps.now() + Math.max(0, ms);
    if (this.timer !== null && this.timerAt <= at) return;
    this.cancelTimer();
    this.timerAt = at;
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      void this.flush();
    }, Math.max(0, ms));
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
