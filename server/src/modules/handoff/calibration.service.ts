import { Injectable } from '@nestjs/common';
import { chinaDayStart, LeadActivityLabels, type ApplyCalibrationRequest, type CalibrationQuery, type CalibrationReport, type RejectReason, type RuleSetView } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../core/route';
import { readTime, sqlTime } from '../../database/sql';
import { RuleSets } from '../scoring/rule-sets';
import { ScoringService } from '../scoring/scoring.service';
import { applySuggestions, groupOf, groupsBy, MIN_SAMPLE, suggestionsOf, type MqlFate } from './calibration';
import { calibrationStale, calibrationSuggestionUnknown } from './handoff.errors';

const CHUNK = 500;
const DAY_MS = 86_400_000;
const DIRECT = { key: 'direct', label: '无渠道（直接访问）' };
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

type Time = Date | string;

/**
 * The calibration report: every lead that became an MQL in the period (its first MQL there), what
 * sales made of it (stage history and rejections), the rules behind it and where it came from —
 * read a chunk of leads at a time by their person indexes — counted per rule, channel and source.
 * Applying suggestions saves the active rule set with the new points as a new version, which
 * re-scores everyone in the background like any other save.
 */
@Injectable()
export class CalibrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RuleSets,
    private readonly scoring: ScoringService,
  ) {}

  async report(query: CalibrationQuery): Promise<CalibrationReport> {
    const active = await this.rules.active();
    const fates = await this.fates(query);
    const labels = new Map([...active.set.intentRules, ...active.set.fitRules].map((r) => [r.key, r]));
    const overall = groupOf('all', '全部 MQL', fates);
    const byRule = groupsBy(fates, (f) => f.rules.flatMap((key) => (labels.has(key) ? [{ key, label: labels.get(key)!.label }] : []))).map((g) => {
      const rule = labels.get(g.key)!;
      return { ...g, dimension: active.set.intentRules.some((r) => r.key === g.key) ? ('intent' as const) : ('fit' as const), points: rule.points };
    });
    return {
      ruleVersion: active.version,
      from: query.from ?? null,
      to: query.to ?? null,
      minSample: MIN_SAMPLE,
      overall,
      byRule,
      byChannel: groupsBy(fates, (f) => [f.channel]),
      bySource: groupsBy(fates, (f) => [f.source]),
      suggestions: suggestionsOf(active.set, byRule, overall),
    };
  }

  /** Applies the named suggestions of the report for the same period, if the rules are still the ones it was read under. */
  async apply(auth: AuthContext, body: ApplyCalibrationRequest): Promise<RuleSetView> {
    const report = await this.report({ from: body.from, to: body.to });
    if (report.ruleVersion !== body.ruleVersion) throw calibrationStale(body.ruleVersion, report.ruleVersion);
    const chosen = report.suggestions.filter((s) => body.ruleKeys.includes(s.ruleKey));
    const unknown = body.ruleKeys.filter((key) => !chosen.some((s) => s.ruleKey === key));
    if (unknown.length > 0) throw calibrationSuggestionUnknown(unknown);
    const { set } = await this.rules.active();
    return this.scoring.saveRuleSet(auth, applySuggestions(set, chosen));
  }

  private async fates(query: CalibrationQuery): Promise<MqlFate[]> {
    const where: string[] = ["s.to_stage = 'mql'"];
    const params: unknown[] = [];
    if (query.from) {
      where.push('s.created_at >= ?');
      params.push(sqlTime(chinaDayStart(query.from)));
    }
    if (query.to) {
      where.push('s.created_at < ?');
      params.push(sqlTime(new Date(chinaDayStart(query.to).getTime() + DAY_MS)));
    }
    const entries: { person_id: string; mql_at: Time }[] = await this.dataSource.query(`SELECT s.person_id, MIN(s.created_at) AS mql_at FROM lead_stage_changes s WHERE ${where.join(' AND ')} GROUP BY s.person_id`, params);
    const fates: MqlFate[] = [];
    for (let i = 0; i < entries.length; i += CHUNK) fates.push(...(await this.fatesOf(entries.slice(i, i + CHUNK).map((e) => ({ personId: e.person_id, mqlAt: readTime(e.mql_at).getTime() })))));
    return fates;
  }

  private async fatesOf(mqls: { personId: string; mqlAt: number }[]): Promise<MqlFate[]> {
    const ids = mqls.map((m) => m.personId);
    const q = this.dataSource;
    const [moves, rejects, leads, items] = await Promise.all([
      q.query(`SELECT person_id, to_stage, created_at FROM lead_stage_changes WHERE person_id IN (${marks(ids.length)}) AND to_stage IN ('sal', 'sql', 'won')`, ids) as Promise<{ person_id: string; to_stage: string; created_at: Time }[]>,
      q.query(`SELECT person_id, reason, created_at FROM lead_feedback WHERE kind = 'reject' AND person_id IN (${marks(ids.length)}) ORDER BY created_at, id`, ids) as Promise<{ person_id: string; reason: RejectReason; created_at: Time }[]>,
      q.query(`SELECT l.person_id, l.first_kind, a.first_channel_id FROM leads l LEFT JOIN person_attribution a ON a.person_id = l.person_id WHERE l.person_id IN (${marks(ids.length)})`, ids) as Promise<{ person_id: string; first_kind: string; first_channel_id: string | null }[]>,
      q.query(`SELECT person_id, rule_key, dimension, occurred_at FROM score_items WHERE person_id IN (${marks(ids.length)})`, ids) as Promise<{ person_id: string; rule_key: string; dimension: string; occurred_at: Time }[]>,
    ]);
    const channelIds = [...new Set(leads.flatMap((l) => (l.first_channel_id ? [l.first_channel_id] : [])))];
    const channels = new Map<string, string>(channelIds.length ? ((await q.query(`SELECT id, name FROM channels WHERE id IN (${marks(channelIds.length)})`, channelIds)) as { id: string; name: string }[]).map((c) => [c.id, c.name]) : []);
    const byPerson = <T extends { person_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r]);
      return map;
    };
    const [movesOf, rejectsOf, itemsOf] = [byPerson(moves), byPerson(rejects), byPerson(items)];
    const leadOf = new Map(leads.map((l) => [l.person_id, l]));
    return mqls.map(({ personId, mqlAt }): MqlFate => {
      const after = (at: Time) => readTime(at).getTime() >= mqlAt;
      const own = (movesOf.get(personId) ?? []).filter((m) => after(m.created_at));
      const accepted = own.filter((m) => m.to_stage === 'sal').map((m) => readTime(m.created_at).getTime());
      const lead = leadOf.get(personId);
      const channelId = lead?.first_channel_id ?? null;
      return {
        personId,
        mqlAt,
        acceptedAt: accepted.length ? Math.min(...accepted) : null,
        rejectReason: (rejectsOf.get(personId) ?? []).find((r) => after(r.created_at))?.reason ?? null,
        opportunity: own.some((m) => m.to_stage === 'sql'),
        won: own.some((m) => m.to_stage === 'won'),
        rules: [...new Set((itemsOf.get(personId) ?? []).filter((i) => i.dimension === 'fit' || readTime(i.occurred_at).getTime() <= mqlAt).map((i) => i.rule_key))],
        channel: channelId ? { key: channelId, label: channels.get(channelId) ?? '已删除的渠道' } : DIRECT,
        source: { key: lead?.first_kind ?? 'unknown', label: LeadActivityLabels[lead?.first_kind ?? ''] ?? '其他' },
      };
    });
  }
}
