import { describe, expect, it } from '@jest/globals';
import type { ClientEvent, IngestEventsResponse } from '@leadloop/shared';
import { ApiError } from '../../../core/api/api-error';
import { EventQueue, type EventQueueDeps } from './event-queue';

/** A queue with a hand-driven clock, a fake server and an in-memory disk. */
function harness(answer: (batch: ClientEvent[], call: number) => Promise<IngestEventsResponse>) {
  let now = 1_000_000;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const disk: { value: unknown } = { value: undefined };
  const sent: ClientEvent[][] = [];
  const dropped: { ids: string[]; reason: string }[] = [];
  const deps: EventQueueDeps = {
    send: (batch) => {
      sent.push(batch);
      return answer(batch, sent.length);
    },
    load: () => disk.value,
    save: (events) => {
      disk.value = JSON.parse(JSON.stringify(events));
    },
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    random: () => 0.5,
    onDrop: (events, reason) => dropped.push({ ids: events.map((e) => e.id), reason }),
  };
  /** Moves the clock, firing due timers in order and letting their promises settle. */
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > until) break;
      timers.shift();
      now = due.at;
      due.fn();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    now = until;
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { deps, disk, sent, dropped, advance, timers, clock: () => now };
}

let seq = 0;
function event(extra: Partial<ClientEvent> = {}): ClientEvent {
  seq += 1;
  return { id: `evt-${String(seq).padStart(6, '0')}`, type: 'view', at: '2026-11-22T10:00:00.000Z', page: 'pages/index/index', anonymousId: 'anon-1234567890abcdef', ...extra };
}

const ok = (batch: ClientEvent[]): Promise<IngestEventsResponse> => Promise.resolve({ accepted: batch.length, duplicates: 0, rejected: [] });

describe('EventQueue', () => {
  it('waits for the interval, then sends everything in one batch', async () => {
    const h = harness(ok);
    const q = new EventQueue(h.deps, { intervalMs: 5000 });
    q.enqueue(event());
    q.enqueue(event());
    await h.advance(4999);
    expect(h.sent).toHaveLength(0);
    await h.advance(1);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).toHaveLength(2);
    expect(q.size).toBe(0);
    expect(h.disk.value).toEqual([]);
  });

  it('flushes at once when 20 events are queued, in batches of at most 50', async () => {
    const h = harness(ok);
    const q = new EventQueue(h.deps);
    for (let i = 0; i < 19; i++) q.enqueue(event());
    await h.advance(0);
    expect(h.sent).toHaveLength(0);
    q.enqueue(event());
    await h.advance(0);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).toHaveLength(20);

    const h2 = harness(ok);
    const q2 = new EventQueue(h2.deps, { flushAt: 1000, capacity: 1000 });
    for (let i = 0; i < 120; i++) q2.enqueue(event());
    await q2.flush();
    expect(h2.sent.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(q2.size).toBe(0);
  });

  it('sends an urgent event (an entry) within a moment', async () => {
    const h = harness(ok);
    const q = new EventQueue(h.deps, { urgentMs: 400 });
    q.enqueue(event({ type: 'entry' }), { urgent: true });
    await h.advance(400);
    expect(h.sent).toHaveLength(1);
  });

  it('survives a restart: what was queued is loaded and sent by the next run', async () => {
    const failing = harness(() => Promise.reject(new ApiError('NETWORK_ERROR', 'offline')));
    const first = new EventQueue(failing.deps);
    const a = event();
    const b = event();
    first.enqueue(a);
    first.enqueue(b);
    await first.flush();
    expect(failing.disk.value).toHaveLength(2);

    const next = harness(ok);
    next.disk.value = [...(failing.disk.value as unknown[]), { junk: true }];
    const second = new EventQueue(next.deps);
    expect(second.size).toBe(2);
    await next.advance(5000);
    expect(next.sent[0].map((e) => e.id)).toEqual([a.id, b.id]);
  });

  it('retries network and 5xx failures with exponential backoff, resending the same ids', async () => {
    const failures = [new ApiError('NETWORK_ERROR', 'offline'), new ApiError('INTERNAL', 'boom', { status: 500 }), new ApiError('SERVICE_UNAVAILABLE', 'busy', { status: 503 })];
    const h = harness((batch, call) => (call <= failures.length ? Promise.reject(failures[call - 1]) : ok(batch)));
    const q = new EventQueue(h.deps, { backoffBaseMs: 2000 });
    const e = event();
    q.enqueue(e);
    await q.flush();
    expect(h.sent).toHaveLength(1);
    // random() = 0.5 → wait = 3/4 of the exponential step: 1.5 s, 3 s, 6 s.
    await h.advance(1499);
    expect(h.sent).toHaveLength(1);
    await h.advance(1);
    expect(h.sent).toHaveLength(2);
    await h.advance(3000);
    expect(h.sent).toHaveLength(3);
    // An explicit flush during the backoff does not jump the queue.
    await q.flush();
    expect(h.sent).toHaveLength(3);
    await h.advance(6000);
    expect(h.sent).toHaveLength(4);
    expect(q.size).toBe(0);
    expect(new Set(h.sent.map((b) => b[0].id))).toEqual(new Set([e.id]));
  });

  it('drops the items the server rejected by index and keeps nothing else pending', async () => {
    const h = harness((batch) => Promise.resolve({ accepted: batch.length - 1, duplicates: 0, rejected: [{ index: 1, code: 'VALIDATION_FAILED', message: 'bad' }] }));
    const q = new EventQueue(h.deps);
    const events = [event(), event(), event()];
    for (const e of events) q.enqueue(e);
    await q.flush();
    expect(q.size).toBe(0);
    expect(h.dropped).toEqual([{ ids: [events[1].id], reason: 'rejected' }]);
    await h.advance(60_000);
    expect(h.sent).toHaveLength(1);
  });

  it('drops a batch the server refuses outright (4xx) instead of retrying it forever', async () => {
    const h = harness(() => Promise.reject(new ApiError('VALIDATION_FAILED', 'bad batch', { status: 400 })));
    const q = new EventQueue(h.deps);
    q.enqueue(event());
    await q.flush();
    expect(q.size).toBe(0);
    expect(h.dropped[0].reason).toBe('refused');
    await h.advance(600_000);
    expect(h.sent).toHaveLength(1);
  });

  it('halves the batch when the payload is too large', async () => {
    const h = harness((batch) => (batch.length > 10 ? Promise.reject(new ApiError('PAYLOAD_TOO_LARGE', 'big', { status: 413 })) : ok(batch)));
    const q = new EventQueue(h.deps, { flushAt: 1000 });
    for (let i = 0; i < 30; i++) q.enqueue(event());
    await q.flush();
    expect(q.size).toBe(0);
    expect(h.sent.map((b) => b.length)).toEqual([30, 15, 7, 7, 7, 7, 2]);
  });

  it('counts duplicates as delivered (a resend after a lost answer)', async () => {
    const h = harness((batch) => Promise.resolve({ accepted: 0, duplicates: batch.length, rejected: [] }));
    const q = new EventQueue(h.deps);
    q.enqueue(event());
    await q.flush();
    expect(q.size).toBe(0);
    expect(h.dropped).toEqual([]);
  });

  it('refuses malformed events locally and ignores a repeated id', () => {
    const h = harness(ok);
    const q = new EventQueue(h.deps);
    expect(q.enqueue({ ...event(), page: 'has spaces?' })).toBe(false);
    const e = event();
    expect(q.enqueue(e)).toBe(true);
    expect(q.enqueue(e)).toBe(true);
    expect(q.size).toBe(1);
  });

  it('keeps at most `capacity` events, dropping the oldest', () => {
    const h = harness(ok);
    const q = new EventQueue(h.deps, { capacity: 3, flushAt: 100 });
    const events = [event(), event(), event(), event()];
    for (const e of events) q.enqueue(e);
    expect(q.pending().map((e) => e.id)).toEqual(events.slice(1).map((e) => e.id));
    expect(h.dropped).toEqual([{ ids: [events[0].id], reason: 'capacity' }]);
  });

  it('sends events queued while a batch is in flight in the same round', async () => {
    let release: (() => void) | null = null;
    const h = harness((batch, call) =>
      call === 1 ? new Promise<IngestEventsResponse>((resolve) => (release = () => resolve({ accepted: batch.length, duplicates: 0, rejected: [] }))) : ok(batch),
    );
    const q = new EventQueue(h.deps);
    q.enqueue(event());
    const round = q.flush();
    q.enqueue(event());
    expect(q.flush()).toBe(round);
    (release as unknown as () => void)();
    await round;
    expect(h.sent.map((b) => b.length)).toEqual([1, 1]);
    expect(q.size).toBe(0);
  });
});
