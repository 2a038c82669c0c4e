import type { MyDownloads, MySignupList } from '@leadloop/shared';
import { api } from '@/core/api/client';

/** 我的报名: live-event sign-ups, newest first; `cursor` is the previous page's `nextCursor`. */
export function fetchMySignups(cursor?: string): Promise<MySignupList> {
  return api('mySignups', undefined, { query: { limit: 20, cursor } });
}

/** 我的下载: whitepapers downloaded, newest first; `cursor` is the previous page's `nextCursor`. */
export function fetchMyDownloads(cursor?: string): Promise<MyDownloads> {
  return api('myDownloads', undefined, { query: { limit: 20, cursor } });
}

export const SignupStatusLabels = {
  confirmed: { label: '已报名', tone: 'success' },
  pending_payment: { label: '待支付', tone: 'warning' },
  cancelled: { label: '已取消', tone: 'neutral' },
} as const;
