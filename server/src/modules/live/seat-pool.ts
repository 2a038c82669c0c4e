import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AppError } from '../../core/app-error';
import { isMysql } from '../../database/sql';

/** Slots per event: enough for concurrent sign-ups to spread, few enough to sum cheaply. */
export const SEAT_SLOTS = 16;
const TAKE_ATTEMPTS = 4;

interface Slot {
  slot: number;
  capacity: number;
  taken: number;
}

/**
 * An event's seats, split into slots whose capacities sum to the event's. Taking a seat is a
 * guarded single-row update (`taken < capacity`) on a slot that had room a moment ago, so the
 * total can never exceed the capacity, and sign-ups for one event do not queue on one row.
 */
@Injectable()
export class SeatPool {
  constructor(private readonly dataSource: DataSource) {}

  async create(em: EntityManager, eventId: string, capacity: number): Promise<void> {
    await em.query(
      `INSERT INTO live_seat_slots (event_id, slot, capacity, taken) VALUES ${Array.from({ length: SEAT_SLOTS }, () => '(?, ?, ?, 0)').join(', ')}`,
      split(capacity, SEAT_SLOTS).flatMap((cap, slot) => [eventId, slot, cap]),
    );
  }

  /** Re-spreads a new capacity over the slots, keeping every slot at or above what it holds. */
  async resize(em: EntityManager, eventId: string, capacity: number): Promise<void> {
    const slots = await this.slots(em, eventId, true);
    const taken = slots.reduce((sum, s) => sum + s.taken, 0);
    if (capacity < taken) throw new AppError('LIVE_LOCKED', `Capacity cannot drop below the ${taken} seats already taken`);
    const extra = split(capacity - taken, slots.length);
    for (const [i, s] of slots.entries()) {
      await em.query('UPDATE live_seat_slots SET capacity = ? WHERE event_id = ? AND slot = ?', [s.taken + extra[i], eventId, s.slot]);
    }
  }

  /** A slot to try first, without reading: most sign-ups find room in it. */
  guess(): number {
    return Math.floor(Math.random() * SEAT_SLOTS);
  }

  /**
   * A slot that had room a moment ago (a plain read: no lock), or null when the event is full.
   * The caller claims it as the last statement of its transaction, so the slot's row lock is
   * held only until the commit.
   */
  async pick(em: EntityManager, eventId: string): Promise<number | null> {
    const open = (await this.slots(em, eventId, false)).filter((s) => s.taken < s.capacity);
    return open.length === 0 ? null : open[Math.floor(Math.random() * open.length)].slot;
  }

  /** Takes a seat in `slot`, or in another slot if that one filled meanwhile: the slot taken, or null when full. */
  async claim(em: EntityManager, eventId: string, slot: number): Promise<number | null> {
    let candidate: number | null = slot;
    for (let attempt = 0; attempt < TAKE_ATTEMPTS && candidate !== null; attempt++) {
      const result = await em
        .createQueryBuilder()
        .update('live_seat_slots')
        .set({ taken: () => 'taken + 1' })
        .where('event_id = :eventId AND slot = :candidate AND taken < capacity', { eventId, candidate })
        .execute();
      if (result.affected === 1) return candidate;
      candidate = await this.pick(em, eventId);
    }
    return null;
  }

  async release(em: EntityManager, eventId: string, slot: number): Promise<void> {
    await em.createQueryBuilder().update('live_seat_slots').set({ taken: () => 'taken - 1' }).where('event_id = :eventId AND slot = :slot AND taken > 0', { eventId, slot }).execute();
  }

  /** Seats taken per event. */
  async taken(eventIds: string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    if (eventIds.length === 0) return new Map();
    const rows: { event_id: string; n: string | number }[] = await em
      .createQueryBuilder()
      .select('s.event_id', 'event_id')
      .addSelect('SUM(s.taken)', 'n')
      .from('live_seat_slots', 's')
      .where({ event_id: In(eventIds) })
      .groupBy('s.event_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
  }

  private async slots(em: EntityManager, eventId: string, lock: boolean): Promise<Slot[]> {
    const rows: Slot[] = await em.query(`SELECT slot, capacity, taken FROM live_seat_slots WHERE event_id = ? ORDER BY slot${lock && isMysql(em) ? ' FOR UPDATE' : ''}`, [eventId]);
    return rows.map((r) => ({ slot: Number(r.slot), capacity: Number(r.capacity), taken: Number(r.taken) }));
  }
}

/** `total` spread over `parts` as evenly as integers allow. */
export function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}
