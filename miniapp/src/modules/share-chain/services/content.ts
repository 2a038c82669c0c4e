import type { ContentType } from '@leadloop/shared';

export const ContentTypeLabels: Record<ContentType, string> = {
  live: '直播',
  whitepaper: '白皮书',
  card: '名片',
  campaign: '活动',
  page: '页面',
};

/** Pages that can be shared before there is content of their own. */
const PageTitles: Record<string, string> = { home: '首页' };

/** 「首页」, 「直播 · 01J…」: how a shared item is named in lists. */
export function describeContent(contentType: ContentType, contentId: string): string {
  if (contentType === 'page') return PageTitles[contentId] ?? `页面 · ${contentId}`;
  return `${ContentTypeLabels[contentType]} · ${contentId}`;
}
