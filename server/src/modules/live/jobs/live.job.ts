import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { RemindersService } from '../reminders.service';

/**
 * Sends due reminders and schedules post-event survey and replay pushes. Any number of
 * instances may run it: rows are claimed in the database, never held in memory, so a restart
 * between scheduling and sending loses nothing.
 */
@Injectable()
export class LiveJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reminders: RemindersService,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.live.jobIntervalMs;
    if (every === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = null));
    }, every);
    this.timer.unref();
  }

  /** One round; also what tests and operators call to run the job now. */
  async tick(): Promise<void> {
    try {
      await this.reminders.scheduleFollowUps();
      await this.reminders.dispatch();
    } catch (error) {
      this.logger.error(`Live job failed: ${(error as Error).message}`, (error as Error).stack);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
