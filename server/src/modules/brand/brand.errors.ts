import { BRAND_LOGO_FIELD } from '@leadloop/shared';
import { AppError } from '../../core/app-error';

export const logoMissing = () =>
  new AppError('VALIDATION_FAILED', `Attach the logo as the multipart field "${BRAND_LOGO_FIELD}"`, { fields: [{ path: BRAND_LOGO_FIELD, message: 'required' }] });
export const logoTypeUnsupported = () =>
  new AppError('IMAGE_TYPE_UNSUPPORTED', 'The logo must be a PNG or JPEG file', { field: BRAND_LOGO_FIELD, accepted: ['image/png', 'image/jpeg'] });
export const logoNotFound = () => new AppError('NOT_FOUND', 'No such logo', { field: 'id' });
export const policyKindUnknown = () => new AppError('NOT_FOUND', 'No such policy document', { field: 'kind', accepted: ['privacy-policy', 'user-agreement'] });
