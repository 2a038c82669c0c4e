import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { statusProps } from '@/core/platform/a11y';

type Tone = 'info' | 'success' | 'warning' | 'error';

export function Notice({ tone = 'info', children }: PropsWithChildren<{ tone?: Tone }>) {
  return (
    <View className={`ll-notice ll-notice--${tone}`} {...statusProps(tone === 'error')}>
      <Text className='ll-notice__text'>{children}</Text>
    </View>
  );
}
