import { CARD_IMAGE_FIELD } from '@leadloop/shared';
import { AppError } from '../../core/app-error';

export const cardNotFound = () => new AppError('NOT_FOUND', 'No such card', { field: 'cardId' });
export const cardImageNotFound = () => new AppError('NOT_FOUND', 'No such image', { field: 'imageId' });
export const ownCardContact = () => new AppError('CARD_SELF_CONTACT', 'This is your own card: you cannot ask yourself to get in touch');
export const imageMissing = () =>
  new AppError('VALIDATION_FAILED', `Attach the image as the multipart field "${CARD_IMAGE_FIELD}"`, { fields: [{ path: CARD_IMAGE_FIELD, message: 'required' }] });
export const imageTypeUnsupported = () =>
  new AppError('IMAGE_TYPE_UNSUPPORTED', 'The image must be a PNG or JPEG file', { field: CARD_IMAGE_FIELD, accepted: ['image/png', 'image/jpeg'] });
