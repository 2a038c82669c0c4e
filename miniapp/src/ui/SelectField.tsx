import { Text, View } from '@tarojs/components';
import { useId, useState } from 'react';
import { controlProps, groupProps, statusProps } from '@/core/platform/a11y';
import { BottomSheet } from './BottomSheet';
import './SelectField.scss';

interface SelectFieldProps<V extends string> {
  label: string;
  options: readonly V[];
  value: V | null;
  onChange(value: V | null): void;
  /** How each option reads (defaults to the value itself). */
  names?: Partial<Record<V, string>>;
  placeholder?: string;
  /** Offers 「不填」 to clear the choice. */
  clearable?: boolean;
  error?: string | null;
  /** A class on the field (pages and tests find it by it). */
  className?: string;
}

/**
 * Pick one of a fixed list (industry, company size, province): a labelled field that opens a sheet
 * of options, the same in WeChat and in a browser, reachable with the keyboard.
 */
export function SelectField<V extends string>({ label, options, value, onChange, names, placeholder = '请选择', clearable = false, error, className = '' }: SelectFieldProps<V>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const nameOf = (v: V) => names?.[v] ?? v;
  const pick = (next: V | null) => {
    onChange(next);
    setOpen(false);
  };
  return (
    <View className={`ll-field ll-select ${error ? 'll-field--error' : ''} ${className}`}>
      <Text className='ll-field__label' id={`${id}-label`}>
        {label}
      </Text>
      <View
        className='ll-field__input ll-select__value'
        onClick={() => setOpen(true)}
        {...controlProps({ role: 'button', label: `${label}：${value ? nameOf(value) : '未选择'}`, onActivate: () => setOpen(true) })}
      >
        <Text className={value ? '' : 'll-field__placeholder'}>{value ? nameOf(value) : placeholder}</Text>
        <Text className='ll-select__chevron'>›</Text>
      </View>
      {error && (
        <Text className='ll-field__error' {...statusProps(true)}>
          {error}
        </Text>
      )}
      {open && (
        <BottomSheet title={`选择${label}`} onClose={() => setOpen(false)} className='ll-select__sheet'>
          <View className='ll-select__options' {...groupProps('radiogroup', `${id}-label`, label)}>
            {options.map((option) => (
              <View
                key={option}
                className={`ll-select__option ${option === value ? 'll-select__option--active' : ''}`}
                onClick={() => pick(option)}
                {...controlProps({ role: 'radio', checked: option === value, onActivate: () => pick(option) })}
              >
                <Text>{nameOf(option)}</Text>
              </View>
            ))}
            {clearable && value && (
              <View className='ll-select__option ll-select__option--clear' onClick={() => pick(null)} {...controlProps({ role: 'button', onActivate: () => pick(null) })}>
                <Text>不填</Text>
              </View>
            )}
          </View>
        </BottomSheet>
      )}
    </View>
  );
}
