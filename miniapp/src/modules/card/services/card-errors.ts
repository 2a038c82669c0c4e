import { isApiError } from '../../../core/api/api-error';
import { describeGateError } from '../../profile-gate/services/gate-errors';

const Messages: Record<string, string> = {
  NOT_FOUND: '名片不存在或已停用',
  CARD_SELF_CONTACT: '这是你自己的名片，无需请自己联系',
  IMAGE_TYPE_UNSUPPORTED: '请上传 PNG 或 JPG 图片',
  PAYLOAD_TOO_LARGE: '图片不能超过 2 MB，请压缩后重试',
  FORBIDDEN: '仅团队成员可以编辑名片',
};

export function describeCardError(error: unknown): string {
  if (isApiError(error) && Messages[error.code]) return Messages[error.code];
  return describeGateError(error);
}
