/**
 * The one source of "now" for every service, job and time rule on the server. Production runs on
 * the system clock; development and tests run on a `ControllableClock` that the sandbox's control
 * routes set and advance, so reminder offsets, payment timeouts, owner protection and SLA timers are
 * tested by moving time instead of sleeping.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Milliseconds since the epoch, as `Date.now()`. */
  nowMs(): number {
    return this.now().getTime();
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }

  override nowMs(): number {
    return Date.now();
  }
}

/**
 * The system clock shifted by an offset that can be set or advanced. Time keeps flowing between
 * moves, so code waiting for a few real milliseconds (a retry backoff) still progresses.
 */
export class ControllableClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(this.nowMs());
  }

  override nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  /** Jumps to an instant (forward or back); `null` returns to the system clock. */
  set(at: Date | null): Date {
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
    return this.now();
  }
}
