import { AppError } from '../../core/app-error';

export const ruleGroupUnknown = (positions: number[]) =>
  new AppError('ROUTING_GROUP_UNKNOWN', 'A rule sends leads to a group that does not exist', { fields: positions.map((i) => ({ path: `rules.${i}.groupId`, message: '没有这个销售组' })) });
export const reassignNotAllowed = () => new AppError('REASSIGN_NOT_ALLOWED', 'Only an admin, or the manager of the owner’s or the receiver’s group, may reassign this lead');
export const reassignTargetInvalid = (reason: 'staff_unknown' | 'staff_disabled' | 'role_cannot_receive_leads' | 'already_owner') =>
  new AppError('REASSIGN_TARGET_INVALID', 'Leads go to an active salesperson, SDR or partner other than the owner', { reason });
