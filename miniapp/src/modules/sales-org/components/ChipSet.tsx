import { Text, View } from '@tarojs/components';
import { CheckOption } from '@/ui';
import './ChipSet.scss';

interface ChipSetProps<V extends string> {
  label: string;
  options: readonly V[];
  value: readonly V[];
  onChange(value: V[]): void;
  names?: Partial<Record<V, string>>;
  /** What an empty choice means, e.g. 「不限」. */
  emptyHint: string;
}

/** Tick any of a fixed list (provinces, industries, sizes, tiers); ticking none means 「不限」. */
export function ChipSet<V extends string>({ label, options, value, onChange, names, emptyHint }: ChipSetProps<V>) {
  const toggle = (option: V, on: boolean) => onChange(on ? options.filter((o) => o === option || value.includes(o)) : value.filter((v) => v !== option));
  return (
    <View className='chip-set'>
      <Text className='chip-set__label'>{`${label}${value.length === 0 ? `（${emptyHint}）` : `（已选 ${value.length}）`}`}</Text>
      <View className='chip-set__options'>
        {options.map((option) => (
          <CheckOption key={option} className='chip-set__option' checked={value.includes(option)} onChange={(on) => toggle(option, on)}>
            <Text>{names?.[option] ?? option}</Text>
          </CheckOption>
        ))}
      </View>
    </View>
  );
}

/** 「广东、浙江 等 3 个」: a short summary of a list condition, or the empty hint. */
export function summary<V extends string>(values: readonly V[], names: Partial<Record<V, string>> | undefined, empty: string, max = 3): string {
  if (values.length === 0) return empty;
  const shown = values.slice(0, max).map((v) => names?.[v] ?? v).join('、');
  return values.length > max ? `${shown} 等 ${values.length} 项` : shown;
}
