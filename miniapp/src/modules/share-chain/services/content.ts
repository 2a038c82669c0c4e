import type { ContentType } from '@leadloop/shared';

export const ContentTypeLabels: Record<ContentType, string> = {
  live: '直播',
  whitepaper: '白皮书',
  card: '名片',
  campaign: '活动',
  page: '页面',
};

/** How a shared item is named in lists: its title (the server's), or that it was deleted; never its id. */
export function describeContent(contentType: ContentType, title: string | null): string {
  return title ?? `已删除的${ContentTypeLabels[contentType]}`;
}
