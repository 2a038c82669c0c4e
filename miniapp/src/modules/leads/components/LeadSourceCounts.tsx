import { type LeadSourceContentType, type LeadSourceCount, PageLinks } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { platform } from '@/core/platform';
import { ActionButton, Card, Loading, Notice, Tappable } from '@/ui';
import { describeLeadError, sourceActionLabel } from '../services/lead-format';
import { fetchSourceCounts } from '../services/leads.service';
import './Leads.scss';

interface Props {
  contentType: LeadSourceContentType;
  contentId: string;
  /** The content's title, shown on the pool it opens. */
  title: string;
}

/**
 * The people behind a content's numbers (signed up, attended, watched ≥ N minutes, downloaded,
 * asked to be contacted): each count is a link to the lead pool filtered to it, counted as that
 * pool lists them.
 */
export function LeadSourceCounts({ contentType, contentId, title }: Props) {
  const load = useCallback(() => fetchSourceCounts(platform.consoleScope, contentType, contentId), [contentType, contentId]);
  const { data, error, reload } = useApiResource(load, !!contentId);
  const open = (c: LeadSourceCount) =>
    void Taro.navigateTo({ url: `/${PageLinks.consoleLeadsOf(contentType, contentId, c.action, c.minutes ?? undefined)}&title=${encodeURIComponent(title)}` });

  return (
    <Card title='线索名单' subtitle='点击人数，在线索池中查看这些客户'>
      {error ? (
        <View className='ll-stack'>
          <Notice tone='error'>{describeLeadError(error)}</Notice>
          <ActionButton variant='secondary' small block={false} onClick={reload}>
            重试
          </ActionButton>
        </View>
      ) : !data ? (
        <Loading />
      ) : (
        <View className='lead-sources'>
          {data.counts.map((c) => (
            <Tappable key={`${c.action}-${c.minutes ?? ''}`} className='lead-sources__item' label={`查看${sourceActionLabel(c.action, c.minutes ?? undefined)}的 ${c.count} 位客户`} onTap={() => open(c)}>
              <Text className='lead-sources__value'>{c.count} 人 ›</Text>
              <Text className='lead-sources__label'>{sourceActionLabel(c.action, c.minutes ?? undefined)}</Text>
            </Tappable>
          ))}
        </View>
      )}
    </Card>
  );
}
