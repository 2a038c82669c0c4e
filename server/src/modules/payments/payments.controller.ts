import { Controller, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { Api } from '@leadloop/shared';
import { AppError } from '../../core/app-error';
import { Route } from '../../core/route';
import { PaymentsService } from './payments.service';

@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /** WeChat retries until it gets a 2xx: duplicates and applied ones get one; refused ones do not. */
  @Route(Api.wechatPayNotify)
  async notify(@Req() req: RawBodyRequest<Request>) {
    const header = (name: string) => String(req.headers[name] ?? '');
    const outcome = await this.payments.handleNotification(
      { timestamp: header('wechatpay-timestamp'), nonce: header('wechatpay-nonce'), signature: header('wechatpay-signature'), serial: header('wechatpay-serial') },
      req.rawBody?.toString('utf8') ?? '',
    );
    if (outcome === 'rejected') throw new AppError('PAYMENT_NOTIFICATION_INVALID', 'Notification refused');
    return { code: 'SUCCESS' as const, message: '成功' };
  }
}
