import { Input, Text, View, type InputProps } from '@tarojs/components';
import { useId } from 'react';
import { fieldProps, statusProps } from '@/core/platform/a11y';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  type?: InputProps['type'];
  maxlength?: number;
  hint?: string;
  error?: string | null;
  name?: string;
  onConfirm?(): void;
}

/** A labelled one-line field; the label (not the placeholder) is what a screen reader announces. */
export function TextField({ label, value, onChange, placeholder, type = 'text', maxlength = 40, hint, error, name, onConfirm }: TextFieldProps) {
  const id = useId();
  const note = error || hint ? `${id}-note` : undefined;
  return (
    <View className={`ll-field ${error ? 'll-field--error' : ''}`}>
      <Text className='ll-field__label' id={`${id}-label`}>
        {label}
      </Text>
      <Input
        className='ll-field__input'
        name={name}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='ll-field__placeholder'
        onInput={(event) => onChange(event.detail.value)}
        onConfirm={() => onConfirm?.()}
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
