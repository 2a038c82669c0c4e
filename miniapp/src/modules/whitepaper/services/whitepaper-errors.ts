import { isApiError } from '../../../core/api/api-error';
import { describeGateError } from '../../profile-gate/services/gate-errors';

/** Sentences for the whitepaper feature's codes; the gate's and the app's own read as usual. */
const Messages: Record<string, string> = {
  NOT_FOUND: '白皮书不存在或已下线',
  DOWNLOAD_LINK_EXPIRED: '下载链接已过期，请重新点击下载',
  DOWNLOAD_LINK_INVALID: '下载链接无效，请重新点击下载',
  WHITEPAPER_NOT_PDF: '请上传 PDF 格式的文件',
  WHITEPAPER_COVER_INVALID: '封面需为 PNG 或 JPG 图片，且不超过 2 MB',
  WHITEPAPER_FILENAME_REJECTED: '文件名含有不允许的字符（如 < > / \\ 等），请重命名后再上传',
  PAYLOAD_TOO_LARGE: '文件太大了，请压缩后重新上传',
  CONFLICT: '这次下载请求已用于其他资料，请重新点击下载',
};

export function describeWhitepaperError(error: unknown): string {
  if (isApiError(error, 'PAYLOAD_TOO_LARGE')) {
    const { field, maxBytes } = (error.details ?? {}) as { field?: string; maxBytes?: number };
    const limit = typeof maxBytes === 'number' ? `（最大 ${Math.floor(maxBytes / 1024 / 1024) || 1} MB）` : '';
    return field === 'cover' ? `封面图片太大了${limit}` : `文件太大了${limit}，请压缩后重新上传`;
  }
  if (isApiError(error) && Messages[error.code]) return Messages[error.code];
  return describeGateError(error);
}
