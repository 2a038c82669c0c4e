import { Text, View } from '@tarojs/components';
import { hiddenProps } from '@/core/platform/a11y';

/** A round badge with the first character of a name, for people without a photo (decoration: the name is shown beside it). */
export function Avatar({ name, large = false }: { name: string | null | undefined; large?: boolean }) {
  const initial = (name ?? '').trim().charAt(0).toUpperCase() || '访';
  return (
    <View className={`ll-avatar ${large ? 'll-avatar--large' : ''}`} {...hiddenProps()}>
      <Text className='ll-avatar__text'>{initial}</Text>
    </View>
  );
}
