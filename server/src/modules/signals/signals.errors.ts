import { AppError } from '../../core/app-error';

export const unknownTemplate = (templateIds: string[]) =>
  new AppError('VALIDATION_FAILED', 'Unknown template', { fields: templateIds.map((t) => ({ path: `results.${t}`, message: 'not the signal template' })) });
