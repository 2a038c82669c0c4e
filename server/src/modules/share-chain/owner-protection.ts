import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { lockForUpdate } from '../../database/locks';
import { insertNew, updateEach } from '../../database/sql';
import { OwnerChanges } from './owner-changes';
import { type OwnershipDecision, OwnershipDecisionEntity, PersonAttributionEntity } from './share-chain.entity';

export interface OwnershipEvidence {
  nodeId: string | null;
  eventId: string | null;
  at: Date;
  reason: string;
}

/**
 * Who owns a person, and who may take them over. Once owned, a later share by another
 * salesperson does not move the person within the protection window; every decision that
 * involves a second salesperson is logged with its evidence.
 */
@Injectable()
export class OwnerProtection {
  private readonly logger = new Logger(OwnerProtection.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly ownerChanges: OwnerChanges,
  ) {}

  async consider(em: EntityManager, personId: string, candidateStaffId: string, evidence: OwnershipEvidence): Promise<OwnershipDecision | null> {
    const current = await this.lockAttribution(em, personId);
    if (!current) {
      await em.insert(PersonAttributionEntity, {
        personId,
        firstEventId: null,
        firstNodeId: null,
        firstChannelId: null,
        firstAt: null,
        ownerStaffId: candidateStaffId,
        ownerNodeId: evidence.nodeId,
        ownedAt: evidence.at,
        updatedAt: this.clock.now(),
      });
      await this.ownerChanges.ownerSet(em, personId, candidateStaffId);
      return this.log(em, personId, candidateStaffId, null, 'assigned', evidence);
    }
    if (current.ownerStaffId === candidateStaffId) return null;
    if (!current.ownerStaffId || !current.ownedAt) {
      await this.setOwner(em, personId, candidateStaffId, evidence);
      return this.log(em, personId, candidateStaffId, null, 'assigned', evidence);
    }
    const windowMs = this.config.attribution.ownerProtectionDays * 86_400_000;
    if (evidence.at.getTime() - current.ownedAt.getTime() < windowMs) {
      return this.log(em, personId, candidateStaffId, current.ownerStaffId, 'kept', { ...evidence, reason: `${evidence.reason}: protected (${this.config.attribution.ownerProtectionDays}-day window)` });
    }
    await this.setOwner(em, personId, candidateStaffId, evidence);
    return this.log(em, personId, candidateStaffId, current.ownerStaffId, 'moved', { ...evidence, reason: `${evidence.reason}: protection window over` });
  }

  /**
   * Routing handed these persons to salespeople (`owners`: person → staff member; on MQL, or a
   * manager by hand): they become the owner whatever the window — sales ownership outranks share
   * evidence — and owner protection then keeps them there against later shares. One statement per
   * table for the whole batch.
   */
  async route(em: EntityManager, owners: ReadonlyMap<string, string>, reason: string): Promise<void> {
    const ids = [...owners.keys()].sort();
    if (ids.length === 0) return;
    const now = this.clock.now();
    const previous = await lockForUpdate(em.createQueryBuilder(PersonAttributionEntity, 'a').select(['a.personId', 'a.ownerStaffId']).where('a.person_id IN (:...ids)', { ids }).orderBy('a.person_id')).getMany();
    const had = new Map(previous.map((a) => [a.personId, a.ownerStaffId]));
    const missing = ids.filter((id) => !had.has(id));
    await insertNew(em, 'person_attribution', missing.map((id) => ({ person_id: id, first_event_id: null, first_node_id: null, first_channel_id: null, first_at: null, owner_staff_id: owners.get(id), owner_node_id: null, owned_at: now, updated_at: now })));
    const moving = new Map(ids.filter((id) => had.has(id) && had.get(id) !== owners.get(id)).map((id) => [id, owners.get(id)!]));
    await updateEach(em, 'person_attribution', 'person_id', 'owner_staff_id', moving, { owner_node_id: null, owned_at: now, updated_at: now });
    const changed = new Map([...missing.map((id) => [id, owners.get(id)!] as const), ...moving]);
    await insertNew(em, 'ownership_decisions', [...changed].map(([personId, staffId]) => ({ id: newId(now.getTime()), person_id: personId, candidate_staff_id: staffId, previous_owner_staff_id: had.get(personId) ?? null, decision: 'routed', reason, evidence_node_id: null, evidence_event_id: null, created_at: now })));
    await this.ownerChanges.ownersSet(em, changed);
  }

  /** The attribution row, locked for this transaction where the database can (MySQL). */
  async lockAttribution(em: EntityManager, personId: string): Promise<PersonAttributionEntity | null> {
    return lockForUpdate(em.createQueryBuilder(PersonAttributionEntity, 'a').where('a.person_id = :personId', { personId })).getOne();
  }

  private async setOwner(em: EntityManager, personId: string, staffId: string, evidence: OwnershipEvidence): Promise<void> {
    await em.update(PersonAttributionEntity, { personId }, { ownerStaffId: staffId, ownerNodeId: evidence.nodeId, ownedAt: evidence.at, updatedAt: this.clock.now() });
    await this.ownerChanges.ownerSet(em, personId, staffId);
  }

  private async log(
    em: EntityManager,
    personId: string,
    candidate: string,
    previous: string | null,
    decision: OwnershipDecision,
    evidence: OwnershipEvidence,
  ): Promise<OwnershipDecision> {
    await em.insert(OwnershipDecisionEntity, {
      id: newId(),
      personId,
      candidateStaffId: candidate,
      previousOwnerStaffId: previous,
      decision,
      reason: evidence.reason,
      evidenceNodeId: evidence.nodeId,
      evidenceEventId: evidence.eventId,
      createdAt: this.clock.now(),
    });
    if (decision !== 'assigned') this.logger.log(`Ownership of ${personId}: ${decision} (${evidence.reason})`);
    return decision;
  }
}
