import { Text, View } from '@tarojs/components';
import { useId } from 'react';
import { controlProps, groupProps } from '@/core/platform/a11y';

interface ChoiceCardsProps<V extends string> {
  label: string;
  options: readonly V[];
  value: V;
  onChange(value: V): void;
  names: Record<V, string>;
  hints: Record<V, string>;
  /** A class on each option as well, e.g. `invite-form__role` (pages and tests find options by it). */
  optionClassName: string;
}

/** Pick one of a few options, each a card with its name and what it is for (a radio group). */
export function ChoiceCards<V extends string>({ label, options, value, onChange, names, hints, optionClassName }: ChoiceCardsProps<V>) {
  const labelId = useId();
  return (
    <>
      <Text className='ll-choices__label' id={labelId}>
        {label}
      </Text>
      <View className='ll-choices' {...groupProps('radiogroup', labelId, label)}>
        {options.map((option) => (
          <View
            key={option}
            className={`ll-choices__option ${optionClassName} ${option === value ? 'll-choices__option--active' : ''}`}
            onClick={() => onChange(option)}
            {...controlProps({ role: 'radio', checked: option === value, onActivate: () => onChange(option) })}
          >
            <Text className='ll-choices__name'>{names[option]}</Text>
            <Text className='ll-choices__hint'>{hints[option]}</Text>
          </View>
        ))}
      </View>
    </>
  );
}
