import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { controlProps } from '@/core/platform/a11y';

interface TappableProps {
  className?: string;
  onTap(): void;
  /** `link` opens another page; `button` does something here. */
  role?: 'link' | 'button';
  /** The name read out when the content does not say it (an icon, a picture). */
  label?: string;
  disabled?: boolean;
}

/** A tappable row or card: a real control (role, name, a Tab stop, Enter/Space) rather than a bare View. */
export function Tappable({ className = '', onTap, role = 'link', label, disabled = false, children }: PropsWithChildren<TappableProps>) {
  const tap = () => !disabled && onTap();
  return (
    <View className={className} onClick={tap} {...controlProps({ role, label, disabled, onActivate: tap })}>
      {children}
    </View>
  );
}
