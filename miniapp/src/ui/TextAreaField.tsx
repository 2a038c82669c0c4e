import { Text, Textarea, View } from '@tarojs/components';
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
}

/** A multi-line field (summaries, introductions, notes) with a character count. */
export function TextAreaField({ label, value, onChange, placeholder, maxlength = 500, hint, error, name }: TextAreaFieldProps) {
  return (
    <View className={`ll-field ll-field--area ${error ? 'll-field--error' : ''}`}>
      <View className='ll-field__top'>
        <Text className='ll-field__label'>{label}</Text>
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
      />
      {error ? <Text className='ll-field__error'>{error}</Text> : hint ? <Text className='ll-field__hint'>{hint}</Text> : null}
    </View>
  );
}
