import { Text, View } from '@tarojs/components';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='ll-loading'>
      <View className='ll-loading__spinner' />
      <Text className='ll-loading__text'>{text}</Text>
    </View>
  );
}
