import type { HomeBlock, HomeCardItem } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { serverUrl } from '@/core/api/server-url';
import { Avatar, Card, Picture } from '@/ui';

type Cards = Extract<HomeBlock, { type: 'cards' }>;

/** Featured salespeople: each opens their card. Cards no longer shown (a leaver) are left out. */
export function CardsBlockView({ block, cards, onOpen }: { block: Cards; cards: readonly HomeCardItem[]; onOpen(id: string): void }) {
  const shown = block.cardIds.map((id) => cards.find((c) => c.id === id)).filter((c): c is HomeCardItem => !!c);
  if (shown.length === 0) return null;
  return (
    <Card className='home-cards' title={block.title} subtitle='有问题，直接找顾问聊聊'>
      {shown.map((card) => (
        <View key={card.id} className='home-cards__item' onClick={() => onOpen(card.id)}>
          {card.avatarUrl ? <Picture className='home-cards__avatar' src={serverUrl(card.avatarUrl)} mode='aspectFill' alt={`${card.name}的头像`} /> : <Avatar name={card.name} />}
          <View className='home-cards__text'>
            <Text className='home-cards__name'>{card.name}</Text>
            {card.title && <Text className='home-cards__title'>{card.title}</Text>}
          </View>
          <Text className='home-cards__arrow'>›</Text>
        </View>
      ))}
    </Card>
  );
}
