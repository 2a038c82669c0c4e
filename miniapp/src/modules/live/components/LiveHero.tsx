import type { LiveEventView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { formatLiveRange, livePhase, phaseLine } from '../services/live-format';
import { LiveCover } from './LiveCover';
import './LiveDetail.scss';

/** The top of an event's page: cover, title, when, and the countdown (or 进行中 / 已结束). */
export function LiveHero({ event, now }: { event: LiveEventView; now: number }) {
  const phase = livePhase(now, event.startAt, event.endAt);
  return (
    <View className='live-hero'>
      <LiveCover event={event} phase={phase} size='hero' />
      <View className='live-hero__body'>
        <Text className='live-hero__title'>{event.title}</Text>
        <Text className='live-hero__when'>{formatLiveRange(event.startAt, event.endAt)}（北京时间）</Text>
        <View className={`live-hero__countdown live-hero__countdown--${phase}`}>
          <Text>{phase === 'ended' && event.replayUrl ? '已结束，查看回放' : phaseLine(now, event.startAt, event.endAt)}</Text>
        </View>
      </View>
    </View>
  );
}
