import { Column, Entity, PrimaryColumn } from 'typeorm';

const time = (name: string, nullable = false) => Column({ name, type: 'datetime', precision: 3, nullable });
const ref = (name: string, nullable = false) => Column({ name, type: 'varchar', length: 26, nullable });

/** Who wrote an event: the app's own reports (`POST /api/events`) or the server, for what it saw happen. */
export type EventOrigin = 'app' | 'server';

/**
 * The activity stream: append-only, one row per touchpoint the app reported or action the server
 * recorded. `seq` is its position in the stream, given after it committed (see `Sequencer`).
 */
@Entity('events')
export class EventEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'bigint', nullable: true }) seq!: string | null;
  @Column({ type: 'varchar', length: 8 }) origin!: EventOrigin;
  @Column({ name: 'source_key', type: 'varchar', length: 64 }) sourceKey!: string;
  @Column({ name: 'client_event_id', type: 'varchar', length: 64 }) clientEventId!: string;
  @Column({ type: 'varchar', length: 24 }) type!: string;
  @ref('person_id', true) personId!: string | null;
  @Column({ name: 'anonymous_id', type: 'varchar', length: 64, nullable: true }) anonymousId!: string | null;
  @ref('share_node_id', true) shareNodeId!: string | null;
  @ref('channel_id', true) channelId!: string | null;
  @Column({ name: 'launch_scene', type: 'int', nullable: true }) launchScene!: number | null;
  @Column({ type: 'varchar', length: 128 }) page!: string;
  @Column({ type: 'text', nullable: true }) props!: string | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) discount!: string | null;
  @Column({ type: 'int', default: 0 }) resends!: number;
  @time('occurred_at') occurredAt!: Date;
  @time('received_at') receivedAt!: Date;
}

/** The next position the sequencer hands out (one row per stream). */
@Entity('stream_sequences')
export class StreamSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) stream!: string;
  @Column({ name: 'next_seq', type: 'bigint' }) nextSeq!: string;
}

/** A consumer's durable progress: every event up to `position` is handled. */
@Entity('stream_consumers')
export class StreamConsumerEntity {
  @PrimaryColumn({ type: 'varchar', length: 48 }) name!: string;
  @Column({ type: 'bigint' }) position!: string;
  /** Failed tries of the event just after `position`; reset when it goes through or is quarantined. */
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @time('retry_at', true) retryAt!: Date | null;
  @Column({ name: 'last_error', type: 'varchar', length: 512, nullable: true }) lastError!: string | null;
  @time('updated_at') updatedAt!: Date;
}

/** An event a consumer gave up on after its retries; the stream went on without it. */
@Entity('stream_dead_letters')
export class DeadLetterEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'varchar', length: 48 }) consumer!: string;
  @ref('event_id') eventId!: string;
  @Column({ type: 'bigint' }) seq!: string;
  @Column({ type: 'varchar', length: 512 }) error!: string;
  @Column({ type: 'int' }) attempts!: number;
  @time('created_at') createdAt!: Date;
  @time('replayed_at', true) replayedAt!: Date | null;
}

export const activityEntities = [EventEntity, StreamSequenceEntity, StreamConsumerEntity, DeadLetterEntity];
