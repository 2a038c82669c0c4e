import { Injectable } from '@nestjs/common';
import { decayed, intentAt, IntentSignalLabels, type ContentType, type IntentSignal, type LeadScoreView, type LeadSettingsView, type PreviewRequest, type PreviewResponse, type RescoreProgress, type RuleSetDraft, type RuleSetView, type UpdateLeadSettings } from '@leadloop/shared';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../core/clock';
import { lockForUpdate } from '../../database/locks';
import type { AuthContext } from '../../core/route';
import { PersonEntity } from '../identity/identity.entity';
import { LeadAccess } from '../leads/lead-access';
import { LeadEntity, LeadSettingsEntity, ScoreItemEntity } from '../leads/leads.entity';
import { ContentTitles } from '../share-chain/content-titles';
import { StaffEntity } from '../staff/staff.entity';
import { RescoreRuns } from './rescore-runs';
import { RuleSets } from './rule-sets';
import { Scorer } from './scorer';

const BREAKDOWN_ITEMS = 200;
const PREVIEW_LEADS = 5;

/** What staff read and change of scoring: a lead's breakdown, the rules and settings, a preview, re-score progress. */
@Injectable()
export class ScoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly rules: RuleSets,
    private readonly runs: RescoreRuns,
    private readonly scorer: Scorer,
    private readonly titles: ContentTitles,
    private readonly clock: Clock,
  ) {}

  /** Why this lead is 72/B: every rule that fired, the event behind it, its points then and now. */
  async breakdown(auth: AuthContext, personId: string): Promise<LeadScoreView> {
    // one snapshot: the scorer writes the items and the lead's key together, so two plain reads could
    // pair new items with the old key (a breakdown of 下载白皮书 summing to 0)
    const { lead, items } = await this.dataSource.transaction(async (em) => ({
      lead: await this.access.readable(auth, personId, em),
      items: await em.find(ScoreItemEntity, { where: { personId }, order: { occurredAt: 'DESC', id: 'DESC' }, take: BREAKDOWN_ITEMS }),
    }));
    const { settings } = await this.rules.active();
    const h = settings.halfLifeDays;
    const now = this.clock.nowMs();
    const titleOf = await this.titles.titlesOf(items.flatMap((i) => (i.contentType && i.contentId ? [{ contentType: i.contentType as ContentType, contentId: i.contentId }] : [])));
    return {
      personId,
      grade: lead.fitGrade,
      fitPoints: lead.fitPoints,
      intent: Math.max(0, intentAt(lead.intentKey, now, h)),
      asOf: new Date(now).toISOString(),
      halfLifeDays: h,
      ruleVersion: lead.ruleVersion,
      scoredAt: lead.scoredAt?.toISOString() ?? null,
      items: items.map((i) => ({
        ruleKey: i.ruleKey,
        label: i.ruleLabel,
        dimension: i.dimension,
        activity: i.signal ? (IntentSignalLabels[i.signal as IntentSignal] ?? null) : null,
        contentTitle: i.contentType && i.contentId ? titleOf({ contentType: i.contentType as ContentType, contentId: i.contentId }) : null,
        at: i.occurredAt.toISOString(),
        points: i.points,
        pointsNow: i.dimension === 'intent' ? decayed(i.points, i.occurredAt.getTime(), now, h) : i.points,
      })),
    };
  }

  async settings(): Promise<LeadSettingsView> {
    return settingsView((await this.rules.active()).settings);
  }

  /** A new half-life changes every lead's stored key: it starts a re-score. */
  updateSettings(auth: AuthContext, body: UpdateLeadSettings): Promise<LeadSettingsView> {
    return this.dataSource.transaction(async (em) => {
      const current = await lockForUpdate(em.createQueryBuilder(LeadSettingsEntity, 's').where("s.id = 'default'")).getOneOrFail();
      const next = { ...current, ...body, updatedByStaffId: auth.staff!.id, updatedAt: this.clock.now() };
      await em.update(LeadSettingsEntity, { id: 'default' }, { halfLifeDays: next.halfLifeDays, mqlMinGrade: next.mqlMinGrade, mqlMinIntent: next.mqlMinIntent, updatedByStaffId: next.updatedByStaffId, updatedAt: next.updatedAt });
      if (current.halfLifeDays !== body.halfLifeDays) await this.runs.start(em, 'half_life', current.ruleVersion, body.halfLifeDays);
      return settingsView(next);
    });
  }

  async ruleSet(): Promise<RuleSetView> {
    const { version } = await this.rules.active();
    return this.ruleSetView(version);
  }

  /** Saves a new version, makes it active and starts re-scoring every lead with it. */
  async saveRuleSet(auth: AuthContext, draft: RuleSetDraft): Promise<RuleSetView> {
    const version = await this.dataSource.transaction(async (em) => {
      const saved = await this.rules.save(em, draft, auth.staff!.id);
      const { settings } = await this.rules.active(em);
      await this.runs.start(em, 'rules', saved, settings.halfLifeDays);
      return saved;
    });
    return this.ruleSetView(version);
  }

  /** Current vs draft grade and intent for the leads named, or the 5 most recently active. */
  async preview(body: PreviewRequest): Promise<PreviewResponse> {
    const em = this.dataSource.manager;
    const leads = body.personIds
      ? await em.find(LeadEntity, { where: { personId: In(body.personIds) } })
      : await em.find(LeadEntity, { order: { lastActivityAt: 'DESC', personId: 'DESC' }, take: PREVIEW_LEADS });
    if (leads.length === 0) return { items: [] };
    const { settings } = await this.rules.active();
    const h = settings.halfLifeDays;
    const now = this.clock.nowMs();
    const drafts = new Map((await this.scorer.compute(em, leads.map((l) => l.personId), body.draft, h)).map((s) => [s.personId, s]));
    const people = new Map((await em.find(PersonEntity, { select: { id: true, name: true, nickname: true, company: true }, where: { id: In(leads.map((l) => l.personId)) } })).map((p) => [p.id, p]));
    return {
      items: leads.map((lead) => {
        const draft = drafts.get(lead.personId)!;
        const person = people.get(lead.personId);
        return {
          personId: lead.personId,
          name: person?.name ?? person?.nickname ?? '未留名访客',
          company: person?.company ?? null,
          current: { grade: lead.fitGrade, fitPoints: lead.fitPoints, intent: Math.max(0, intentAt(lead.intentKey, now, h)) },
          draft: { grade: draft.fit.grade, fitPoints: draft.fit.points, intent: Math.max(0, intentAt(draft.intentKey, now, h)) },
        };
      }),
    };
  }

  async progress(): Promise<RescoreProgress> {
    return { run: await this.runs.latest() };
  }

  private async ruleSetView(version: number): Promise<RuleSetView> {
    const saved = await this.rules.version(this.dataSource.manager, version);
    const by = saved.createdBy ? await this.dataSource.manager.findOne(StaffEntity, { select: { id: true, name: true }, where: { id: saved.createdBy } }) : null;
    return { version, ...saved.set, createdAt: saved.createdAt.toISOString(), createdBy: by?.name ?? null };
  }
}

function settingsView(s: LeadSettingsEntity): LeadSettingsView {
  return { halfLifeDays: s.halfLifeDays, mqlMinGrade: s.mqlMinGrade, mqlMinIntent: s.mqlMinIntent, ruleVersion: s.ruleVersion, updatedAt: s.updatedAt.toISOString() };
}
