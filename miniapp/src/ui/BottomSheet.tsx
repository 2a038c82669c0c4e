import { Text, View } from '@tarojs/components';
import { useId, useRef, type PropsWithChildren, type ReactNode } from 'react';
import { controlProps, dialogProps, headingProps, hiddenProps, useDialogFocus } from '@/core/platform/a11y';
import './BottomSheet.scss';

interface BottomSheetProps {
  /** Also the dialog's name: keep it text. */
  title: string;
  subtitle?: ReactNode;
  /** Tapping the mask or ×, or Escape; left out, the sheet can only be answered by its own buttons. */
  onClose?(): void;
  /** A class on the sheet, e.g. `signup-sheet` (pages and tests find it by it). */
  className?: string;
}

/**
 * A panel rising from the bottom over a dimmed page: short forms and confirmations. A modal dialog:
 * focus moves into it while it is open and back where it was when it closes.
 */
export function BottomSheet({ title, subtitle, onClose, className = '', children }: PropsWithChildren<BottomSheetProps>) {
  const titleId = useId();
  const panel = useRef(null);
  useDialogFocus(panel, onClose);
  return (
    <View className={`ll-sheet ${className}`}>
      <View className='ll-sheet__mask' onClick={() => onClose?.()} {...hiddenProps()} />
      <View className='ll-sheet__panel' catchMove ref={panel} {...dialogProps(titleId, title)}>
        <View className='ll-sheet__head'>
          <View className='ll-sheet__titles'>
            <Text className='ll-sheet__title' id={titleId} {...headingProps(2)}>
              {title}
            </Text>
            {subtitle && <Text className='ll-sheet__subtitle'>{subtitle}</Text>}
          </View>
          {onClose && (
            <View className='ll-sheet__close' onClick={onClose} {...controlProps({ role: 'button', label: '关闭', onActivate: onClose })}>
              <Text {...hiddenProps()}>×</Text>
            </View>
          )}
        </View>
        <View className='ll-sheet__body'>{children}</View>
      </View>
    </View>
  );
}
