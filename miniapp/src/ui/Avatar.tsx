import { Text, View } from '@tarojs/components';

/** A round badge with the first character of a name, for people without a photo. */
export function Avatar({ name, large = false }: { name: string | null | undefined; large?: boolean }) {
  const initial = (name ?? '').trim().charAt(0).toUpperCase() || '访';
  return (
    <View className={`ll-avatar ${large ? 'll-avatar--large' : ''}`}>
      <Text className='ll-avatar__text'>{initial}</Text>
    </View>
  );
}
