import type { EntityManager } from 'typeorm';
import type { StaffIdentity } from '../../core/route';

/** A staff account as identity sees it: who it is and whether it may act. */
export interface StaffAccount extends StaffIdentity {
  personId: string | null;
  status: 'active' | 'disabled';
}

/**
 * The little identity needs to know about staff accounts (sessions carry one, the guard checks
 * it, a merge moves it). The staff module provides it under `STAFF_DIRECTORY`, so identity never
 * imports staff; staff builds on identity's sessions.
 */
export interface StaffDirectory {
  findById(id: string): Promise<StaffAccount | null>;
  findActiveByPerson(personId: string, em?: EntityManager): Promise<StaffAccount | null>;
  /**
   * Two person records are merging into `toPerson`: a staff binding on `fromPerson` follows it.
   * Refused (CONFLICT) when both records are bound to a staff account.
   */
  moveBinding(em: EntityManager, fromPerson: string, toPerson: string): Promise<void>;
}

export const STAFF_DIRECTORY = Symbol('StaffDirectory');
