import { z } from 'zod';

/**
 * What an instant from a client may be: ISO 8601 with an offset, between 2020 and 2100. Every
 * stored instant is a UTC `DATETIME(3)`; an offset can move a valid-looking string past year 9999
 * or before year 1, which the database cannot hold (and year 0000 it would store as a zero date).
 */
export const INSTANT_RANGE = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2100, 0, 1) } as const;

/** An instant in `INSTANT_RANGE`; `code` is the refusal's code when a route gives it its own. */
export function instant(code?: string) {
  return z.iso.datetime({ offset: true }).refine((at) => Date.parse(at) >= INSTANT_RANGE.from && Date.parse(at) < INSTANT_RANGE.to, {
    message: 'must be an instant between 2020 and 2100',
    ...(code ? { params: { code } } : {}),
  });
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time calendar day (YYYY-MM-DD) an instant falls in: where customers and sales are. */
export function chinaDayOf(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China-time calendar day (YYYY-MM-DD) starts. */
export function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}
