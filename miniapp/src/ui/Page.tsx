import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

interface PageProps {
  /** `wide` lays the page out for a desktop browser (console pages). */
  wide?: boolean;
  className?: string;
}

export function Page({ wide = false, className = '', children }: PropsWithChildren<PageProps>) {
  return <View className={`ll-page ${wide ? 'll-page--wide' : ''} ${className}`}>{children}</View>;
}
