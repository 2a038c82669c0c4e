import { AppError } from '../../core/app-error';

export const groupNotFound = () => new AppError('SALES_GROUP_NOT_FOUND', 'No such sales group', { field: 'id' });
export const groupNotYours = () => new AppError('SALES_GROUP_NOT_YOURS', 'Only an admin or the group’s manager may do this');
export const memberNotFound = () => new AppError('SALES_MEMBER_NOT_FOUND', 'This staff member is not in the group', { field: 'staffId' });
export const memberInvalid = (reason: 'staff_unknown' | 'staff_disabled' | 'role_cannot_receive_leads') =>
  new AppError('SALES_MEMBER_INVALID', 'Members are active salespeople, SDRs or partners', { reason });
export const managerInvalid = (reason: 'staff_unknown' | 'staff_disabled') => new AppError('SALES_MANAGER_INVALID', 'The manager must be an active staff member', { reason });
