import { Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

type Tone = 'brand' | 'success' | 'warning' | 'neutral' | 'danger';

export function Tag({ tone = 'brand', children }: PropsWithChildren<{ tone?: Tone }>) {
  return <Text className={`ll-tag ll-tag--${tone}`}>{children}</Text>;
}
