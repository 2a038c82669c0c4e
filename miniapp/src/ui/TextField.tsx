import { Input, View, type InputProps } from '@tarojs/components';
import { fieldProps } from '@/core/platform/a11y';
import { FieldLabel, FieldNote, useFieldIds } from './FieldParts';

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
  const { labelId, noteId } = useFieldIds(error, hint);
  return (
    <View className={`ll-field ${error ? 'll-field--error' : ''}`}>
      <FieldLabel id={labelId} label={label} />
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
        {...fieldProps(labelId, label, noteId)}
      />
      <FieldNote id={noteId} error={error} hint={hint} />
    </View>
  );
}
