import { RejectReasonLabels, RejectReasons, type CalibrationGroup, type CalibrationSuggestion, type RejectReason, type RuleSetDraft } from '@leadloop/shared';

/**
 * The pure half of the calibration report: how a set of MQLs fared with sales, and which rule
 * weights that evidence says to change. The service reads the facts; this counts them.
 */

/** What became of one lead after it became an MQL. */
export interface MqlFate {
  personId: string;
  mqlAt: number;
  /** The first move to SAL after becoming an MQL (accept feedback, or a move by hand). */
  acceptedAt: number | null;
  /** The first rejection's reason after becoming an MQL. */
  rejectReason: RejectReason | null;
  /** Reached SQL (opportunity) / won after becoming an MQL. */
  opportunity: boolean;
  won: boolean;
  /** Rules that had fired for the lead when it became an MQL (fit rules: as its profile matches them). */
  rules: string[];
  channel: { key: string; label: string };
  source: { key: string; label: string };
}

/** A rule needs this many MQLs behind it before its weight is questioned. */
export const MIN_SAMPLE = 5;
/** Acceptance within this ratio of the overall rate is no evidence either way. */
const LOW_LIFT = 0.8;
const HIGH_LIFT = 1.25;
/** One suggestion moves a weight by at most half (down) or half again (up). */
const MIN_FACTOR = 0.5;
const MAX_FACTOR = 1.5;

const HOUR_MS = 3_600_000;
const ratio = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 10_000) / 10_000);
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function groupOf(key: string, label: string, fates: readonly MqlFate[]): CalibrationGroup {
  const accepted = fates.filter((f) => f.acceptedAt !== null);
  const opportunities = fates.filter((f) => f.opportunity).length;
  const won = fates.filter((f) => f.won).length;
  const reasons = new Map<RejectReason, number>();
  for (const f of fates) if (f.rejectReason) reasons.set(f.rejectReason, (reasons.get(f.rejectReason) ?? 0) + 1);
  const hours = median(accepted.map((f) => (f.acceptedAt! - f.mqlAt) / HOUR_MS));
  return {
    key,
    label,
    mqls: fates.length,
    accepted: accepted.length,
    rejected: [...reasons.values()].reduce((a, b) => a + b, 0),
    acceptRate: ratio(accepted.length, fates.length),
    rejectReasons: RejectReasons.filter((r) => reasons.has(r)).map((reason) => ({ reason, label: RejectReasonLabels[reason], count: reasons.get(reason)! })),
    opportunities,
    opportunityRate: ratio(opportunities, fates.length),
    won,
    winRate: ratio(won, opportunities),
    medianHoursToAccept: hours === null ? null : Math.round(hours * 10) / 10,
  };
}

/** Fates grouped by a key each one has (a channel, a source), largest group first. */
export function groupsBy(fates: readonly MqlFate[], pick: (f: MqlFate) => { key: string; label: string }[]): CalibrationGroup[] {
  const groups = new Map<string, { label: string; fates: MqlFate[] }>();
  for (const f of fates) {
    for (const { key, label } of pick(f)) {
      const group = groups.get(key) ?? { label, fates: [] };
      group.fates.push(f);
      groups.set(key, group);
    }
  }
  return [...groups.entries()].map(([key, g]) => groupOf(key, g.label, g.fates)).sort((a, b) => b.mqls - a.mqls || a.key.localeCompare(b.key));
}

/**
 * Weight changes the evidence supports: a positive rule behind at least `MIN_SAMPLE` MQLs whose
 * acceptance by sales is well below (or above) the overall rate gets its points scaled by that
 * ratio, within [½, 1½] and [1, 100]. Negative rules and disabled ones are left to people.
 */
export function suggestionsOf(set: RuleSetDraft, byRule: readonly CalibrationGroup[], overall: CalibrationGroup): CalibrationSuggestion[] {
  if (!overall.acceptRate) return [];
  const groups = new Map(byRule.map((g) => [g.key, g]));
  const rules = [...set.intentRules.map((r) => ({ ...r, dimension: 'intent' as const })), ...set.fitRules.map((r) => ({ ...r, dimension: 'fit' as const }))];
  return rules.flatMap((rule): CalibrationSuggestion[] => {
    const group = groups.get(rule.key);
    if (!rule.enabled || rule.points <= 0 || !group || group.mqls < MIN_SAMPLE || group.acceptRate === null) return [];
    const lift = group.acceptRate / overall.acceptRate!;
    if (lift >= LOW_LIFT && lift <= HIGH_LIFT) return [];
    const factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, lift));
    const suggestedPoints = Math.min(100, Math.max(1, Math.round(rule.points * factor)));
    if (suggestedPoints === rule.points) return [];
    return [
      {
        ruleKey: rule.key,
        label: rule.label,
        dimension: rule.dimension,
        currentPoints: rule.points,
        suggestedPoints,
        evidence: `${group.mqls} 条 MQL，销售接受率 ${percent(group.acceptRate)}（整体 ${percent(overall.acceptRate)}）`,
      },
    ];
  });
}

/** The rule set with the suggested points for the rules named (the rest unchanged). */
export function applySuggestions(set: RuleSetDraft, suggestions: readonly CalibrationSuggestion[]): RuleSetDraft {
  const points = new Map(suggestions.map((s) => [s.ruleKey, s.suggestedPoints]));
  return {
    ...set,
    intentRules: set.intentRules.map((r) => (points.has(r.key) ? { ...r, points: points.get(r.key)! } : r)),
    fitRules: set.fitRules.map((r) => (points.has(r.key) ? { ...r, points: points.get(r.key)! } : r)),
  };
}
