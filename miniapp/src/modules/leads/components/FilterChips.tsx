import { Text, View } from '@tarojs/components';
import { controlProps } from '@/core/platform/a11y';
import './Leads.scss';

interface FilterChipsProps<V extends string> {
  label: string;
  options: readonly V[];
  names: Record<V, string>;
  /** undefined: 全部. */
  value: V | undefined;
  onChange(value: V | undefined): void;
  /** Offer 全部 first (single choice that may be cleared). */
  allowAll?: boolean;
}

/** One filter as a row of chips: tap to choose, 全部 to clear. */
export function FilterChips<V extends string>({ label, options, names, value, onChange, allowAll = true }: FilterChipsProps<V>) {
  const chip = (key: string, text: string, on: boolean, pick: () => void) => (
    <View key={key} className={`lead-chip ${on ? 'lead-chip--on' : ''}`} onClick={pick} {...controlProps({ role: 'radio', checked: on, label: `${label}：${text}`, onActivate: pick })}>
      <Text>{text}</Text>
    </View>
  );
  return (
    <View className='lead-chips' {...{ role: 'radiogroup', 'aria-label': label }}>
      <Text className='lead-chips__label'>{label}</Text>
      {allowAll && chip('all', '全部', value === undefined, () => onChange(undefined))}
      {options.map((option) => chip(option, names[option], value === option, () => onChange(option)))}
    </View>
  );
}
