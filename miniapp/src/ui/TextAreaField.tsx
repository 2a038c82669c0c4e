import { Text, Textarea, View } from '@tarojs/components';
import { useId } from 'react';
import { fieldProps, statusProps } from '@/core/platform/a11y';
import './TextAreaField.scss';

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  maxlength?: number;
  hint?: string;
  error?: string | null;
  name?: string;
  /** A class on the field as well (pages and tests find it by it). */
  className?: string;
}

/** A multi-line field (summaries, introductions, notes) with a character count. */
export function TextAreaField({ label, value, onChange, placeholder, maxlength = 500, hint, error, name, className = '' }: TextAreaFieldProps) {
  const id = useId();
  const note = error || hint ? `${id}-note` : undefined;
  return (
    <View className={`ll-field ll-field--area ${className} ${error ? 'll-field--error' : ''}`}>
      <View className='ll-field__top'>
        <Text className='ll-field__label' id={`${id}-label`}>
          {label}
        </Text>
        <Text className='ll-field__count'>
          {value.length}/{maxlength}
        </Text>
      </View>
      <Textarea
        className='ll-field__textarea'
        name={name}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='ll-field__placeholder'
        onInput={(event) => onChange(event.detail.value)}
        {...fieldProps(`${id}-label`, label, note)}
      />
      {error ? (
        <Text className='ll-field__error' id={note} {...statusProps(true)}>
          {error}
        </Text>
      ) : hint ? (
        <Text className='ll-field__hint' id={note}>
          {hint}
        </Text>
      ) : null}
    </View>
  );
}
