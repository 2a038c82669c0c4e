import { Text, View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import './BottomSheet.scss';

interface BottomSheetProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Tapping the mask or ×; left out, the sheet can only be answered by its own buttons. */
  onClose?(): void;
  /** A class on the sheet, e.g. `signup-sheet` (pages and tests find it by it). */
  className?: string;
}

/** A panel rising from the bottom over a dimmed page: short forms and confirmations. */
export function BottomSheet({ title, subtitle, onClose, className = '', children }: PropsWithChildren<BottomSheetProps>) {
  return (
    <View className={`ll-sheet ${className}`}>
      <View className='ll-sheet__mask' onClick={() => onClose?.()} />
      <View className='ll-sheet__panel' catchMove>
        <View className='ll-sheet__head'>
          <View className='ll-sheet__titles'>
            <Text className='ll-sheet__title'>{title}</Text>
            {subtitle && <Text className='ll-sheet__subtitle'>{subtitle}</Text>}
          </View>
          {onClose && (
            <View className='ll-sheet__close' onClick={onClose}>
              <Text>×</Text>
            </View>
          )}
        </View>
        <View className='ll-sheet__body'>{children}</View>
      </View>
    </View>
  );
}
