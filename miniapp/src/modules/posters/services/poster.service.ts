import type { PosterResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { describeError, isApiError } from '@/core/api/api-error';
import { mintRequestFor, type ShareContent } from '@/modules/share-chain/services/share.service';

/**
 * This person's poster for the content: its mini-program code carries their share token (a child
 * of the token they arrived through, as a share would be). The server caches it per content and
 * sharer, so asking again is cheap.
 */
export function createPoster(content: ShareContent): Promise<PosterResponse> {
  return api('createPoster', mintRequestFor(content));
}

const Messages: Record<string, string> = {
  POSTER_CONTENT_NOT_FOUND: '内容已下线或尚未发布，暂时无法生成海报',
  POSTER_CODE_FAILED: '小程序码生成失败，请稍后重试',
  WECHAT_RATE_LIMITED: '生成的人有点多，请稍后再试',
  PERMISSION_DENIED: '没有相册权限，无法保存海报',
};

export function describePosterError(error: unknown): string {
  if (isApiError(error) && Messages[error.code]) return Messages[error.code];
  return describeError(error);
}

/** 海报-2026私域增长白皮书.png */
export function posterFileName(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30);
  return `海报-${safe || '分享'}.png`;
}
