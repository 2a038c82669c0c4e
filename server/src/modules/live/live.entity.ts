import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SignupStatus, WatchMode } from '@leadloop/shared';
import { jsonValue } from '../../database/columns';

const json = { type: 'text' as const, transformer: jsonValue };

@Entity('live_events')
export class LiveEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'varchar', length: 500 }) summary!: string;
  @Column(json) speakers!: { name: string; title: string }[];
  @Column({ name: 'cover_url', type: 'varchar', length: 512, nullable: true }) coverUrl!: string | null;
  /** An uploaded cover in FileStorage (it wins over `coverUrl`). */
  @Column({ name: 'cover_key', type: 'varchar', length: 64, nullable: true }) coverKey!: string | null;
  @Column({ name: 'cover_type', type: 'varchar', length: 32, nullable: true }) coverType!: string | null;
  @Column({ name: 'start_at', type: 'datetime', precision: 3 }) startAt!: Date;
  @Column({ name: 'end_at', type: 'datetime', precision: 3 }) endAt!: Date;
  @Column({ type: 'int' }) capacity!: number;
  @Column({ ...json, name: 'signup_fields' }) signupFields!: string[];
  @Column({ name: 'price_fen', type: 'int' }) priceFen!: number;
  @Column({ name: 'watch_kind', type: 'varchar', length: 16 }) watchKind!: 'channels' | 'stream';
  @Column(json) watch!: WatchMode;
  @Column({ name: 'replay_url', type: 'varchar', length: 512, nullable: true }) replayUrl!: string | null;
  @Column({ ...json, name: 'reminder_offsets' }) reminderOffsets!: number[];
  @Column(json) survey!: { id: string; text: string; choices: string[] }[];
  @Column({ type: 'varchar', length: 16 }) status!: 'draft' | 'published' | 'cancelled';
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'created_by', type: 'varchar', length: 26 }) createdBy!: string;
  @Column({ name: 'survey_pushed_at', type: 'datetime', precision: 3, nullable: true }) surveyPushedAt!: Date | null;
  @Column({ name: 'replay_pushed_at', type: 'datetime', precision: 3, nullable: true }) replayPushedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('live_signups')
export class LiveSignupEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'event_id', type: 'varchar', length: 26 }) eventId!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: SignupStatus;
  @Column({ name: 'holds_seat', type: 'tinyint' }) holdsSeat!: number;
  @Column({ name: 'seat_slot', type: 'int', nullable: true }) seatSlot!: number | null;
  @Column({ type: 'tinyint' }) paid!: number;
  @Column({ name: 'share_node_id', type: 'varchar', length: 26, nullable: true }) shareNodeId!: string | null;
  @Column({ name: 'channel_id', type: 'varchar', length: 26, nullable: true }) channelId!: string | null;
  @Column({ name: 'sharer_staff_id', type: 'varchar', length: 26, nullable: true }) sharerStaffId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true }) confirmedAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true }) cancelledAt!: Date | null;
}

export type GrantPurpose = 'reminder' | 'replay' | 'survey';

/** One accepted one-time subscription = one message WeChat will let us send. */
@Entity('subscription_grants')
export class SubscriptionGrantEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ name: 'event_id', type: 'varchar', length: 26 }) eventId!: string;
  @Column({ name: 'template_id', type: 'varchar', length: 64 }) templateId!: string;
  @Column({ type: 'varchar', length: 16 }) purpose!: GrantPurpose;
  /** available → used (sent) | refused (43101 or declined) */
  @Column({ type: 'varchar', length: 16 }) status!: 'available' | 'used' | 'refused' | 'declined';
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('live_reminders')
export class LiveReminderEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'event_id', type: 'varchar', length: 26 }) eventId!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ name: 'grant_id', type: 'varchar', length: 26 }) grantId!: string;
  /** `start:<minutes before>`, `replay`, `survey` */
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  @Column({ name: 'due_at', type: 'datetime', precision: 3 }) dueAt!: Date;
  /** pending → sending → sent | refused | failed | cancelled | unknown */
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ name: 'claimed_by', type: 'varchar', length: 32, nullable: true }) claimedBy!: string | null;
  @Column({ name: 'claimed_at', type: 'datetime', precision: 3, nullable: true }) claimedAt!: Date | null;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true }) sentAt!: Date | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) error!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** Per person and event: minutes watched, and since when they are away in a WeChat Channels live. */
@Entity('live_attendance')
export class LiveAttendanceEntity {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 26 }) eventId!: string;
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'int' }) minutes!: number;
  @Column({ name: 'first_at', type: 'datetime', precision: 3 }) firstAt!: Date;
  @Column({ name: 'last_at', type: 'datetime', precision: 3 }) lastAt!: Date;
  @Column({ name: 'away_since', type: 'datetime', precision: 3, nullable: true }) awaySince!: Date | null;
}

export const liveEntities = [LiveAttendanceEntity, LiveEventEntity, LiveSignupEntity, SubscriptionGrantEntity, LiveReminderEntity];
