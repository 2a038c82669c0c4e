import { describeError, isApiError } from '@/core/api/api-error';

/** Sentences for the live feature's error codes; everything else reads as the app's usual message. */
const Messages: Record<string, string> = {
  LIVE_FULL: '名额已满，下次早点来哦',
  LIVE_NOT_OPEN: '当前不在报名时间内',
  LIVE_NOT_SIGNED_UP: '报名成功后才能进入',
  LIVE_LOCKED: '已有人报名，价格不能修改，名额不能少于已报名人数',
  PROFILE_INCOMPLETE: '还有必填信息没有填写',
  CONSENT_REQUIRED: '请先阅读并勾选同意《隐私政策》',
  CONSENT_POLICY_OUTDATED: '隐私政策已更新，请重新阅读并勾选同意',
  PAYMENT_UNAVAILABLE: '支付暂不可用，请稍后再试',
  CANCELLED: '已取消支付',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  NOT_FOUND: '直播不存在或已下线',
};

export function describeLiveError(error: unknown): string {
  if (isApiError(error) && Messages[error.code]) return Messages[error.code];
  return describeError(error);
}
