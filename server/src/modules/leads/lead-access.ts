import { Injectable } from '@nestjs/common';
import { LeadPoolRoles, MaskedPhoneRoles } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import type { AuthContext, StaffIdentity } from '../../core/route';
import { LeadEntity } from './leads.entity';

/** Which leads a caller may read and change: the pool (admin, marketer), or the leads they own. */
export type LeadScope = { all: true } | { all: false; ownerStaffId: string };

/**
 * Who sees which lead, decided on the server for every read, list and write: marketers and
 * admins see every lead; sales, SDRs and partners see the leads they own (`leads.owner_staff_id`).
 * Partners never receive a full phone number.
 */
@Injectable()
export class LeadAccess {
  constructor(private readonly dataSource: DataSource) {}

  scopeOf(auth: AuthContext): LeadScope {
    const staff = requireStaff(auth);
    return LeadPoolRoles.includes(staff.role) ? { all: true } : { all: false, ownerStaffId: staff.id };
  }

  /** The lead, when the caller may see it: LEAD_NOT_FOUND when there is none, LEAD_NOT_YOURS when it is someone else's. */
  async readable(auth: AuthContext, personId: string, em: EntityManager = this.dataSource.manager): Promise<LeadEntity> {
    const scope = this.scopeOf(auth);
    const lead = await em.findOneBy(LeadEntity, { personId });
    if (!lead) throw new AppError('LEAD_NOT_FOUND', 'No such lead');
    if (!scope.all && lead.ownerStaffId !== scope.ownerStaffId) throw new AppError('LEAD_NOT_YOURS', 'This lead belongs to another salesperson');
    return lead;
  }

  /** Whether this caller may ever be shown a full phone number (the owner of the lead, or the pool). */
  mayRevealPhones(auth: AuthContext): boolean {
    return !MaskedPhoneRoles.includes(requireStaff(auth).role);
  }
}

function requireStaff(auth: AuthContext): StaffIdentity {
  if (!auth.staff) throw new AppError('FORBIDDEN', 'Leads are for staff');
  return auth.staff;
}
