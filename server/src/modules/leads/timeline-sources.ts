import { Injectable } from '@nestjs/common';
import type { LeadTimelineKind } from '@leadloop/shared';
import { sqlTime } from '../../database/sql';

/** The keyset position of a timeline page: the last item's instant (ms) and id. */
export type TimelineAfter = [number, string] | null;

/** One item another feature puts on a lead's timeline, already in the product's words. */
export interface TimelineSourceEntry {
  id: string;
  at: Date;
  /** Overrides the kind's label (e.g. 接受线索 for a `feedback` item). */
  label?: string;
  detail: string | null;
  /** The staff member's name who did it. */
  by: string | null;
}

/**
 * A feature whose records belong on a lead's timeline (sales feedback): it reads its own person
 * index after the keyset position, newest first. Registered at onModuleInit, so the lead pages
 * never import the feature; a name registered twice is a wiring mistake.
 */
export interface LeadTimelineSource {
  name: string;
  kind: LeadTimelineKind;
  entries(personId: string, after: TimelineAfter, take: number): Promise<TimelineSourceEntry[]>;
}

@Injectable()
export class LeadTimelineSources {
  private readonly sources = new Map<string, LeadTimelineSource>();

  register(source: LeadTimelineSource): void {
    if (this.sources.has(source.name)) throw new Error(`Timeline source ${source.name} is registered twice`);
    this.sources.set(source.name, source);
  }

  all(): LeadTimelineSource[] {
    return [...this.sources.values()];
  }
}

/** `AND (t.at < ? OR (t.at = ? AND t.id < ?))` after a keyset position, for a source's own query. */
export function timelineKeyset(alias: string, column: string, after: TimelineAfter): { sql: string; params: unknown[] } {
  if (!after) return { sql: '', params: [] };
  const at = sqlTime(new Date(after[0]));
  return { sql: ` AND (${alias}.${column} < ? OR (${alias}.${column} = ? AND ${alias}.id < ?))`, params: [at, at, after[1]] };
}
