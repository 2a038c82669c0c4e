import type { CardFeaturedView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ContentTypeLabels } from '@/modules/share-chain/services/content';
import { Card, Tag, Tappable } from '@/ui';
import { featuredUrl } from '../services/card-form';
import './Card.scss';

/** Opens a featured item with the owner's share token for it: tab pages relaunch, others open on top. */
function openFeatured(item: CardFeaturedView): void {
  const url = featuredUrl(item);
  if (item.contentType === 'page') void Taro.reLaunch({ url });
  else void Taro.navigateTo({ url });
}

/** The owner's picks: each opens with their share token, so the chain continues through them. */
export function FeaturedList({ items, ownerName }: { items: readonly CardFeaturedView[]; ownerName: string }) {
  if (items.length === 0) return null;
  return (
    <Card className='card-featured' title={`${ownerName} 推荐`} subtitle='精选资料与直播，点击查看'>
      {items.map((item) => (
        <Tappable key={`${item.contentType}:${item.contentId}`} className='card-featured__item' onTap={() => openFeatured(item)}>
          <Tag tone={item.contentType === 'live' ? 'warning' : 'brand'}>{ContentTypeLabels[item.contentType]}</Tag>
          <Text className='card-featured__title'>{item.title}</Text>
          <Text className='card-featured__arrow'>›</Text>
        </Tappable>
      ))}
    </Card>
  );
}
