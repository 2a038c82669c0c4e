import { ContentTypes, type ChannelView, type ContentType } from '@leadloop/shared';
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ContentTypeLabels } from '@/modules/share-chain/services/content';
import { ActionButton, Card } from '@/ui';
import { RangePresets, type StarMapFilters as Filters } from '../services/star-map.service';
import './StarMapSide.scss';

const CONTENT_ID = /^[\w-]{1,64}$/;

interface StarMapFiltersProps {
  value: Filters;
  channels: ChannelView[] | null;
  loading: boolean;
  onChange(next: Filters): void;
  onRefresh(): void;
}

function Chip({ active, label, onClick }: { active: boolean; label: string; onClick(): void }) {
  return (
    <Text className={`star-map-filters__chip ${active ? 'star-map-filters__chip--active' : ''}`} onClick={onClick}>
      {label}
    </Text>
  );
}

/** Which content's tree, over which period, through which channel. */
export function StarMapFilters({ value, channels, loading, onChange, onRefresh }: StarMapFiltersProps) {
  const [contentType, setContentType] = useState<ContentType>(value.contentType);
  const [contentId, setContentId] = useState(value.contentId);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setContentType(value.contentType);
    setContentId(value.contentId);
  }, [value.contentType, value.contentId]);

  const apply = () => {
    const id = contentId.trim();
    if (!CONTENT_ID.test(id)) {
      setError('内容 ID 只能包含字母、数字、下划线和短横线');
      return;
    }
    setError(null);
    if (id === value.contentId && contentType === value.contentType) onRefresh();
    else onChange({ ...value, contentType, contentId: id });
  };

  return (
    <Card className='star-map-filters'>
      <View className='star-map-filters__row'>
        <Text className='star-map-filters__label'>内容类型</Text>
        {ContentTypes.map((type) => (
          <Chip key={type} active={type === contentType} label={ContentTypeLabels[type]} onClick={() => setContentType(type)} />
        ))}
      </View>
      <View className='star-map-filters__row'>
        <Text className='star-map-filters__label'>内容 ID</Text>
        <Input
          className='star-map-filters__input'
          name='content-id'
          value={contentId}
          maxlength={64}
          placeholder='例如：home'
          onInput={(event) => setContentId(event.detail.value)}
          onConfirm={apply}
        />
        <ActionButton small block={false} loading={loading} onClick={apply}>
          查询
        </ActionButton>
        {error && <Text className='star-map-filters__error'>{error}</Text>}
      </View>
      <View className='star-map-filters__row'>
        <Text className='star-map-filters__label'>时间范围</Text>
        {RangePresets.map((preset) => (
          <Chip key={preset.key} active={preset.key === value.range} label={preset.label} onClick={() => onChange({ ...value, range: preset.key })} />
        ))}
      </View>
      <View className='star-map-filters__row'>
        <Text className='star-map-filters__label'>渠道</Text>
        <Chip active={value.channelCode === null} label='全部渠道' onClick={() => onChange({ ...value, channelCode: null })} />
        {(channels ?? []).map((channel) => (
          <Chip key={channel.id} active={channel.code === value.channelCode} label={channel.name} onClick={() => onChange({ ...value, channelCode: channel.code })} />
        ))}
      </View>
    </Card>
  );
}
