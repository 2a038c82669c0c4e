import { Injectable } from '@nestjs/common';
import { intentAt, intentKey, type FitGrade, type IntentRule, type RuleSetDraft } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { forUpdateSql } from '../../database/locks';
import { insertNew } from '../../database/sql';
import type { EventEntity } from '../activity/activity.entity';
import type { StreamConsumer } from '../activity/pipeline';
import type { LeadSettingsEntity } from '../leads/leads.entity';
import { LeadService, lockActivePersons } from '../leads/leads.service';
import { LeadStages } from '../leads/stages';
import { writeLeadScores, type LeadScoreUpdate } from './lead-scores';
import { RuleSets, type ActiveRules } from './rule-sets';
import { CapCounts, chinaDay, dedupeKeyOf, fire, fitOf, gradeAtLeast, ruleMatches, type Fit, type FitProfile, type Firing, type Signal } from './rules';
import { historyOf, signalsOf } from './signals';

interface LeadState {
  personId: string;
  stage: string;
  scoredAt: unknown;
}

/** A person's scores computed from their whole history (re-score, preview, a lead scored the first time). */
export interface PersonScore {
  personId: string;
  firings: Firing[];
  fit: Fit;
  intentKey: number;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const unique = <T>(xs: Iterable<T>) => [...new Set(xs)];

/**
 * Scores people as they act, off the request path: a consumer of the activity stream. Each batch
 * touches only the people in it — new intent items (deduplicated, within caps counted by index),
 * their decayed-intent key moved by the new items alone, fit recomputed from the profile — and
 * moves their lifecycle stage when a threshold is crossed. A lead never scored before is scored
 * from its whole history once, so whichever of the lead and scoring consumers is ahead, nothing
 * is lost or counted twice.
 */
@Injectable()
export class Scorer implements StreamConsumer {
  readonly name = 'scoring';
  readonly startAt = 'beginning';

  constructor(
    private readonly rules: RuleSets,
    private readonly leads: LeadService,
    private readonly stages: LeadStages,
    private readonly clock: Clock,
  ) {}

  async handle(em: EntityManager, events: EventEntity[]): Promise<void> {
    const read = await signalsOf(em, events);
    // a changed profile re-grades fit; an order makes a lead that should carry its grade from the start
    const changed = events.flatMap((e) => (e.origin === 'server' && (e.type === 'profile_update' || e.type === 'order') && e.personId ? [e.personId] : []));
    // nothing is written about a person whose erasure committed before this batch locked them
    const active = await lockActivePersons(em, [...read.map((s) => s.personId), ...changed]);
    const signals = read.filter((s) => active.has(s.personId));
    const touched = unique([...signals.map((s) => s.personId), ...changed.filter((p) => active.has(p))]);
    if (touched.length === 0) return;
    const rules = await this.rules.active(em);
    await this.leads.ensureLeads(em, events);
    const leads = await this.leadStates(em, touched);
    const neverScored = touched.filter((p) => leads.get(p)?.scoredAt === null);
    await this.rescore(em, neverScored, rules);

    const first = new Set(neverScored);
    const incremental = signals.filter((s) => !first.has(s.personId));
    const firings = fire(rules.set.intentRules, incremental, await this.capCounts(em, incremental, rules.set.intentRules));
    await this.insertIntentItems(em, firings, rules.version);
    const scored = touched.filter((p) => leads.has(p) && !first.has(p));
    const fits = await this.fitsOf(em, scored, rules.set);
    await this.replaceFitItems(em, fits, rules.version);
    const h = rules.settings.halfLifeDays;
    const added = new Map<string, number>();
    for (const f of firings) added.set(f.signal.personId, (added.get(f.signal.personId) ?? 0) + intentKey(f.rule.points, f.signal.at.getTime(), h));
    await writeLeadScores(em, 'add', scored.map((p) => ({ personId: p, intentKey: added.get(p) ?? 0, fitPoints: fits.get(p)!.points, fitGrade: fits.get(p)!.grade })), this.clock.now(), rules.version);
    const engaged = new Set(firings.filter((f) => f.rule.points > 0).map((f) => f.signal.personId));
    await this.advanceStages(em, scored, engaged, rules.settings);
  }

  /**
   * Scores these people from their whole history under `active` and stores it: their items are
   * replaced, their leads' intent key and fit set, stages moved where thresholds are now met.
   */
  async rescore(em: EntityManager, personIds: string[], active: ActiveRules): Promise<void> {
    if (personIds.length === 0) return;
    const scores = await this.compute(em, personIds, active.set, active.settings.halfLifeDays);
    await em.query(`DELETE FROM score_items WHERE person_id IN (${marks(personIds.length)})`, personIds);
    await this.insertIntentItems(em, scores.flatMap((s) => s.firings), active.version);
    await this.replaceFitItems(em, new Map(scores.map((s) => [s.personId, s.fit])), active.version);
    await writeLeadScores(em, 'set', scores.map((s): LeadScoreUpdate => ({ personId: s.personId, intentKey: s.intentKey, fitPoints: s.fit.points, fitGrade: s.fit.grade })), this.clock.now(), active.version);
    const engaged = new Set(scores.filter((s) => s.firings.some((f) => f.rule.points > 0)).map((s) => s.personId));
    await this.advanceStages(em, personIds, engaged, active.settings);
  }

  /** What a rule set makes of these people's histories, without writing anything (re-score, preview). */
  async compute(em: EntityManager, personIds: string[], set: RuleSetDraft, halfLifeDays: number): Promise<PersonScore[]> {
    const history = await historyOf(em, personIds);
    const firings = fire(set.intentRules, history, new CapCounts());
    const fits = await this.fitsOf(em, personIds, set);
    return personIds.map((personId) => {
      const own = firings.filter((f) => f.signal.personId === personId);
      return { personId, firings: own, fit: fits.get(personId)!, intentKey: own.reduce((sum, f) => sum + intentKey(f.rule.points, f.signal.at.getTime(), halfLifeDays), 0) };
    });
  }

  private async leadStates(em: EntityManager, personIds: string[]): Promise<Map<string, LeadState>> {
    // a locking read: a lead the leads consumer committed after this transaction began is seen (a plain read would use the older snapshot)
    const rows: { person_id: string; stage: string; scored_at: unknown }[] = await em.query(`SELECT person_id, stage, scored_at FROM leads WHERE person_id IN (${marks(personIds.length)}) ORDER BY person_id${forUpdateSql(em)}`, personIds);
    return new Map(rows.map((r) => [r.person_id, { personId: r.person_id, stage: r.stage, scoredAt: r.scored_at }]));
  }

  /**
   * How often each (person, rule) these signals may fire has fired: totals for rules with a total
   * cap, the days in the batch for rules with a daily cap, and which of the candidate dedupe keys
   * are taken — three grouped reads on `(person_id, rule_key, day)` and the unique key, no scan.
   */
  private async capCounts(em: EntityManager, signals: Signal[], rules: readonly IntentRule[]): Promise<CapCounts> {
    const counts = new CapCounts();
    const candidates = signals.flatMap((s) => rules.filter((r) => ruleMatches(r, s)).map((r) => ({ s, r, key: dedupeKeyOf(r, s) })));
    if (candidates.length === 0) return counts;
    const people = unique(candidates.map((c) => c.s.personId));
    const totalCapped = unique(candidates.filter((c) => c.r.totalCap !== null).map((c) => c.r.key));
    const dayCapped = unique(candidates.filter((c) => c.r.dailyCap !== null).map((c) => c.r.key));
    const days = unique(candidates.map((c) => chinaDay(c.s.at)));
    type Count = { person_id: string; rule_key: string; day?: number; n: number | string };
    if (totalCapped.length > 0) {
      const rows: Count[] = await em.query(`SELECT person_id, rule_key, COUNT(*) AS n FROM score_items WHERE person_id IN (${marks(people.length)}) AND rule_key IN (${marks(totalCapped.length)}) GROUP BY person_id, rule_key`, [...people, ...totalCapped]);
      for (const r of rows) counts.addTotal(r.person_id, r.rule_key, Number(r.n));
    }
    if (dayCapped.length > 0) {
      const rows: Count[] = await em.query(
        `SELECT person_id, rule_key, day, COUNT(*) AS n FROM score_items WHERE person_id IN (${marks(people.length)}) AND rule_key IN (${marks(dayCapped.length)}) AND day IN (${marks(days.length)}) GROUP BY person_id, rule_key, day`,
        [...people, ...dayCapped, ...days],
      );
      for (const r of rows) counts.addDay(r.person_id, r.rule_key, Number(r.day), Number(r.n));
    }
    const keys = unique(candidates.map((c) => c.key));
    const taken: { person_id: string; rule_key: string; dedupe_key: string }[] = await em.query(`SELECT person_id, rule_key, dedupe_key FROM score_items WHERE person_id IN (${marks(people.length)}) AND dedupe_key IN (${marks(keys.length)})`, [...people, ...keys]);
    for (const t of taken) counts.addKey(t.person_id, t.rule_key, t.dedupe_key);
    return counts;
  }

  private async insertIntentItems(em: EntityManager, firings: Firing[], version: number): Promise<void> {
    const rows = firings.map((f) => ({
      id: newId(f.signal.at.getTime()),
      person_id: f.signal.personId,
      dimension: 'intent',
      rule_key: f.rule.key,
      rule_label: f.rule.label,
      event_id: f.signal.eventId,
      points: f.rule.points,
      rule_version: version,
      occurred_at: f.signal.at,
      dedupe_key: f.dedupeKey,
      day: f.day,
      signal_kind: f.signal.signal,
      content_type: f.signal.contentType,
      content_id: f.signal.contentId,
    }));
    for (let i = 0; i < rows.length; i += 500) await insertNew(em, 'score_items', rows.slice(i, i + 500));
  }

  /** Fit from the person's profile, the account's industry, size and region standing in for missing ones. */
  private async fitsOf(em: EntityManager, personIds: string[], set: RuleSetDraft): Promise<Map<string, Fit>> {
    const fits = new Map<string, Fit>();
    if (personIds.length === 0) return fits;
    type Row = { id: string; industry: string | null; seniority: string | null; size_band: string | null; province: string | null; buying_role: string | null; a_industry: string | null; a_size: string | null; a_province: string | null; is_target: number | null; tier: string | null };
    const rows: Row[] = await em.query(
      `SELECT p.id, p.industry, p.seniority, p.size_band, p.province, p.buying_role, a.industry AS a_industry, a.size_band AS a_size, a.province AS a_province, a.is_target, a.tier
       FROM persons p LEFT JOIN accounts a ON a.id = p.account_id WHERE p.id IN (${marks(personIds.length)})`,
      personIds,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of personIds) {
      const r = byId.get(id);
      const profile: FitProfile = {
        industry: r?.industry ?? r?.a_industry ?? null,
        seniority: r?.seniority ?? null,
        size_band: r?.size_band ?? r?.a_size ?? null,
        province: r?.province ?? r?.a_province ?? null,
        account_tier: Number(r?.is_target ?? 0) === 1 ? (r?.tier ?? null) : null,
        buying_role: r?.buying_role ?? null,
      };
      fits.set(id, fitOf(set.fitRules, set.grades, profile));
    }
    return fits;
  }

  /** A person's fit items are the rules their profile matches now: the old ones go. */
  private async replaceFitItems(em: EntityManager, fits: Map<string, Fit>, version: number): Promise<void> {
    if (fits.size === 0) return;
    const people = [...fits.keys()];
    await em.query(`DELETE FROM score_items WHERE person_id IN (${marks(people.length)}) AND dimension = 'fit'`, people);
    const now = this.clock.now();
    const rows = [...fits].flatMap(([personId, fit]) =>
      fit.matched.map((rule) => ({ id: newId(now.getTime()), person_id: personId, dimension: 'fit', rule_key: rule.key, rule_label: rule.label, event_id: null, points: rule.points, rule_version: version, occurred_at: now, dedupe_key: 'fit', day: chinaDay(now), signal_kind: null, content_type: null, content_id: null })),
    );
    for (let i = 0; i < rows.length; i += 500) await insertNew(em, 'score_items', rows.slice(i, i + 500));
  }

  /**
   * new → engaged on the first intent that counts; engaged (or nurture) → MQL when fit grade and
   * intent now both meet the settings' thresholds. Read after the scores were written.
   */
  private async advanceStages(em: EntityManager, personIds: string[], engaged: Set<string>, settings: LeadSettingsEntity): Promise<void> {
    if (personIds.length === 0) return;
    const rows: { person_id: string; stage: string; fit_grade: FitGrade; intent_key: number | string }[] = await em.query(
      `SELECT person_id, stage, fit_grade, intent_key FROM leads WHERE person_id IN (${marks(personIds.length)})`,
      personIds,
    );
    const now = this.clock.nowMs();
    for (const lead of rows) {
      let stage = lead.stage;
      if (stage === 'new' && engaged.has(lead.person_id)) {
        await this.stages.change(em, lead.person_id, 'engaged', { byRule: 'first_intent' });
        stage = 'engaged';
      }
      const intentNow = Math.max(0, intentAt(Number(lead.intent_key), now, settings.halfLifeDays));
      if ((stage === 'engaged' || stage === 'nurture') && gradeAtLeast(lead.fit_grade, settings.mqlMinGrade) && intentNow >= settings.mqlMinIntent) {
        await this.stages.change(em, lead.person_id, 'mql', { byRule: 'mql_thresholds', reason: `能力 ${lead.fit_grade} · 意愿 ${Math.round(intentNow)}` });
      }
    }
  }
}
