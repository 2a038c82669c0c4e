import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { PeriodicJob } from '../../../core/periodic-job';
import { Pipeline } from '../pipeline';

/**
 * Runs the stream's consumers in the background. Several instances may run it at once: a
 * consumer's batch is claimed by locking its row, so no batch is handled twice at the same time.
 */
@Injectable()
export class PipelineJob extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pipeline: Pipeline,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.pipeline.intervalMs;
  }

  protected round(): Promise<unknown> {
    return this.pipeline.drain();
  }
}
