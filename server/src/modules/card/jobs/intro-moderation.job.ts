import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { PeriodicJob } from '../../../core/periodic-job';
import { IntroModeration } from '../intro-moderation';

/**
 * Retries introductions left pending because WeChat was busy or unreachable. Several instances
 * may run it: each draft is claimed in the database before it is checked.
 */
@Injectable()
export class IntroModerationJob extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moderation: IntroModeration,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.card.moderationIntervalMs;
  }

  protected round(): Promise<unknown> {
    return this.moderation.checkDue();
  }
}
