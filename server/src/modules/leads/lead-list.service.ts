import { Injectable } from '@nestjs/common';
import { chinaDayOf, chinaDayStart, type FitGrade, type LeadListItem, type LeadListQuery, type LeadSort, type LeadStage, type Page } from '@leadloop/shared';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { z } from 'zod';
import { IdKey, InstantKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { sqlTime } from '../../database/sql';
import { LeadAccess } from './lead-access';
import { filterBySource } from './lead-sources';
import { LeadEntity } from './leads.entity';
import { displayNameOf, LeadViews, lastActivityOf, named } from './lead-views';

/** Each sort reads its own index (`ix_leads_*`: the filter's column, the sort column, person id). */
const SortColumns: Record<LeadSort, string> = { score: 'l.intent_key', activity: 'l.last_activity_at', created: 'l.created_at', follow_up: 'l.next_follow_up_at' };
const Cursors = {
  score: new KeysetCursor('leads:score', z.tuple([z.number().finite(), IdKey])),
  activity: new KeysetCursor('leads:activity', z.tuple([InstantKey, IdKey])),
  created: new KeysetCursor('leads:created', z.tuple([InstantKey, IdKey])),
  follow_up: new KeysetCursor('leads:follow_up', z.tuple([InstantKey, IdKey])),
};
/** Newest or highest first, except the follow-up day: soonest first (overdue ones lead). */
const Ascending: ReadonlySet<LeadSort> = new Set(['follow_up']);
const TimeColumns: Record<Exclude<LeadSort, 'score'>, 'last_activity_at' | 'created_at' | 'next_follow_up_at'> = { activity: 'last_activity_at', created: 'created_at', follow_up: 'next_follow_up_at' };

interface LeadRow {
  person_id: string;
  stage: LeadStage;
  fit_grade: FitGrade;
  intent_key: number | string;
  owner_staff_id: string | null;
  last_kind: string;
  last_activity_at: Date | string;
  created_at: Date | string;
  next_follow_up_at: Date | string | null;
  real_name: string | null;
  nickname: string | null;
  company: string | null;
  job_title: string | null;
  phone_masked: string | null;
  account_id: string | null;
}

/** Days are China time (UTC+8), as the console's date pickers mean them; `to` includes its day. */
const dayStart = chinaDayStart;
const dayEnd = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/**
 * The lead list: the caller's scope (the pool, or their own leads), the filters, one sort, keyset
 * pages. Lead-row filters and the sort use the lead's indexes; profile filters join the person by
 * key, and content / tag / channel filters are EXISTS probes on those tables' own indexes.
 */
@Injectable()
export class LeadListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly views: LeadViews,
  ) {}

  async list(auth: AuthContext, query: LeadListQuery): Promise<Page<LeadListItem>> {
    const scope = this.access.scopeOf(auth);
    const halfLife = await this.views.halfLifeDays();
    const sortColumn = SortColumns[query.sort];
    const qb = this.dataSource.manager
      .createQueryBuilder(LeadEntity, 'l')
      .innerJoin('persons', 'p', 'p.id = l.person_id')
      .select(['l.person_id AS person_id', 'l.stage AS stage', 'l.fit_grade AS fit_grade', 'l.intent_key AS intent_key', 'l.owner_staff_id AS owner_staff_id'])
      .addSelect(['l.last_kind AS last_kind', 'l.last_activity_at AS last_activity_at', 'l.created_at AS created_at', 'l.next_follow_up_at AS next_follow_up_at'])
      .addSelect(['p.real_name AS real_name', 'p.nickname AS nickname', 'p.company AS company', 'p.job_title AS job_title', 'p.phone_masked AS phone_masked', 'p.account_id AS account_id'])
      .where('p.erased_at IS NULL');
    if (!scope.all) qb.andWhere('l.owner_staff_id = :scopeOwner', { scopeOwner: scope.ownerStaffId });
    this.filterLead(qb, query, halfLife);
    this.filterPerson(qb, query);
    this.filterSource(qb, query);
    if (query.sort === 'follow_up') qb.andWhere('l.next_follow_up_at IS NOT NULL');
    this.after(qb, query.sort, sortColumn, query.cursor);
    const direction = Ascending.has(query.sort) ? 'ASC' : 'DESC';
    const rows: LeadRow[] = await qb.orderBy(sortColumn, direction).addOrderBy('l.person_id', direction).limit(query.limit + 1).getRawMany();

    const page = (Cursors[query.sort] as KeysetCursor<any>).page(rows, query.limit, (r: LeadRow) => [query.sort === 'score' ? Number(r.intent_key) : new Date(r[TimeColumns[query.sort as Exclude<LeadSort, 'score'>]] as Date | string).getTime(), r.person_id]);
    const [owners, accounts] = await Promise.all([this.views.staffNames(page.items.map((r) => r.owner_staff_id)), this.views.accountNames(page.items.map((r) => r.account_id))]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({
        id: r.person_id,
        displayName: displayNameOf({ name: r.real_name, nickname: r.nickname }),
        company: r.company,
        title: r.job_title,
        phoneMasked: r.phone_masked,
        stage: r.stage,
        grade: r.fit_grade,
        score: this.views.scoreNow(Number(r.intent_key), halfLife),
        owner: named(r.owner_staff_id, owners),
        account: named(r.account_id, accounts),
        lastActivity: lastActivityOf(r.last_kind, new Date(r.last_activity_at)),
        createdAt: new Date(r.created_at).toISOString(),
        followUpOn: r.next_follow_up_at ? chinaDayOf(new Date(r.next_follow_up_at)) : null,
      })),
    };
  }

  /** Filters on the lead row itself: stage, grade, score now (as a key range), owner, dates. */
  private filterLead(qb: SelectQueryBuilder<LeadEntity>, q: LeadListQuery, halfLife: number): void {
    if (q.stage) qb.andWhere('l.stage = :stage', { stage: q.stage });
    if (q.grade) qb.andWhere('l.fit_grade = :grade', { grade: q.grade });
    if (q.owner) qb.andWhere('l.owner_staff_id = :owner', { owner: q.owner });
    // a score shown rounded: "≥ 60" includes 59.5, "≤ 80" includes 80.49
    if (q.scoreMin !== undefined) qb.andWhere('l.intent_key >= :keyMin', { keyMin: this.views.keyOfScoreNow(Math.max(0, q.scoreMin - 0.5), halfLife) });
    if (q.scoreMax !== undefined) qb.andWhere('l.intent_key < :keyMax', { keyMax: this.views.keyOfScoreNow(q.scoreMax + 0.5, halfLife) });
    if (q.createdFrom) qb.andWhere('l.created_at >= :createdFrom', { createdFrom: sqlTime(dayStart(q.createdFrom)) });
    if (q.createdTo) qb.andWhere('l.created_at < :createdTo', { createdTo: sqlTime(dayEnd(q.createdTo)) });
    if (q.activeFrom) qb.andWhere('l.last_activity_at >= :activeFrom', { activeFrom: sqlTime(dayStart(q.activeFrom)) });
    if (q.activeTo) qb.andWhere('l.last_activity_at < :activeTo', { activeTo: sqlTime(dayEnd(q.activeTo)) });
  }

  /** Filters on the profile and its tags and first channel. */
  private filterPerson(qb: SelectQueryBuilder<LeadEntity>, q: LeadListQuery): void {
    if (q.account) qb.andWhere('p.account_id = :account', { account: q.account });
    if (q.industry) qb.andWhere('p.industry = :industry', { industry: q.industry });
    if (q.province) qb.andWhere('p.province = :province', { province: q.province });
    if (q.city) qb.andWhere('p.city = :city', { city: q.city });
    if (q.tag) qb.andWhere('EXISTS (SELECT 1 FROM person_tags t WHERE t.person_id = l.person_id AND t.tag = :tag)', { tag: q.tag });
    if (q.channel) qb.andWhere('EXISTS (SELECT 1 FROM person_attribution a WHERE a.person_id = l.person_id AND a.first_channel_id = :channel)', { channel: q.channel });
  }

  /** The people behind a content's numbers (`lead-sources.ts`). */
  private filterSource(qb: SelectQueryBuilder<LeadEntity>, q: LeadListQuery): void {
    if (q.contentType && q.contentId) filterBySource(qb, { contentType: q.contentType, contentId: q.contentId, action: q.action, minutes: q.minutes });
  }

  /** The keyset: rows after the cursor's (sort value, person id), in the sort's direction. */
  private after(qb: SelectQueryBuilder<LeadEntity>, sort: LeadSort, column: string, cursor: string | undefined): void {
    const position = (Cursors[sort] as KeysetCursor<any>).decode(cursor) as [number, string] | null;
    if (!position) return;
    const value = sort === 'score' ? position[0] : sqlTime(new Date(position[0]));
    const beyond = Ascending.has(sort) ? '>' : '<';
    qb.andWhere(`(${column} ${beyond} :afterValue OR (${column} = :afterValue AND l.person_id ${beyond} :afterId))`, { afterValue: value, afterId: position[1] });
  }
}
