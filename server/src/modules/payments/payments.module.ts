import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PaymentReconcileJob } from './jobs/payment-reconcile.job';
import { PaymentHooks } from './payment-hooks';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { WechatPayClient } from './wechat-pay.client';
import { loadPayCredentials, PAY_CREDENTIALS } from './wechat-pay.credentials';

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
export class PaymentsModule {}
