import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './CheckOption.scss';

interface CheckOptionProps {
  checked: boolean;
  onChange(checked: boolean): void;
  children: ReactNode;
  /** A class on the row as well (pages and tests find options by it). */
  className?: string;
  disabled?: boolean;
}

/** A tickable row: a box and its label; the whole row toggles. */
export function CheckOption({ checked, onChange, children, className = '', disabled = false }: CheckOptionProps) {
  const classes = ['ll-check', checked ? 'll-check--checked' : '', disabled ? 'll-check--disabled' : '', className].filter(Boolean).join(' ');
  return (
    <View className={classes} role='checkbox' aria-checked={checked} onClick={() => !disabled && onChange(!checked)}>
      <View className='ll-check__box'>{checked && <Text className='ll-check__mark'>✓</Text>}</View>
      <View className='ll-check__label'>{children}</View>
    </View>
  );
}
