import { Injectable } from '@nestjs/common';
import { intentAt, intentKey, type FitGrade, type IntentRule, type LeadStage, type RuleSetDraft } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { forUpdateSql } from '../../database/locks';
import { insertNew, upsertAdd } from '../../database/sql';
import type { EventEntity } from '../activity/activity.entity';
import type { StreamConsumer } from '../activity/pipeline';
import type { LeadSettingsEntity } from '../leads/leads.entity';
import { LeadService, lockActivePersons } from '../leads/leads.service';
import { LeadStages, type StageMove } from '../leads/stages';
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

/** A score item's identity: its unique key `(person_id, rule_key, dedupe_key)`. */
type ItemKey = { person_id: string; rule_key: string; dedupe_key: string };
const itemKey = (r: ItemKey) => `${r.person_id}|${r.rule_key}|${r.dedupe_key}`;
/** What a re-score rewrites of an item it keeps: everything but its id and key. */
const RewrittenItemColumns = ['dimension', 'rule_label', 'event_id', 'points', 'rule_version', 'occurred_at', 'day', 'signal_kind', 'content_type', 'content_id'];

function intentItemRow(f: Firing, version: number) {
  return {
    id: newId(f.signal.at.getTime()),
    person_id: f.signal.personId,
    dimension: 'intent',
    rule_key: f.rule.key,
    rule_label: f.rule.label,
    event_id: f.signal.eventId as string | null,
    points: f.rule.points,
    rule_version: version,
    occurred_at: f.signal.at,
    dedupe_key: f.dedupeKey,
    day: f.day,
    signal_kind: f.signal.signal as string | null,
    content_type: f.signal.contentType as string | null,
    content_id: f.signal.contentId as string | null,
  };
}

/** The fit rules a profile matches, as items stamped `now`. */
function fitItemRows(personId: string, fit: Fit, version: number, now: Date): ReturnType<typeof intentItemRow>[] {
  return fit.matched.map((rule) => ({ id: newId(now.getTime()), person_id: personId, dimension: 'fit', rule_key: rule.key, rule_label: rule.label, event_id: null, points: rule.points, rule_version: version, occurred_at: now, dedupe_key: 'fit', day: chinaDay(now), signal_kind: null, content_type: null, content_id: null }));
}

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
    await this.reconcileItems(em, personIds, scores, active.version);
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
    const rows = firings.map((f) => intentItemRow(f, version));
    for (let i = 0; i < rows.length; i += 500) await insertNew(em, 'score_items', rows.slice(i, i + 500));
  }

  /**
   * Makes these people's stored items what `scores` says, writing only the difference: items no
   * longer earned go, new ones are inserted, changed ones (points, label, event) are rewritten in
   * place. A rule change that moves one weight rewrites that rule's items and nothing else.
   */
  private async reconcileItems(em: EntityManager, personIds: string[], scores: PersonScore[], version: number): Promise<void> {
    type Stored = ItemKey & { id: string; points: number | string; rule_label: string; event_id: string | null };
    const stored: Stored[] = await em.query(`SELECT id, person_id, rule_key, dedupe_key, points, rule_label, event_id FROM score_items WHERE person_id IN (${marks(personIds.length)})`, personIds);
    const now = this.clock.now();
    const wanted = [...scores.flatMap((s) => s.firings.map((f) => intentItemRow(f, version))), ...scores.flatMap((s) => fitItemRows(s.personId, s.fit, version, now))];
    const byKey = new Map(stored.map((r) => [itemKey(r), r]));
    const changed = wanted.filter((w) => {
      const had = byKey.get(itemKey(w));
      return !had || Number(had.points) !== w.points || had.rule_label !== w.rule_label || had.event_id !== w.event_id;
    });
    const wantedKeys = new Set(wanted.map(itemKey));
    const gone = stored.filter((r) => !wantedKeys.has(itemKey(r))).map((r) => r.id);
    for (let i = 0; i < gone.length; i += 500) await em.query(`DELETE FROM score_items WHERE id IN (${marks(Math.min(500, gone.length - i))})`, gone.slice(i, i + 500));
    for (let i = 0; i < changed.length; i += 500) await upsertAdd(em, 'score_items', ['person_id', 'rule_key', 'dedupe_key'], [], changed.slice(i, i + 500), RewrittenItemColumns);
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
    const rows = [...fits].flatMap(([personId, fit]) => fitItemRows(personId, fit, version, now));
    for (let i = 0; i < rows.length; i += 500) await insertNew(em, 'score_items', rows.slice(i, i + 500));
  }

  /**
   * new → engaged on the first intent that counts; engaged (or nurture) → MQL when fit grade and
   * intent now both meet the settings' thresholds. Read after the scores were written.
   */
  private async advanceStages(em: EntityManager, personIds: string[], engaged: Set<string>, settings: LeadSettingsEntity): Promise<void> {
    if (personIds.length === 0) return;
    const rows: { person_id: string; stage: LeadStage; fit_grade: FitGrade; intent_key: number | string }[] = await em.query(
      // locked and current: routing may have moved a hand-raised lead to MQL since this batch began
      `SELECT person_id, stage, fit_grade, intent_key FROM leads WHERE person_id IN (${marks(personIds.length)}) ORDER BY person_id${forUpdateSql(em)}`,
      [...personIds].sort(),
    );
    const now = this.clock.nowMs();
    const moves: StageMove[] = [];
    for (const lead of rows) {
      let stage = lead.stage;
      if (stage === 'new' && engaged.has(lead.person_id)) {
        moves.push({ personId: lead.person_id, from: 'new', to: 'engaged', actor: { byRule: 'first_intent' } });
        stage = 'engaged';
      }
      const intentNow = Math.max(0, intentAt(Number(lead.intent_key), now, settings.halfLifeDays));
      if ((stage === 'engaged' || stage === 'nurture') && gradeAtLeast(lead.fit_grade, settings.mqlMinGrade) && intentNow >= settings.mqlMinIntent) {
        moves.push({ personId: lead.person_id, from: stage, to: 'mql', actor: { byRule: 'mql_thresholds', reason: `能力 ${lead.fit_grade} · 意愿 ${Math.round(intentNow)}` } });
      }
    }
    await this.stages.moveLocked(em, moves);
  }
}
