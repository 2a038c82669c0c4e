import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AppError } from '../../core/app-error';
import { forUpdateSql } from '../../database/locks';

/** Slots per event: enough for concurrent sign-ups to spread, few enough to sum cheaply. */
export const SEAT_SLOTS = 16;

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

  /** Takes a seat, in `slot` when it has room: the slot taken, or null when the event is full. */
  async claim(em: EntityManager, eventId: string, slot: number): Promise<number | null> {
    return (await this.claimMany(em, eventId, 1, slot))[0] ?? null;
  }

  /**
   * Takes `count` seats: all in `slot` when it has room for them (one guarded update; the usual
   * case), else spread over the slots with room, read and updated under lock. Answers the slot of
   * each seat taken: fewer than `count` when the event fills.
   */
  async claimMany(em: EntityManager, eventId: string, count: number, slot: number): Promise<number[]> {
    if (count === 0) return [];
    if (await this.take(em, eventId, slot, count, true)) return new Array<number>(count).fill(slot);
    const seats: number[] = [];
    for (const s of await this.slots(em, eventId, true)) {
      const n = Math.min(s.capacity - s.taken, count - seats.length);
      if (n <= 0) continue;
      await this.take(em, eventId, s.slot, n, false);
      seats.push(...new Array<number>(n).fill(s.slot));
      if (seats.length === count) break;
    }
    return seats;
  }

  /** Adds `n` to a slot's seats taken, only if it has room when `guarded`: whether it did. */
  private async take(em: EntityManager, eventId: string, slot: number, n: number, guarded: boolean): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update('live_seat_slots')
      .set({ taken: () => 'taken + :n' })
      .where(`event_id = :eventId AND slot = :slot${guarded ? ' AND taken + :n <= capacity' : ''}`, { eventId, slot, n })
      .execute();
    return result.affected === 1;
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
    const rows: Slot[] = await em.query(`SELECT slot, capacity, taken FROM live_seat_slots WHERE event_id = ? ORDER BY slot${lock ? forUpdateSql(em) : ''}`, [eventId]);
    return rows.map((r) => ({ slot: Number(r.slot), capacity: Number(r.capacity), taken: Number(r.taken) }));
  }
}

/** `total` spread over `parts` as evenly as integers allow. */
export function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}
