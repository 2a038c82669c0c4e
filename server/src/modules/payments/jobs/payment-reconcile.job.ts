import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { PaymentsService } from '../payments.service';

/**
 * Recovers missed notifications (queries orders that stayed unpaid) and closes orders past their
 * expiry. Safe on several instances at once: every state change is a guarded update.
 */
@Injectable()
export class PaymentReconcileJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PaymentReconcileJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly payments: PaymentsService,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.live.jobIntervalMs;
    if (every === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.payments
        .reconcile()
        .catch((error: Error) => this.logger.error(`Reconciliation failed: ${error.message}`))
        .finally(() => (this.running = null));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
