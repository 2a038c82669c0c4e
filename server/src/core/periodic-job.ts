import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Background work that runs a round every `intervalMs` (0: never in this process), one round at
 * a time; shutdown waits for the round in flight. The work itself must be safe on several
 * instances at once (rows claimed in the database), so a job needs no leader.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  protected abstract get intervalMs(): number;
  protected abstract round(): Promise<unknown>;

  onApplicationBootstrap(): void {
    if (this.intervalMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** One round now (or the one already running); failures are logged, never thrown. */
  tick(): Promise<void> {
    this.running ??= this.round()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`Round failed: ${(error as Error).message}`, (error as Error).stack))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
