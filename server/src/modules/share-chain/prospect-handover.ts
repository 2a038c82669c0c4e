import { Injectable } from '@nestjs/common';
import type { HandoverCounts } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import type { HandoverContributor } from '../staff/handover';
import { OwnerChanges } from './owner-changes';
import { PersonAttributionEntity } from './share-chain.entity';

/**
 * A leaver's prospects (`person_attribution.owner_staff_id`) become the receiver's, in one
 * statement; their ownership starts now, so owner protection runs from the hand-over.
 */
@Injectable()
export class ProspectHandover implements HandoverContributor {
  readonly name = 'prospects';

  constructor(private readonly ownerChanges: OwnerChanges) {}

  async handOver(em: EntityManager, fromStaffId: string, toStaffId: string, at: Date): Promise<Partial<HandoverCounts>> {
    const result = await em.update(PersonAttributionEntity, { ownerStaffId: fromStaffId }, { ownerStaffId: toStaffId, ownedAt: at, updatedAt: at });
    await this.ownerChanges.ownersMoved(em, fromStaffId, toStaffId);
    return { prospects: result.affected ?? 0 };
  }
}
