import type { SalesMemberEntity } from './sales-org.entity';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China (YYYY-MM-DD) at an instant: leave is set and read in days there. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Why round-robin would pass a member over now, or null when it would not. */
export function unavailableBecause(member: Pick<SalesMemberEntity, 'paused' | 'awayUntil' | 'capacity'>, openLeads: number, now: Date): 'paused' | 'on_leave' | 'at_capacity' | null {
  if (member.paused) return 'paused';
  if (member.awayUntil && member.awayUntil >= chinaDate(now)) return 'on_leave';
  if (member.capacity !== null && openLeads >= member.capacity) return 'at_capacity';
  return null;
}
