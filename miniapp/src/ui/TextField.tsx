import { Input, Text, View, type InputProps } from '@tarojs/components';

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

export function TextField({ label, value, onChange, placeholder, type = 'text', maxlength = 40, hint, error, name, onConfirm }: TextFieldProps) {
  return (
    <View className={`ll-field ${error ? 'll-field--error' : ''}`}>
      <Text className='ll-field__label'>{label}</Text>
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
      />
      {error ? <Text className='ll-field__error'>{error}</Text> : hint ? <Text className='ll-field__hint'>{hint}</Text> : null}
    </View>
  );
}
