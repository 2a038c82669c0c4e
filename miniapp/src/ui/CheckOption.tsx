import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { controlProps, hiddenProps } from '@/core/platform/a11y';
import './CheckOption.scss';

interface CheckOptionProps {
  checked: boolean;
  onChange(checked: boolean): void;
  children: ReactNode;
  /** A class on the row as well (pages and tests find options by it). */
  className?: string;
  disabled?: boolean;
}

/** A tickable row: a box and its label; the whole row toggles (a checkbox to assistive technology). */
export function CheckOption({ checked, onChange, children, className = '', disabled = false }: CheckOptionProps) {
  const classes = ['ll-check', checked ? 'll-check--checked' : '', disabled ? 'll-check--disabled' : '', className].filter(Boolean).join(' ');
  const toggle = () => !disabled && onChange(!checked);
  return (
    <View className={classes} onClick={toggle} {...controlProps({ role: 'checkbox', checked, disabled, onActivate: toggle })}>
      <View className='ll-check__box' {...hiddenProps()}>
        {checked && <Text className='ll-check__mark'>✓</Text>}
      </View>
      <View className='ll-check__label'>{children}</View>
    </View>
  );
}
