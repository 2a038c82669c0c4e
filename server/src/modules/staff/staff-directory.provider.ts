import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffAccount, StaffDirectory } from '../identity/staff-directory';
import { StaffRepository } from './staff.repository';

/** Staff accounts as identity looks them up (provided as `STAFF_DIRECTORY`). */
@Injectable()
export class StaffAccounts implements StaffDirectory {
  constructor(private readonly staff: StaffRepository) {}

  findById(id: string): Promise<StaffAccount | null> {
    return this.staff.findById(id);
  }

  findActiveByPerson(personId: string, em?: EntityManager): Promise<StaffAccount | null> {
    return this.staff.findActiveByPerson(personId, em);
  }

  findByPerson(personId: string, em: EntityManager): Promise<StaffAccount | null> {
    return this.staff.findByPerson(personId, em);
  }
}
