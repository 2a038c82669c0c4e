import { Text } from '@tarojs/components';
import { useId } from 'react';
import { statusProps } from '@/core/platform/a11y';

/** The ids that tie a field to its label and to its hint or error (none when it has neither). */
export function useFieldIds(error: string | null | undefined, hint: string | undefined) {
  const id = useId();
  return { labelId: `${id}-label`, noteId: error || hint ? `${id}-note` : undefined };
}

/** The visible label a field is announced by. */
export function FieldLabel({ id, label }: { id: string; label: string }) {
  return (
    <Text className='ll-field__label' id={id}>
      {label}
    </Text>
  );
}

/** Under a field: its error (announced at once) or else its hint. */
export function FieldNote({ id, error, hint }: { id: string | undefined; error?: string | null; hint?: string }) {
  if (error) {
    return (
      <Text className='ll-field__error' id={id} {...statusProps(true)}>
        {error}
      </Text>
    );
  }
  return hint ? (
    <Text className='ll-field__hint' id={id}>
      {hint}
    </Text>
  ) : null;
}
