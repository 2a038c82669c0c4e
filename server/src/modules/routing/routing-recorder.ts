import { Injectable } from '@nestjs/common';
import type { RoutingOutcome } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { insertNew, upsertAdd } from '../../database/sql';
import { OwnerProtection } from '../share-chain/owner-protection';
import { RoutingHooks } from './routing-hooks';
import type { RoutingDecisionEntity } from './routing.entity';

export type DecisionDraft = Omit<RoutingDecisionEntity, 'id' | 'createdAt' | 'signalled'> & { signalled: boolean };

const GIVES_LEAD: ReadonlySet<RoutingOutcome> = new Set(['assigned', 'reassigned']);

/**
 * Writes routing decisions and what follows from them, in the caller's transaction and in one
 * statement per table: the decision rows (the audit; a triggering event's is unique, so a
 * re-delivered event records nothing twice), each lead's assignment (null: the unassigned queue),
 * the person's owner (the share chain's attribution and, through it, the lead), and the hooks.
 */
@Injectable()
export class RoutingRecorder {
  constructor(
    private readonly owners: OwnerProtection,
    private readonly hooks: RoutingHooks,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, drafts: DecisionDraft[]): Promise<RoutingDecisionEntity[]> {
    if (drafts.length === 0) return [];
    const now = this.clock.now();
    // ids in the order decided (one millisecond's ids are otherwise in random order)
    const ids = drafts.map(() => newId(now.getTime())).sort();
    const decisions: RoutingDecisionEntity[] = drafts.map((d, i) => ({ ...d, id: ids[i], signalled: d.signalled ? 1 : 0, createdAt: now }));
    await insertNew(em, 'routing_decisions', decisions.map(row));

    // the last decision per person sets their assignment
    const placing = new Map<string, RoutingDecisionEntity>();
    for (const d of decisions) if (GIVES_LEAD.has(d.outcome) || d.outcome === 'unassigned') placing.set(d.personId, d);
    await upsertAdd(
      em,
      'lead_assignments',
      ['person_id'],
      [],
      [...placing.values()].map((d) => ({ person_id: d.personId, staff_id: GIVES_LEAD.has(d.outcome) ? d.staffId : null, group_id: d.groupId, decision_id: d.id, assigned_at: now })),
      ['staff_id', 'group_id', 'decision_id', 'assigned_at'],
    );
    const given = [...placing.values()].filter((d) => GIVES_LEAD.has(d.outcome) && d.staffId);
    await this.owners.route(em, new Map(given.map((d) => [d.personId, d.staffId!])), given.some((d) => d.byStaffId) ? 'reassigned by hand' : 'routing');

    await this.hooks.assigned(
      em,
      given.map((d) => ({ personId: d.personId, staffId: d.staffId!, previousStaffId: d.previousStaffId, groupId: d.groupId, decisionId: d.id, manual: d.step === 'manual', at: now })),
    );
    await this.hooks.signalled(
      em,
      decisions.filter((d) => d.outcome === 'signalled_owner' && d.signalled === 1 && d.staffId).map((d) => ({ ownerStaffId: d.staffId!, personId: d.personId, trigger: d.trigger, decisionId: d.id, at: now })),
    );
    return decisions;
  }
}

function row(d: RoutingDecisionEntity) {
  return {
    id: d.id,
    person_id: d.personId,
    event_id: d.eventId,
    trigger_kind: d.trigger,
    outcome: d.outcome,
    step: d.step,
    reason: d.reason.slice(0, 200),
    staff_id: d.staffId,
    previous_staff_id: d.previousStaffId,
    group_id: d.groupId,
    rule_id: d.ruleId,
    by_staff_id: d.byStaffId,
    signalled: d.signalled,
    created_at: d.createdAt,
  };
}
