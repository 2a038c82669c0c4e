import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { PeriodicJob } from '../../../core/periodic-job';
import { Timers } from '../timers.service';

/** Fires due timers every TIMER_JOB_INTERVAL_MS; any number of instances may run it. */
@Injectable()
export class TimersJob extends PeriodicJob {
  /** The last round: how long it took and how many timers it fired (the cost per tick). */
  lastRound = { ms: 0, fired: 0 };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly timers: Timers,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.timers.jobIntervalMs;
  }

  protected async round(): Promise<void> {
    const started = performance.now();
    const fired = await this.timers.fireDue();
    this.lastRound = { ms: performance.now() - started, fired };
    if (fired > 0) this.logger.debug(`Fired ${fired} timer(s) in ${Math.round(this.lastRound.ms)} ms`);
  }
}
