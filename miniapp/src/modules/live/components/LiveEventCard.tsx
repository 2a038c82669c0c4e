import type { LiveEventView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { Tag, Tappable } from '@/ui';
import { formatLiveTime, formatPrice, formatSeats, livePhase } from '../services/live-format';
import { LiveCover } from './LiveCover';
import './LiveCards.scss';

/** One upcoming event in a list: cover, title, time, price and seats; opens its page (or does what `onOpen` says). */
export function LiveEventCard({ event, now, onOpen }: { event: LiveEventView; now: number; onOpen?: (id: string) => void }) {
  const phase = livePhase(now, event.startAt, event.endAt);
  const signedUp = event.mySignup?.status === 'confirmed';
  const pending = event.mySignup?.status === 'pending_payment';
  const open = () => (onOpen ? onOpen(event.id) : void Taro.navigateTo({ url: `${Routes.liveDetail}?id=${encodeURIComponent(event.id)}` }));
  return (
    <Tappable className='live-card' onTap={open}>
      <LiveCover event={event} phase={phase} size='thumb' />
      <View className='live-card__body'>
        <Text className='live-card__title'>{event.title}</Text>
        <Text className='live-card__time'>{formatLiveTime(event.startAt)}</Text>
        <View className='live-card__meta'>
          <Text className={`live-card__price ${event.priceFen > 0 ? 'live-card__price--paid' : ''}`}>{formatPrice(event.priceFen)}</Text>
          {signedUp ? (
            <Tag tone='success'>已报名</Tag>
          ) : pending ? (
            <Tag tone='warning'>待支付</Tag>
          ) : (
            <Text className={`live-card__seats ${event.seatsLeft <= 0 ? 'live-card__seats--full' : ''}`}>{formatSeats(event.seatsLeft, event.capacity)}</Text>
          )}
        </View>
      </View>
    </Tappable>
  );
}
