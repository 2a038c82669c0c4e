import { AppError } from '../../core/app-error';

export const staffNotFound = () => new AppError('NOT_FOUND', 'No such staff member', { field: 'id' });
export const lastAdmin = () => new AppError('STAFF_LAST_ADMIN', 'The last active admin cannot be demoted or disabled');
export const handoverInvalid = (reason: 'same_member' | 'receiver_unknown' | 'receiver_disabled') =>
  new AppError('STAFF_HANDOVER_INVALID', 'Hand over to another active staff member', { reason });
