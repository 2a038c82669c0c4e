import { MAX_FEATURED_ITEMS, type CardFeaturedItem } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { describeError } from '@/core/api/api-error';
import { ContentTypeLabels } from '@/modules/share-chain/services/content';
import { ActionButton, BottomSheet, CheckOption, Loading, Notice, Tag, Tappable } from '@/ui';
import { isFeatured, toggleFeatured } from '../services/card-form';
import { featuredCandidates } from '../services/card.service';
import './CardEditor.scss';

function CandidatesSheet({ value, onChange, onClose }: { value: CardFeaturedItem[]; onChange(next: CardFeaturedItem[]): void; onClose(): void }) {
  const load = useCallback(() => featuredCandidates(), []);
  const { data, error, reload } = useApiResource(load);
  const full = value.length >= MAX_FEATURED_ITEMS;
  return (
    <BottomSheet className='featured-picker' title='选择精选内容' subtitle={`已选 ${value.length}/${MAX_FEATURED_ITEMS}，访客从你的名片打开时会计入你的分享`} onClose={onClose}>
      {error ? (
        <View className='ll-stack'>
          <Notice tone='error'>{describeError(error)}</Notice>
          <ActionButton variant='secondary' onClick={reload}>
            重试
          </ActionButton>
        </View>
      ) : !data ? (
        <Loading />
      ) : data.length === 0 ? (
        <Text className='ll-muted'>暂无已发布的白皮书或直播。</Text>
      ) : (
        <View className='featured-picker__list'>
          {data.map((item) => {
            const chosen = isFeatured(value, item);
            return (
              <CheckOption key={`${item.contentType}:${item.contentId}`} className='featured-picker__option' checked={chosen} disabled={!chosen && full} onChange={() => onChange(toggleFeatured(value, item))}>
                <View className='featured-picker__text'>
                  <Text className='featured-picker__title'>{item.title}</Text>
                  <Text className='ll-muted'>{item.subtitle}</Text>
                </View>
              </CheckOption>
            );
          })}
        </View>
      )}
      <View className='featured-picker__done'>
        <ActionButton onClick={onClose}>完成</ActionButton>
      </View>
    </BottomSheet>
  );
}

/** The card's featured content: what is picked (remove with ×), and a sheet to pick more. */
export function FeaturedPicker({ value, onChange, error }: { value: CardFeaturedItem[]; onChange(next: CardFeaturedItem[]): void; error?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='featured-edit'>
      {value.length === 0 ? (
        <Text className='ll-muted featured-edit__empty'>还没有精选内容。挑几份白皮书或直播放在名片上，访客点开即计入你的分享。</Text>
      ) : (
        value.map((item) => (
          <View key={`${item.contentType}:${item.contentId}`} className='featured-edit__item'>
            <Tag tone={item.contentType === 'live' ? 'warning' : 'brand'}>{ContentTypeLabels[item.contentType]}</Tag>
            <Text className='featured-edit__title'>{item.title}</Text>
            <Tappable className='featured-edit__remove' role='button' label={`移除「${item.title}」`} onTap={() => onChange(toggleFeatured(value, item))}>
              <Text>×</Text>
            </Tappable>
          </View>
        ))
      )}
      {error && <Notice tone='error'>{error}</Notice>}
      <ActionButton variant='secondary' onClick={() => setOpen(true)}>
        添加精选内容
      </ActionButton>
      {open && <CandidatesSheet value={value} onChange={onChange} onClose={() => setOpen(false)} />}
    </View>
  );
}
