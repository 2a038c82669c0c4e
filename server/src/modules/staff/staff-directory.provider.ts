import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
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

  async moveBinding(em: EntityManager, fromPerson: string, toPerson: string): Promise<void> {
    const moving = await this.staff.findByPerson(fromPerson, em);
    if (!moving) return;
    if (await this.staff.findByPerson(toPerson, em)) {
      throw new AppError('CONFLICT', 'This phone number belongs to another staff member’s WeChat');
    }
    await this.staff.updateStaff(moving.id, { personId: toPerson }, em);
  }
}
