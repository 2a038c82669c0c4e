import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { IntroModeration } from '../intro-moderation';

/**
 * Retries introductions left pending because WeChat was busy or unreachable. Several instances
 * may run it: each draft is claimed in the database before it is checked.
 */
@Injectable()
export class IntroModerationJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IntroModerationJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moderation: IntroModeration,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.card.moderationIntervalMs;
    if (every === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.moderation
        .checkDue()
        .catch((error: unknown) => this.logger.error(`Introduction checks failed: ${(error as Error).message}`, (error as Error).stack))
        .finally(() => {
          this.running = null;
        });
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
