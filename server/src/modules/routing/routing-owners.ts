import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, Not } from 'typeorm';
import { updateEach } from '../../database/sql';
import type { PersonDataContributor } from '../privacy/person-data';
import type { OwnerFollower } from '../share-chain/owner-changes';
import { LeadAssignmentEntity, RoutingDecisionEntity } from './routing.entity';

/**
 * Keeps assignments with the person's owner: a staff hand-over, or a later share that takes the
 * person after the protection window, moves the assignment with them (queued leads stay queued).
 * Erasure removes the person's assignment and decisions; they are staff records about the person,
 * not something the person gave, so the export leaves them out.
 */
@Injectable()
export class RoutingOwners implements OwnerFollower, PersonDataContributor {
  readonly name = 'routing';
  readonly section = 'routing';

  async ownerSet(em: EntityManager, personId: string, staffId: string): Promise<void> {
    await em.update(LeadAssignmentEntity, { personId, staffId: Not(IsNull()) }, { staffId });
  }

  async ownersSet(em: EntityManager, owners: ReadonlyMap<string, string>): Promise<void> {
    await updateEach(em, 'lead_assignments', 'person_id', 'staff_id', owners, {}, 'staff_id IS NOT NULL');
  }

  async ownersMoved(em: EntityManager, fromStaffId: string, toStaffId: string): Promise<void> {
    await em.update(LeadAssignmentEntity, { staffId: fromStaffId }, { staffId: toStaffId });
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(LeadAssignmentEntity, { personId });
    await em.delete(RoutingDecisionEntity, { personId });
  }
}
