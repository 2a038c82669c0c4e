import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Someone who keeps a copy of a person's owner (the lead, so its list filters by owner on an
 * index) and must follow every change of `person_attribution.owner_staff_id`, inside the
 * transaction that makes it. Registered at onModuleInit, so the share chain imports none of them.
 */
export interface OwnerFollower {
  name: string;
  /** The person now belongs to `staffId`. */
  ownerSet(em: EntityManager, personId: string, staffId: string): Promise<void>;
  /** Each of these persons now belongs to the staff member beside them (leads routed to salespeople, one statement per follower). */
  ownersSet(em: EntityManager, owners: ReadonlyMap<string, string>): Promise<void>;
  /** Everyone `fromStaffId` owned now belongs to `toStaffId` (a staff hand-over). */
  ownersMoved(em: EntityManager, fromStaffId: string, toStaffId: string): Promise<void>;
}

@Injectable()
export class OwnerChanges {
  private readonly followers = new Map<string, OwnerFollower>();

  register(follower: OwnerFollower): void {
    if (this.followers.has(follower.name)) throw new Error(`Owner follower ${follower.name} is registered twice`);
    this.followers.set(follower.name, follower);
  }

  async ownerSet(em: EntityManager, personId: string, staffId: string): Promise<void> {
    for (const follower of this.followers.values()) await follower.ownerSet(em, personId, staffId);
  }

  async ownersSet(em: EntityManager, owners: ReadonlyMap<string, string>): Promise<void> {
    if (owners.size === 0) return;
    for (const follower of this.followers.values()) await follower.ownersSet(em, owners);
  }

  async ownersMoved(em: EntityManager, fromStaffId: string, toStaffId: string): Promise<void> {
    for (const follower of this.followers.values()) await follower.ownersMoved(em, fromStaffId, toStaffId);
  }
}
