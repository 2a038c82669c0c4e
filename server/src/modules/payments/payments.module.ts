import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PaymentReconcileJob } from './jobs/payment-reconcile.job';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { PaymentHooks } from './payment-hooks';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { WechatPayClient } from './wechat-pay.client';
import { loadPayCredentials, PAY_CREDENTIALS } from './wechat-pay.credentials';
import { paymentsMerge } from './payments.merge';

@Module({
  controllers: [PaymentsController],
  providers: [
    { provide: PAY_CREDENTIALS, useFactory: (config: AppConfig) => loadPayCredentials(config), inject: [APP_CONFIG] },
    WechatPayClient,
    PaymentHooks,
    PaymentsService,
    PaymentReconcileJob,
  ],
  exports: [PaymentsService, PaymentHooks, PAY_CREDENTIALS],
})
export class PaymentsModule implements OnModuleInit {
  constructor(private readonly merges: PersonMergeRegistry) {}

  onModuleInit(): void {
    this.merges.register(paymentsMerge);
  }
}
