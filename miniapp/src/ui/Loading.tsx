import { Text, View } from '@tarojs/components';
import { statusProps } from '@/core/platform/a11y';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='ll-loading' {...statusProps()}>
      <View className='ll-loading__spinner' />
      <Text className='ll-loading__text'>{text}</Text>
    </View>
  );
}
