import { AppError } from '../../core/app-error';

/** Why WeChat gave no usable mini-program code; the client shows one message, support reads this. */
export type PosterCodeFailure = 'scene_rejected' | 'page_rejected' | 'wechat_error' | 'unreachable' | 'unreadable';

export const posterContentNotFound = (contentType: string, contentId: string) =>
  new AppError('POSTER_CONTENT_NOT_FOUND', `There is nothing to make a poster of for ${contentType} ${contentId}`, { contentType, contentId });

export const posterNotFound = () => new AppError('POSTER_NOT_FOUND', 'No such poster');

export const posterCodeFailed = (reason: PosterCodeFailure, errcode?: number) =>
  new AppError('POSTER_CODE_FAILED', 'WeChat did not provide the poster’s mini-program code', errcode === undefined ? { reason } : { reason, errcode });
