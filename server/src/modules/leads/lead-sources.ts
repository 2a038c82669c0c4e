import { Injectable } from '@nestjs/common';
import { type LeadSourceAction, type LeadSourceContentType, type LeadSourceCount, type LeadSourceCounts, type LeadSourceCountsQuery, LeadWatchThresholds } from '@leadloop/shared';
import { DataSource, type SelectQueryBuilder } from 'typeorm';

/**
 * The people behind a content's numbers, defined once: the pool's filter (an EXISTS probe per
 * lead) and the count a report links from (read from the content's own rows) use the same rows,
 * so a link that says 12 opens 12 leads. Without an action: anyone who converted on the content.
 */
interface SourceProbe {
  /** The content type the rows belong to; another type matches nobody. */
  contentType: LeadSourceContentType | null;
  /** The rows (with their alias), the person they are about, and which of them count. */
  rows: [table: string, alias: string];
  person: string;
  where: string;
  /** A condition on the lead itself. */
  lead?: string;
}

const CONVERTED = "c.content_type = :contentType AND c.content_id = :contentId AND c.kind IN ('signup', 'download', 'contact_request', 'payment')";
const Probes: Record<LeadSourceAction | 'all', SourceProbe> = {
  all: { contentType: null, rows: ['conversions', 'c'], person: 'c.person_id', where: CONVERTED },
  signed_up: { contentType: 'live', rows: ['live_signups', 's'], person: 's.person_id', where: "s.event_id = :contentId AND s.status = 'confirmed'" },
  attended: { contentType: 'live', rows: ['live_attendance', 'w'], person: 'w.person_id', where: 'w.event_id = :contentId AND w.minutes > 0' },
  watched: { contentType: 'live', rows: ['live_attendance', 'w'], person: 'w.person_id', where: 'w.event_id = :contentId AND w.minutes >= :minutes' },
  downloaded: { contentType: 'whitepaper', rows: ['whitepaper_downloads', 'd'], person: 'd.person_id', where: 'd.whitepaper_id = :contentId' },
  // a contact request is the company's, not the content's: the people of this content who asked
  contact_requested: { contentType: null, rows: ['conversions', 'c'], person: 'c.person_id', where: CONVERTED, lead: 'l.contact_requested_at IS NOT NULL' },
};

/** The numbers each kind of content shows, in the order a report lists them. */
const NumbersOf: Record<LeadSourceContentType, { action: LeadSourceAction; minutes?: number }[]> = {
  live: [{ action: 'signed_up' }, { action: 'attended' }, ...LeadWatchThresholds.map((minutes) => ({ action: 'watched' as const, minutes })), { action: 'contact_requested' }],
  whitepaper: [{ action: 'downloaded' }, { action: 'contact_requested' }],
  card: [{ action: 'contact_requested' }],
};

export interface SourceFilter {
  contentType: LeadSourceContentType;
  contentId: string;
  action?: LeadSourceAction;
  minutes?: number;
}

/** Narrows a lead query (alias `l`) to the people behind one of a content's numbers. */
export function filterBySource(qb: SelectQueryBuilder<any>, source: SourceFilter): void {
  const probe = Probes[source.action ?? 'all'];
  const params = { contentType: source.contentType, contentId: source.contentId, minutes: source.minutes ?? 0 };
  if (probe.contentType && probe.contentType !== source.contentType) {
    qb.andWhere('1 = 0');
    return;
  }
  const [table, alias] = probe.rows;
  qb.andWhere(`EXISTS (SELECT 1 FROM ${table} ${alias} WHERE ${probe.person} = l.person_id AND ${probe.where})${probe.lead ? ` AND ${probe.lead}` : ''}`, params);
}

@Injectable()
export class LeadSources {
  constructor(private readonly dataSource: DataSource) {}

  /** Each of the content's numbers, counted as the pool filtered to it would list them (leads of persons not erased). */
  async counts(query: LeadSourceCountsQuery): Promise<LeadSourceCounts> {
    const counts = await Promise.all(
      NumbersOf[query.contentType].map(async ({ action, minutes }): Promise<LeadSourceCount> => ({ action, minutes: minutes ?? null, count: await this.count({ ...query, action, minutes }) })),
    );
    return { counts };
  }

  private async count(source: SourceFilter & { action: LeadSourceAction }): Promise<number> {
    const probe = Probes[source.action];
    const [table, alias] = probe.rows;
    const qb = this.dataSource
      .createQueryBuilder()
      .select(`COUNT(DISTINCT ${probe.person})`, 'n')
      .from(table, alias)
      .innerJoin('leads', 'l', `l.person_id = ${probe.person}`)
      .innerJoin('persons', 'p', 'p.id = l.person_id AND p.erased_at IS NULL')
      .where(probe.where, { contentType: source.contentType, contentId: source.contentId, minutes: source.minutes ?? 0 });
    if (probe.lead) qb.andWhere(probe.lead);
    const row: { n: string | number } | undefined = await qb.getRawOne();
    return Number(row?.n ?? 0);
  }
}
