import { AppError } from '../../core/app-error';

export const channelUnknown = (code: string) => new AppError('NOT_FOUND', `No channel with code ${code}`, { field: 'channelCode' });
export const channelCodeTaken = (code: string) => new AppError('CONFLICT', `Channel code ${code} is already in use`, { field: 'code' });
export const shareTokenUnknown = () => new AppError('NOT_FOUND', 'No such share token');
