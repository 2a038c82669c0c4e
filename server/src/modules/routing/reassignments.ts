import { Injectable } from '@nestjs/common';
import { MemberRoles, type ReassignRequest, type ReassignResponse } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import type { AuthContext } from '../../core/route';
import { lockForUpdate } from '../../database/locks';
import { LeadEntity } from '../leads/leads.entity';
import { SalesOrgRepository } from '../sales-org/sales-org.repository';
import { staffOf } from '../sales-org/team-access';
import { RoutingRecorder } from './routing-recorder';
import { LeadAssignmentEntity } from './routing.entity';
import { reassignNotAllowed, reassignTargetInvalid } from './routing.errors';

/**
 * A lead given to someone by hand, with a reason, recorded like every routing decision. Who may:
 * an admin; the manager of the current owner's group (they redistribute their team's leads); for
 * a lead without an owner, the manager of the receiver's group; a marketer for a lead waiting in
 * the unassigned queue (marketing works that queue).
 */
@Injectable()
export class Reassignments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: SalesOrgRepository,
    private readonly recorder: RoutingRecorder,
  ) {}

  reassign(auth: AuthContext, personId: string, body: ReassignRequest): Promise<ReassignResponse> {
    const caller = staffOf(auth);
    return this.dataSource.transaction(async (em) => {
      const lead = await lockForUpdate(em.createQueryBuilder(LeadEntity, 'l').where('l.person_id = :personId', { personId })).getOne();
      if (!lead) throw new AppError('LEAD_NOT_FOUND', 'No such lead');
      const assignment = await em.findOneBy(LeadAssignmentEntity, { personId });
      const current = assignment ? assignment.staffId : lead.ownerStaffId;
      if (!(await this.allowed(em, caller, current, body.staffId, assignment))) throw reassignNotAllowed();
      const target = (await this.repo.staff(em, [body.staffId])).get(body.staffId);
      if (!target) throw reassignTargetInvalid('staff_unknown');
      if (target.status !== 'active') throw reassignTargetInvalid('staff_disabled');
      if (!(MemberRoles as readonly string[]).includes(target.role)) throw reassignTargetInvalid('role_cannot_receive_leads');
      if (current === target.id) throw reassignTargetInvalid('already_owner');
      const member = await this.repo.memberOf(em, target.id);
      const [decision] = await this.recorder.record(em, [
        { personId, eventId: null, trigger: 'manual', outcome: 'reassigned', step: 'manual', reason: body.reason, staffId: target.id, previousStaffId: current, groupId: member?.groupId ?? null, ruleId: null, byStaffId: caller.id, signalled: false },
      ]);
      return { personId, owner: { id: target.id, name: target.name }, decisionId: decision.id };
    });
  }

  private async allowed(em: EntityManager, caller: { id: string; role: string }, current: string | null, targetId: string, assignment: LeadAssignmentEntity | null): Promise<boolean> {
    if (caller.role === 'admin') return true;
    if (caller.role === 'marketer') return assignment !== null && assignment.staffId === null;
    const membership = await this.repo.memberOf(em, current ?? targetId);
    const [group] = await this.repo.groups(em, membership ? [membership.groupId] : []);
    return group?.managerStaffId === caller.id;
  }
}
