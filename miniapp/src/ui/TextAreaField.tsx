import { Text, Textarea, View } from '@tarojs/components';
import { fieldProps } from '@/core/platform/a11y';
import { FieldLabel, FieldNote, useFieldIds } from './FieldParts';
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
  const { labelId, noteId } = useFieldIds(error, hint);
  return (
    <View className={`ll-field ll-field--area ${className} ${error ? 'll-field--error' : ''}`}>
      <View className='ll-field__top'>
        <FieldLabel id={labelId} label={label} />
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
        {...fieldProps(labelId, label, noteId)}
      />
      <FieldNote id={noteId} error={error} hint={hint} />
    </View>
  );
}
