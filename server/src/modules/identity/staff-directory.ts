import type { EntityManager } from 'typeorm';
import type { StaffIdentity } from '../../core/route';

/** A staff account as identity sees it: who it is and whether it may act. */
export interface StaffAccount extends StaffIdentity {
  personId: string | null;
  status: 'active' | 'disabled';
}

/**
 * The little identity needs to know about staff accounts (sessions carry one, the guard checks
 * it, a merge is refused for it). The staff module provides it under `STAFF_DIRECTORY`, so identity never
 * imports staff; staff builds on identity's sessions.
 */
export interface StaffDirectory {
  findById(id: string): Promise<StaffAccount | null>;
  findActiveByPerson(personId: string, em?: EntityManager): Promise<StaffAccount | null>;
  /**
   * The staff account bound to this person, active or not: staff persons are never merged
   * automatically (an identifier that would merge one is refused and listed for an admin).
   */
  findByPerson(personId: string, em: EntityManager): Promise<StaffAccount | null>;
}

export const STAFF_DIRECTORY = Symbol('StaffDirectory');
