import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PaymentOrderEntity } from './payments.entity';

export interface PaymentHandler {
  /** Inside the transaction that marks the order paid (runs once per order). */
  paid(em: EntityManager, order: PaymentOrderEntity): Promise<void>;
  /** Inside the transaction that closes an unpaid order (timeout or cancellation). */
  closed(em: EntityManager, order: PaymentOrderEntity): Promise<void>;
}

/** What an order is for (a live sign-up) reacts to its payment here, so payments stays generic. */
@Injectable()
export class PaymentHooks {
  private handler: PaymentHandler | null = null;

  register(handler: PaymentHandler): void {
    this.handler = handler;
  }

  get current(): PaymentHandler {
    if (!this.handler) throw new Error('No payment handler registered');
    return this.handler;
  }
}
