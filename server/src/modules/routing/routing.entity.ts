import type { AccountTier, CompanySizeBand, Industry, Province, RoutingOutcome, RoutingStep, RoutingTrigger } from '@leadloop/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonValue } from '../../database/columns';

const ref = (name: string, nullable = false) => Column({ name, type: 'varchar', length: 26, nullable });
const time = (name: string) => Column({ name, type: 'datetime', precision: 3 });

/** One routing rule, in its place in the ordered list: the lead's facts it matches and the group it sends them to. */
@Entity('routing_rules')
export class RoutingRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'varchar', length: 400, transformer: jsonValue }) regions!: Province[];
  @Column({ type: 'varchar', length: 600, transformer: jsonValue }) industries!: Industry[];
  @Column({ name: 'size_bands', type: 'varchar', length: 120, transformer: jsonValue }) sizeBands!: CompanySizeBand[];
  @Column({ type: 'varchar', length: 16, transformer: jsonValue }) tiers!: AccountTier[];
  @ref('group_id') groupId!: string;
  @Column({ type: 'int', default: 1 }) enabled!: number;
  @ref('created_by', true) createdBy!: string | null;
  @time('created_at') createdAt!: Date;
}

/** Every routing decision, with the step that made it and why: the audit of who got which lead. */
@Entity('routing_decisions')
export class RoutingDecisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @ref('person_id') personId!: string;
  /** The stream event that triggered it (unique: a re-delivered event is decided once); null for manual ones. */
  @ref('event_id', true) eventId!: string | null;
  @Column({ name: 'trigger_kind', type: 'varchar', length: 16 }) trigger!: RoutingTrigger;
  @Column({ type: 'varchar', length: 16 }) outcome!: RoutingOutcome;
  @Column({ type: 'varchar', length: 16 }) step!: RoutingStep;
  @Column({ type: 'varchar', length: 200 }) reason!: string;
  @ref('staff_id', true) staffId!: string | null;
  @ref('previous_staff_id', true) previousStaffId!: string | null;
  @ref('group_id', true) groupId!: string | null;
  @ref('rule_id', true) ruleId!: string | null;
  @ref('by_staff_id', true) byStaffId!: string | null;
  @Column({ type: 'int', default: 0 }) signalled!: number;
  @time('created_at') createdAt!: Date;
}

/** A lead's current place in sales: its assignee, or none (the unassigned queue). */
@Entity('lead_assignments')
export class LeadAssignmentEntity {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 26 }) personId!: string;
  @ref('staff_id', true) staffId!: string | null;
  @ref('group_id', true) groupId!: string | null;
  @ref('decision_id') decisionId!: string;
  @time('assigned_at') assignedAt!: Date;
}

export const routingEntities = [RoutingRuleEntity, RoutingDecisionEntity, LeadAssignmentEntity];
