import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PaymentOrderEntity } from './payments.entity';

export interface PaymentHandler {
  /** Inside the transaction that marks the order paid (runs once per order). */
  paid(em: EntityManager, order: PaymentOrderEntity): Promise<void>;
  /** Inside the transaction that closes an unpaid order (timeout or cancellation). */
  closed(em: EntityManager, order: PaymentOrderEntity): Promise<void>;
}

/**
 * What an order is for (a live sign-up) reacts to its payment here, so payments stays generic.
 * Orders carry no kind yet, so one handler answers for all of them: a second registration is a
 * wiring mistake and throws, naming both.
 */
@Injectable()
export class PaymentHooks {
  private handler: { key: string; handler: PaymentHandler } | null = null;

  register(key: string, handler: PaymentHandler): void {
    if (this.handler) throw new Error(`Payment handler ${key} cannot register: ${this.handler.key} already handles payments`);
    this.handler = { key, handler };
  }

  get current(): PaymentHandler {
    if (!this.handler) throw new Error('No payment handler registered');
    return this.handler.handler;
  }
}
