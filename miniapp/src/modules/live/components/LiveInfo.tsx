import type { LiveEventView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { Avatar, Card } from '@/ui';
import { formatPrice } from '../services/live-format';
import './LiveDetail.scss';

/** Price, seats, where it is watched, the speakers and what it is about. */
export function LiveInfo({ event }: { event: LiveEventView }) {
  const facts = [
    { label: '报名费用', value: formatPrice(event.priceFen), tone: event.priceFen > 0 ? 'paid' : 'free' },
    // The label already says 剩余名额: the value is just the number (a long phrase wrapped mid-word).
    { label: '剩余名额', value: event.seatsLeft <= 0 ? '已满' : `${event.seatsLeft} 个`, tone: event.seatsLeft <= 0 ? 'full' : '' },
    { label: '观看方式', value: event.watchKind === 'channels' ? '微信视频号直播' : '小程序内直播', tone: '' },
  ];
  return (
    <>
      <Card>
        <View className='live-facts'>
          {facts.map((fact) => (
            <View className='live-facts__item' key={fact.label}>
              <Text className={`live-facts__value ${fact.tone ? `live-facts__value--${fact.tone}` : ''}`}>{fact.value}</Text>
              <Text className='live-facts__label'>{fact.label}</Text>
            </View>
          ))}
        </View>
      </Card>
      {event.speakers.length > 0 && (
        <Card title='分享嘉宾'>
          <View className='live-speakers'>
            {event.speakers.map((speaker) => (
              <View className='live-speakers__item' key={`${speaker.name}-${speaker.title}`}>
                <Avatar name={speaker.name} />
                <View className='live-speakers__text'>
                  <Text className='live-speakers__name'>{speaker.name}</Text>
                  {speaker.title && <Text className='live-speakers__title'>{speaker.title}</Text>}
                </View>
              </View>
            ))}
          </View>
        </Card>
      )}
      {event.summary && (
        <Card title='直播介绍'>
          <Text className='live-summary'>{event.summary}</Text>
        </Card>
      )}
    </>
  );
}
