import type { FitGrade } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { sqlTime } from '../../database/sql';

/** What scoring writes on a lead: intent added to (incremental) or replaced (re-score), fit, when and by which version. */
export interface LeadScoreUpdate {
  personId: string;
  intentKey: number;
  fitPoints: number;
  fitGrade: FitGrade;
}

/**
 * Many leads' scores in one statement (`CASE person_id WHEN … THEN …`): a batch of scored events
 * is one round trip, not one per lead. `add` adds the intent key (new items decaying from their own
 * instants); `set` replaces it (a person re-scored from their whole history).
 */
export async function writeLeadScores(em: EntityManager, mode: 'add' | 'set', updates: readonly LeadScoreUpdate[], at: Date, ruleVersion: number): Promise<void> {
  if (updates.length === 0) return;
  const cases = (value: (u: LeadScoreUpdate) => unknown) => ({ sql: `CASE person_id ${updates.map(() => 'WHEN ? THEN ?').join(' ')} END`, params: updates.flatMap((u) => [u.personId, value(u)]) });
  const intent = cases((u) => u.intentKey);
  const points = cases((u) => u.fitPoints);
  const grade = cases((u) => u.fitGrade);
  const intentSql = mode === 'add' ? `intent_key + (${intent.sql})` : intent.sql;
  await em.query(
    `UPDATE leads SET intent_key = ${intentSql}, fit_points = ${points.sql}, fit_grade = ${grade.sql}, scored_at = ?, rule_version = ? WHERE person_id IN (${updates.map(() => '?').join(', ')})`,
    [...intent.params, ...points.params, ...grade.params, sqlTime(at), ruleVersion, ...updates.map((u) => u.personId)],
  );
}
