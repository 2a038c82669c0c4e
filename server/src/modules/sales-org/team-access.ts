import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import type { AuthContext, StaffIdentity } from '../../core/route';
import { groupNotFound, groupNotYours } from './sales-org.errors';
import { SalesGroupEntity } from './sales-org.entity';

/**
 * Who may do what with a sales group, decided on the server for every read and write: admins
 * manage every group; marketers read them (routing rules send leads to them); a group's manager
 * reads their team and pauses or resumes its members; nobody else sees a group.
 */
@Injectable()
export class TeamAccess {
  readsAll(auth: AuthContext): boolean {
    const role = staffOf(auth).role;
    return role === 'admin' || role === 'marketer';
  }

  isAdmin(auth: AuthContext): boolean {
    return staffOf(auth).role === 'admin';
  }

  /** The group, when the caller is an admin or its manager: SALES_GROUP_NOT_FOUND / SALES_GROUP_NOT_YOURS otherwise. */
  async managed(em: EntityManager, auth: AuthContext, groupId: string): Promise<SalesGroupEntity> {
    const group = await em.findOneBy(SalesGroupEntity, { id: groupId });
    if (!group) throw groupNotFound();
    if (!this.isAdmin(auth) && group.managerStaffId !== staffOf(auth).id) throw groupNotYours();
    return group;
  }
}

export function staffOf(auth: AuthContext): StaffIdentity {
  if (!auth.staff) throw new AppError('FORBIDDEN', 'Sales teams are for staff');
  return auth.staff;
}
