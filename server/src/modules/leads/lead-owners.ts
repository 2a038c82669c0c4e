import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { lockForUpdate } from '../../database/locks';
import { updateEach } from '../../database/sql';
import type { OwnerFollower } from '../share-chain/owner-changes';
import { PersonAttributionEntity } from '../share-chain/share-chain.entity';
import { LeadEntity } from './leads.entity';

/**
 * `leads.owner_staff_id` is a copy of the person's owner (`person_attribution`), so the lead list
 * filters and sorts by owner on one index. The share chain tells us every change of owner inside
 * its transaction (`OwnerChanges`); a lead created later copies the owner it finds then.
 */
@Injectable()
export class LeadOwners implements OwnerFollower {
  readonly name = 'leads';

  async ownerSet(em: EntityManager, personId: string, staffId: string): Promise<void> {
    await em.update(LeadEntity, { personId }, { ownerStaffId: staffId });
  }

  async ownersSet(em: EntityManager, owners: ReadonlyMap<string, string>): Promise<void> {
    await updateEach(em, 'leads', 'person_id', 'owner_staff_id', owners);
  }

  async ownersMoved(em: EntityManager, fromStaffId: string, toStaffId: string): Promise<void> {
    await em.update(LeadEntity, { ownerStaffId: fromStaffId }, { ownerStaffId: toStaffId });
  }

  /**
   * Copies the current owner onto these persons' leads (called after the lead consumer wrote them).
   * The owner is read with a lock, i.e. as last committed: an owner change committing while this
   * batch ran is seen here, or it waits for this batch and then updates the lead itself.
   */
  async copyOwners(em: EntityManager, personIds: string[]): Promise<void> {
    const ids = [...new Set(personIds)].sort();
    if (ids.length === 0) return;
    const owned = await lockForUpdate(
      em.createQueryBuilder(PersonAttributionEntity, 'a').select(['a.personId', 'a.ownerStaffId']).where('a.person_id IN (:...ids)', { ids }).orderBy('a.person_id'),
    ).getMany();
    const byOwner = new Map<string, string[]>();
    for (const a of owned) if (a.ownerStaffId) byOwner.set(a.ownerStaffId, [...(byOwner.get(a.ownerStaffId) ?? []), a.personId]);
    for (const [staffId, persons] of byOwner) await em.update(LeadEntity, { personId: In(persons) }, { ownerStaffId: staffId });
  }
}
