import { Text, View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import { headingProps } from '@/core/platform/a11y';

interface CardProps {
  title?: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  className?: string;
}

export function Card({ title, subtitle, extra, className = '', children }: PropsWithChildren<CardProps>) {
  return (
    <View className={`ll-card ${className}`}>
      {(title || extra) && (
        <View className='ll-card__head'>
          <View className='ll-card__titles'>
            {title && (
              <Text className='ll-card__title' {...headingProps(2)}>
                {title}
              </Text>
            )}
            {subtitle && <Text className='ll-card__subtitle'>{subtitle}</Text>}
          </View>
          {extra && <View className='ll-card__extra'>{extra}</View>}
        </View>
      )}
      {children}
    </View>
  );
}
