import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { landmarkProps } from '@/core/platform/a11y';

interface PageProps {
  /** `wide` lays the page out for a desktop browser (console pages). */
  wide?: boolean;
  className?: string;
}

export function Page({ wide = false, className = '', children }: PropsWithChildren<PageProps>) {
  // The page's main region (the navigation bar above it is the banner, see platform/a11y).
  return (
    <View className={`ll-page ${wide ? 'll-page--wide' : ''} ${className}`} {...landmarkProps('main')}>
      {children}
    </View>
  );
}
