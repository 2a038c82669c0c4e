import type { FitGrade, LeadStage } from '@leadloop/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type LeadStatus = 'new' | 'contact_requested';

/** One lead per person: what first and last brought them forward, where they stand, and their scores. */
@Entity('leads')
export class LeadEntity {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'varchar', length: 24 }) status!: LeadStatus;
  @Column({ name: 'first_kind', type: 'varchar', length: 24 }) firstKind!: string;
  @Column({ name: 'first_ref', type: 'varchar', length: 64 }) firstRef!: string;
  @Column({ name: 'last_kind', type: 'varchar', length: 24 }) lastKind!: string;
  @Column({ name: 'last_ref', type: 'varchar', length: 64 }) lastRef!: string;
  @Column({ name: 'activity_count', type: 'int' }) activityCount!: number;
  @Column({ name: 'contact_requested_at', type: 'datetime', precision: 3, nullable: true }) contactRequestedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'last_activity_at', type: 'datetime', precision: 3 }) lastActivityAt!: Date;
  @Column({ type: 'varchar', length: 16, default: 'new' }) stage!: LeadStage;
  @Column({ name: 'stage_changed_at', type: 'datetime', precision: 3, nullable: true }) stageChangedAt!: Date | null;
  @Column({ name: 'fit_grade', type: 'varchar', length: 1, default: 'D' }) fitGrade!: FitGrade;
  @Column({ name: 'fit_points', type: 'int', default: 0 }) fitPoints!: number;
  /** Intent scaled to a fixed epoch (`intentKey` in shared/contracts/leads.ts): read it through `intentAt`. */
  @Column({ name: 'intent_key', type: 'double', default: 0 }) intentKey!: number;
  @Column({ name: 'scored_at', type: 'datetime', precision: 3, nullable: true }) scoredAt!: Date | null;
  @Column({ name: 'rule_version', type: 'int', default: 0 }) ruleVersion!: number;
  /** The person's owner (person_attribution), kept on the lead so lists filter and sort by index. */
  @Column({ name: 'owner_staff_id', type: 'varchar', length: 26, nullable: true }) ownerStaffId!: string | null;
  /** The next follow-up sales set (the start of its China-time day); cleared when the lead leaves sales. */
  @Column({ name: 'next_follow_up_at', type: 'datetime', precision: 3, nullable: true }) nextFollowUpAt!: Date | null;
}

/** Every stage change: from, to, why, and who (a staff member) or which rule made it. */
@Entity('lead_stage_changes')
export class LeadStageChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ name: 'from_stage', type: 'varchar', length: 16, nullable: true }) fromStage!: LeadStage | null;
  @Column({ name: 'to_stage', type: 'varchar', length: 16 }) toStage!: LeadStage;
  @Column({ type: 'varchar', length: 200, nullable: true }) reason!: string | null;
  @Column({ name: 'by_staff_id', type: 'varchar', length: 26, nullable: true }) byStaffId!: string | null;
  @Column({ name: 'by_rule', type: 'varchar', length: 64, nullable: true }) byRule!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export type ScoreDimension = 'fit' | 'intent';

/** One rule that fired for a person: the breakdown behind their grade and score ("why 72/B"). */
@Entity('score_items')
export class ScoreItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @Column({ type: 'varchar', length: 8 }) dimension!: ScoreDimension;
  @Column({ name: 'rule_key', type: 'varchar', length: 40 }) ruleKey!: string;
  /** The rule's name when it fired (a later rename does not rewrite history). */
  @Column({ name: 'rule_label', type: 'varchar', length: 40 }) ruleLabel!: string;
  /** The event behind an intent item (null for fit items, which come from the profile). */
  @Column({ name: 'event_id', type: 'varchar', length: 26, nullable: true }) eventId!: string | null;
  /** Points when earned; intent items decay from `occurredAt` with the settings' half-life. */
  @Column({ type: 'int' }) points!: number;
  @Column({ name: 'rule_version', type: 'int' }) ruleVersion!: number;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 }) occurredAt!: Date;
  /** Unique per person and rule: the event, or the content of a once-per-content rule (a replay scores once). */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 64, default: '' }) dedupeKey!: string;
  /** The China-time day it fired on, for per-day caps. */
  @Column({ type: 'int', default: 0 }) day!: number;
  @Column({ name: 'signal_kind', type: 'varchar', length: 24, nullable: true }) signal!: string | null;
  @Column({ name: 'content_type', type: 'varchar', length: 16, nullable: true }) contentType!: string | null;
  @Column({ name: 'content_id', type: 'varchar', length: 64, nullable: true }) contentId!: string | null;
}

/** The one row ('default') of lead settings: intent half-life, the MQL thresholds, the active rule version. */
@Entity('lead_settings')
export class LeadSettingsEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) id!: string;
  @Column({ name: 'half_life_days', type: 'int' }) halfLifeDays!: number;
  @Column({ name: 'mql_min_grade', type: 'varchar', length: 1 }) mqlMinGrade!: FitGrade;
  @Column({ name: 'mql_min_intent', type: 'int' }) mqlMinIntent!: number;
  @Column({ name: 'rule_version', type: 'int' }) ruleVersion!: number;
  @Column({ name: 'updated_by_staff_id', type: 'varchar', length: 26, nullable: true }) updatedByStaffId!: string | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/** A tag on a person (staff-given or imported). */
@Entity('person_tags')
export class PersonTagEntity {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) tag!: string;
  @Column({ name: 'by_staff_id', type: 'varchar', length: 26, nullable: true }) byStaffId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const leadEntities = [LeadEntity, LeadStageChangeEntity, ScoreItemEntity, LeadSettingsEntity, PersonTagEntity];
