import { HOME_IMAGE_FIELD } from '@leadloop/shared';
import { AppError } from '../../core/app-error';

export const imageMissing = () =>
  new AppError('VALIDATION_FAILED', `Attach the image as the multipart field "${HOME_IMAGE_FIELD}"`, { fields: [{ path: HOME_IMAGE_FIELD, message: 'required' }] });
export const imageTypeUnsupported = () =>
  new AppError('IMAGE_TYPE_UNSUPPORTED', 'The image must be a PNG or JPEG file', { field: HOME_IMAGE_FIELD, accepted: ['image/png', 'image/jpeg'] });
export const imageNotFound = () => new AppError('NOT_FOUND', 'No such image', { field: 'id' });
/** A banner names an image that was never uploaded. */
export const blockImageUnknown = (path: string) => new AppError('HOME_IMAGE_NOT_FOUND', 'A banner names an image that was not uploaded', { path });
/** A block names content that does not exist or is not published. */
export const blockContentUnknown = (path: string, contentType: string, contentId: string) =>
  new AppError('HOME_CONTENT_NOT_FOUND', 'A block names content that does not exist or is not published', { path, contentType, contentId });
