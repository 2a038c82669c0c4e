import { z } from 'zod';
import { pageOf } from '../pagination';

/** One consumer of the activity stream, as an admin sees it. */
export const StreamConsumerStatus = z.object({
  name: z.string(),
  /** Position of the last event it handled. */
  position: z.number().int(),
  /** Events in the stream it has not handled yet. */
  lag: z.number().int(),
  /** When the oldest of those was received (null when caught up). */
  oldestWaitingAt: z.iso.datetime().nullable(),
  /** Failed tries of the event it is stuck on (0 when it is not). */
  attempts: z.number().int(),
  retryAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  deadLetters: z.number().int(),
});
export type StreamConsumerStatus = z.infer<typeof StreamConsumerStatus>;

export const StreamStatusResponse = z.object({
  /** Position of the newest event in the stream. */
  head: z.number().int(),
  /** Events stored but not yet given a position. */
  unsequenced: z.number().int(),
  consumers: z.array(StreamConsumerStatus),
});
export type StreamStatusResponse = z.infer<typeof StreamStatusResponse>;

export const DeadLetter = z.object({
  id: z.string(),
  consumer: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  error: z.string(),
  attempts: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

/** Open dead letters, newest first (query: `PageQuery`). */
export const DeadLetterList = pageOf(DeadLetter);
export type DeadLetterList = z.infer<typeof DeadLetterList>;

export const ReplayResponse = z.object({ replayed: z.literal(true) });
export type ReplayResponse = z.infer<typeof ReplayResponse>;
