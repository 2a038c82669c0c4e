import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { headingProps, hiddenProps } from '@/core/platform/a11y';

type Tone = 'success' | 'warning' | 'error' | 'info';

const Glyphs: Record<Tone, string> = { success: '✓', warning: '!', error: '×', info: 'i' };

/** A centred outcome: an icon, a headline, a sentence, and whatever actions follow. */
export function ResultPanel({ tone, title, description, children }: PropsWithChildren<{ tone: Tone; title: string; description?: string }>) {
  return (
    <View className={`ll-result ll-result--${tone}`}>
      <View className='ll-result__icon' {...hiddenProps()}>
        <Text>{Glyphs[tone]}</Text>
      </View>
      <Text className='ll-result__title' {...headingProps(2)}>
        {title}
      </Text>
      {description && <Text className='ll-result__description'>{description}</Text>}
      {children && <View className='ll-result__actions'>{children}</View>}
    </View>
  );
}
