import type { ContentType, SharedContentList, StarMapResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { readAllPages } from '@/core/api/useKeysetList';
import { platform } from '@/core/platform';

export const RangePresets = [
  { key: '7d', label: '近 7 天', days: 7 },
  { key: '30d', label: '近 30 天', days: 30 },
  { key: '90d', label: '近 90 天', days: 90 },
  { key: 'all', label: '全部', days: null },
] as const;
export type RangeKey = (typeof RangePresets)[number]['key'];

export interface StarMapFilters {
  contentType: ContentType;
  contentId: string;
  range: RangeKey;
  /** null: every channel. */
  channelCode: string | null;
}

export const DefaultFilters: StarMapFilters = { contentType: 'page', contentId: 'home', range: 'all', channelCode: null };

/** The start of a preset range, as the API's `from` (ISO); undefined for all time. */
export function rangeStart(range: RangeKey, now: number = Date.now()): string | undefined {
  const preset = RangePresets.find((p) => p.key === range);
  if (!preset || preset.days === null) return undefined;
  return new Date(now - preset.days * 24 * 60 * 60 * 1000).toISOString();
}

export function fetchStarMap(filters: StarMapFilters): Promise<StarMapResponse> {
  return api('starMap', undefined, {
    scope: platform.consoleScope,
    query: {
      contentType: filters.contentType,
      contentId: filters.contentId,
      from: rangeStart(filters.range),
      channelCode: filters.channelCode ?? undefined,
    },
  });
}

export type SharedContent = SharedContentList['items'][number];

/** Content that has been shared, with titles, most recently shared first: what the map can be opened for (every page: the picker sorts them by type). */
export function fetchSharedContents(): Promise<SharedContent[]> {
  return readAllPages((cursor, limit) => api('sharedContents', undefined, { scope: platform.consoleScope, query: { limit, cursor } }));
}

/** The map's default: the home page, shareable before any content exists. */
export const HOME_CONTENT: SharedContent = { contentType: 'page', contentId: 'home', title: '首页', shares: 0 };
