import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

export function Notice({ tone = 'info', children }: PropsWithChildren<{ tone?: Tone }>) {
  return (
    <View className={`ll-notice ll-notice--${tone}`}>
      <Text className='ll-notice__text'>{children}</Text>
    </View>
  );
}
