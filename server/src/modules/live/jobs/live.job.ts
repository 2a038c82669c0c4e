import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { PeriodicJob } from '../../../core/periodic-job';
import { RemindersService } from '../reminders.service';

/**
 * Sends due reminders and schedules post-event survey and replay pushes. Any number of
 * instances may run it: rows are claimed in the database, never held in memory, so a restart
 * between scheduling and sending loses nothing.
 */
@Injectable()
export class LiveJob extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reminders: RemindersService,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.live.jobIntervalMs;
  }

  protected async round(): Promise<void> {
    await this.reminders.scheduleFollowUps();
    await this.reminders.dispatch();
  }
}
