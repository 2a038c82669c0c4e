import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AttributionService } from '../attribution.service';

/**
 * Attributes stored events in the background. Several instances may run it at once: each batch
 * is claimed with SKIP LOCKED, so no event is processed twice.
 */
@Injectable()
export class EventProcessorJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventProcessorJob.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attribution: AttributionService,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.attribution.processorIntervalMs;
    if (every === 0) return;
    this.timer = setInterval(() => {
      this.attribution.drain().catch((error: unknown) => this.logger.error(`Attribution failed: ${(error as Error).message}`, (error as Error).stack));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // let a batch in flight finish before the database closes
    await this.attribution.drain().catch(() => undefined);
  }
}
