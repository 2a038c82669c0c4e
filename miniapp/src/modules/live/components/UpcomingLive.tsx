import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, Loading, Notice } from '@/ui';
import { useNow } from '../hooks/useNow';
import { useUpcomingLive } from '../hooks/useUpcomingLive';
import { LiveEventCard } from './LiveEventCard';
import './LiveCards.scss';

interface UpcomingLiveProps {
  title?: string;
  /** Featured events, in order; none: the next published events, soonest first. */
  eventIds?: readonly string[];
  onOpen?: (id: string) => void;
}

/** 首页's 近期直播: featured events, or the next published ones. */
export function UpcomingLive({ title = '近期直播', eventIds, onOpen }: UpcomingLiveProps) {
  const { data, error, reload } = useUpcomingLive(eventIds);
  const now = useNow(30_000);
  // Back on 首页 after signing up: the list shows 已报名 (the first load is the hook's own).
  const loaded = useRef(false);
  loaded.current = data !== null;
  useDidShow(() => {
    if (loaded.current) reload();
  });
  return (
    <Card className='upcoming-live' title={title} subtitle='报名后，开播前通过微信提醒你'>
      {error && !data ? (
        <View className='ll-stack'>
          <Notice tone='error'>{describeError(error)}</Notice>
          <ActionButton variant='secondary' small onClick={reload}>
            重新加载
          </ActionButton>
        </View>
      ) : !data ? (
        <Loading />
      ) : data.length === 0 ? (
        <Text className='ll-muted'>近期暂无直播，敬请期待。</Text>
      ) : (
        <View className='upcoming-live__list'>
          {data.map((event) => (
            <LiveEventCard key={event.id} event={event} now={now} onOpen={onOpen} />
          ))}
        </View>
      )}
    </Card>
  );
}
