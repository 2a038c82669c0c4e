import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { PeriodicJob } from '../../../core/periodic-job';
import { PaymentsService } from '../payments.service';

/**
 * Recovers missed notifications (queries orders that stayed unpaid) and closes orders past their
 * expiry. Safe on several instances at once: every state change is a guarded update.
 */
@Injectable()
export class PaymentReconcileJob extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly payments: PaymentsService,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.live.jobIntervalMs;
  }

  protected round(): Promise<unknown> {
    return this.payments.reconcile();
  }
}
