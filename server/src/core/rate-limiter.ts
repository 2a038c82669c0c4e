import { AppError } from './app-error';

/**
 * A fixed-window limiter per key, in process memory. Enough to stop one client hammering a
 * public route that costs us a WeChat call; not a substitute for limits at the load balancer.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Wall time by default: it limits real request rates, which moving the app clock must not change. */
  take(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > this.limit) throw new AppError('RATE_LIMITED', 'Too many requests; try again shortly');
  }
}
