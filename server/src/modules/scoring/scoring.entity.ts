import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One saved version of the scoring rules (intent rules, fit rules, grade thresholds) as a JSON document. */
@Entity('score_rule_sets')
export class ScoreRuleSetEntity {
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ type: 'text' }) rules!: string;
  @Column({ name: 'created_by_staff_id', type: 'varchar', length: 26, nullable: true }) createdByStaffId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export type ScoreRunStatus = 'running' | 'finished' | 'superseded';

/** A background re-score of every lead after the rules or the half-life changed: its progress. */
@Entity('score_runs')
export class ScoreRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'half_life_days', type: 'int' }) halfLifeDays!: number;
  @Column({ type: 'varchar', length: 16 }) reason!: 'rules' | 'half_life';
  @Column({ type: 'varchar', length: 16 }) status!: ScoreRunStatus;
  @Column({ type: 'int' }) total!: number;
  @Column({ type: 'int' }) done!: number;
  @Column({ name: 'cursor_person_id', type: 'varchar', length: 26, nullable: true }) cursorPersonId!: string | null;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt!: Date;
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true }) finishedAt!: Date | null;
}

export const scoringEntities = [ScoreRuleSetEntity, ScoreRunEntity];
