import { ContentTypes, type ChannelView, type ContentType } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { controlProps } from '@/core/platform/a11y';
import { ContentTypeLabels, describeContent } from '@/modules/share-chain/services/content';
import { Card, Loading } from '@/ui';
import { HOME_CONTENT, RangePresets, type SharedContent, type StarMapFilters as Filters } from '../services/star-map.service';
import './StarMapSide.scss';

interface StarMapFiltersProps {
  value: Filters;
  channels: ChannelView[] | null;
  /** Shared content with titles (null while loading). */
  contents: SharedContent[] | null;
  onChange(next: Filters): void;
}

function Chip({ active, label, onClick, className = '' }: { active: boolean; label: string; onClick(): void; className?: string }) {
  return (
    <Text
      className={`star-map-filters__chip ${active ? 'star-map-filters__chip--active' : ''} ${className}`}
      onClick={onClick}
      {...controlProps({ role: 'radio', checked: active, onActivate: onClick })}
    >
      {label}
    </Text>
  );
}

const sameContent = (a: Pick<SharedContent, 'contentType' | 'contentId'>, b: Pick<SharedContent, 'contentType' | 'contentId'>) =>
  a.contentType === b.contentType && a.contentId === b.contentId;

/** Which content's tree (picked by title), over which period, through which channel. */
export function StarMapFilters({ value, channels, contents, onChange }: StarMapFiltersProps) {
  const [type, setType] = useState<ContentType>(value.contentType);
  // The home page is always there to pick, shared yet or not.
  const all = contents ? (contents.some((c) => sameContent(c, HOME_CONTENT)) ? contents : [HOME_CONTENT, ...contents]) : null;
  const ofType = (all ?? []).filter((c) => c.contentType === type);

  return (
    <Card className='star-map-filters'>
      <View className='star-map-filters__row' role='radiogroup' aria-label='内容类型'>
        <Text className='star-map-filters__label'>内容类型</Text>
        {ContentTypes.map((t) => (
          <Chip key={t} active={t === type} label={ContentTypeLabels[t]} onClick={() => setType(t)} />
        ))}
      </View>
      <View className='star-map-filters__row' role='radiogroup' aria-label='内容'>
        <Text className='star-map-filters__label'>内容</Text>
        {!all ? (
          <Loading text='正在读取分享过的内容…' />
        ) : ofType.length === 0 ? (
          <Text className='ll-muted'>{`还没有分享过的${ContentTypeLabels[type]}`}</Text>
        ) : (
          <View className='star-map-filters__contents'>
            {ofType.map((content) => (
              <Chip
                key={`${content.contentType}-${content.contentId}`}
                className='star-map-filters__content'
                active={sameContent(content, value)}
                label={describeContent(content.contentType, content.title)}
                onClick={() => onChange({ ...value, contentType: content.contentType, contentId: content.contentId })}
              />
            ))}
          </View>
        )}
      </View>
      <View className='star-map-filters__row' role='radiogroup' aria-label='时间范围'>
        <Text className='star-map-filters__label'>时间范围</Text>
        {RangePresets.map((preset) => (
          <Chip key={preset.key} active={preset.key === value.range} label={preset.label} onClick={() => onChange({ ...value, range: preset.key })} />
        ))}
      </View>
      <View className='star-map-filters__row' role='radiogroup' aria-label='渠道'>
        <Text className='star-map-filters__label'>渠道</Text>
        <Chip active={value.channelCode === null} label='全部渠道' onClick={() => onChange({ ...value, channelCode: null })} />
        {(channels ?? []).map((channel) => (
          <Chip key={channel.id} active={channel.code === value.channelCode} label={channel.name} onClick={() => onChange({ ...value, channelCode: channel.code })} />
        ))}
      </View>
    </Card>
  );
}
