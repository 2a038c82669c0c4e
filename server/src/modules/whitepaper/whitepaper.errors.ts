import { AppError } from '../../core/app-error';

export const whitepaperNotFound = (id: string) => new AppError('NOT_FOUND', 'No such whitepaper', { id });
export const documentMissing = () =>
  new AppError('VALIDATION_FAILED', 'Attach the PDF as the `file` part', { fields: [{ path: 'file', message: 'required' }] });
export const nothingToReplace = () =>
  new AppError('VALIDATION_FAILED', 'Send a new `file` (PDF) or `cover` (PNG/JPEG)', { fields: [{ path: 'file', message: 'file or cover required' }] });
export const tooLarge = (field: string, maxBytes: number) => new AppError('PAYLOAD_TOO_LARGE', `The ${field} is larger than ${maxBytes} bytes`, { field, maxBytes });
export const notPdf = () => new AppError('WHITEPAPER_NOT_PDF', 'The document must be a PDF file');
export const coverInvalid = () => new AppError('WHITEPAPER_COVER_INVALID', 'The cover must be a PNG or JPEG image');
export const fileNameRejected = () =>
  new AppError('WHITEPAPER_FILENAME_REJECTED', 'The file name contains characters that are not allowed (markup, control characters or path separators)');
export const requestIdTaken = () => new AppError('CONFLICT', 'This requestId was already used for another whitepaper', { field: 'requestId' });
export const linkInvalid = () => new AppError('DOWNLOAD_LINK_INVALID', 'This download link is not valid');
export const linkExpired = () => new AppError('DOWNLOAD_LINK_EXPIRED', 'This download link has expired; download again from the whitepaper page');
