import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OrderStatus = 'created' | 'paid' | 'closed' | 'refunding' | 'refunded';

@Entity('payment_orders')
export class PaymentOrderEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'out_trade_no', type: 'varchar', length: 32 }) outTradeNo!: string;
  @Column({ name: 'signup_id', type: 'varchar', length: 26 }) signupId!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ name: 'event_id', type: 'varchar', length: 26 }) eventId!: string;
  @Column({ name: 'amount_fen', type: 'int' }) amountFen!: number;
  @Column({ type: 'varchar', length: 16 }) status!: OrderStatus;
  @Column({ name: 'transaction_id', type: 'varchar', length: 32, nullable: true }) transactionId!: string | null;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true }) paidAt!: Date | null;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('payment_refunds')
export class PaymentRefundEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'out_refund_no', type: 'varchar', length: 64 }) outRefundNo!: string;
  @Column({ name: 'order_id', type: 'varchar', length: 26 }) orderId!: string;
  @Column({ name: 'amount_fen', type: 'int' }) amountFen!: number;
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ name: 'refund_id', type: 'varchar', length: 32, nullable: true }) refundId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('payment_notifications')
export class PaymentNotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'notification_id', type: 'varchar', length: 64, nullable: true }) notificationId!: string | null;
  @Column({ name: 'out_trade_no', type: 'varchar', length: 32, nullable: true }) outTradeNo!: string | null;
  @Column({ type: 'varchar', length: 24 }) outcome!: string;
  @Column({ type: 'varchar', length: 128 }) detail!: string;
  @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt!: Date;
}

export const paymentEntities = [PaymentOrderEntity, PaymentRefundEntity, PaymentNotificationEntity];
