import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull, Not } from 'typeorm';
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

  async ownersSet(em: EntityManager, personIds: string[], staffId: string): Promise<void> {
    await em.update(LeadAssignmentEntity, { personId: In(personIds), staffId: Not(IsNull()) }, { staffId });
  }

  async ownersMoved(em: EntityManager, fromStaffId: string, toStaffId: string): Promise<void> {
    await em.update(LeadAssignmentEntity, { staffId: fromStaffId }, { staffId: toStaffId });
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(LeadAssignmentEntity, { personId });
    await em.delete(RoutingDecisionEntity, { personId });
  }
}
