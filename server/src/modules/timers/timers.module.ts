import { Module, type OnModuleInit } from '@nestjs/common';
import { TimersJob } from './jobs/timers.job';
import { TimerHandlers } from './timer-handlers';
import { TimersController } from './timers.controller';
import { Timers } from './timers.service';
import { WorkingCalendarSettingsService } from './working-calendar.settings';

/** A timer that only fires: operators and the timers benchmark watch the job with it. */
export const PROBE_TIMER = 'timers.probe';

/**
 * Durable timers and the working calendar deadlines count in. Features register their timer
 * kinds on `TimerHandlers` and schedule through `Timers`; this module imports none of them.
 */
@Module({
  controllers: [TimersController],
  providers: [TimerHandlers, Timers, TimersJob, WorkingCalendarSettingsService],
  exports: [TimerHandlers, Timers, WorkingCalendarSettingsService],
})
export class TimersModule implements OnModuleInit {
  constructor(private readonly handlers: TimerHandlers) {}

  onModuleInit(): void {
    this.handlers.register({ kind: PROBE_TIMER, fire: async () => undefined });
  }
}
