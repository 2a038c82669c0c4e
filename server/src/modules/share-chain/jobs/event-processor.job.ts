import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { PeriodicJob } from '../../../core/periodic-job';
import { AttributionService } from '../attribution.service';

/**
 * Attributes stored events in the background. Several instances may run it at once: each batch
 * is claimed with SKIP LOCKED, so no event is processed twice.
 */
@Injectable()
export class EventProcessorJob extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attribution: AttributionService,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.attribution.processorIntervalMs;
  }

  protected round(): Promise<unknown> {
    return this.attribution.drain();
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    // let a batch in flight finish before the database closes
    await this.attribution.drain().catch(() => undefined);
  }
}
