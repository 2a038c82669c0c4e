import type { LiveEventView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { serverUrl } from '@/core/api/server-url';
import { splitBeijing, type LivePhase } from '../services/live-format';
import './LiveCards.scss';
import { Picture } from '@/ui';

const PhaseBadges: Record<LivePhase, string> = { upcoming: '预告', live: '直播中', ended: '已结束' };

interface LiveCoverProps {
  event: Pick<LiveEventView, 'coverUrl' | 'startAt' | 'title'>;
  phase: LivePhase;
  size: 'thumb' | 'hero';
}

/** The event's cover, or a calm branded placeholder with its date when there is none. */
export function LiveCover({ event, phase, size }: LiveCoverProps) {
  const { date, time } = splitBeijing(event.startAt);
  const [, month, day] = date.split('-');
  return (
    <View className={`live-cover live-cover--${size}`}>
      {event.coverUrl ? (
        <Picture className='live-cover__image' src={serverUrl(event.coverUrl)} mode='aspectFill' alt={`「${event.title}」封面`} />
      ) : (
        <View className='live-cover__placeholder'>
          <View className='live-cover__ring live-cover__ring--one' />
          <View className='live-cover__ring live-cover__ring--two' />
          <Text className='live-cover__date'>{month && day ? `${Number(month)}.${day}` : ''}</Text>
          <Text className='live-cover__time'>{time} 开播</Text>
        </View>
      )}
      <View className={`live-cover__badge live-cover__badge--${phase}`}>
        {phase === 'live' && <View className='live-cover__dot' />}
        <Text>{PhaseBadges[phase]}</Text>
      </View>
    </View>
  );
}
