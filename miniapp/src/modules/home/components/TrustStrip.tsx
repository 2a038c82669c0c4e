import { Text, View } from '@tarojs/components';
import './TrustStrip.scss';

/** A short, honest promise about personal data, as PIPL expects us to make. */
export function TrustStrip() {
  return (
    <View className='trust-strip'>
      <Text className='trust-strip__title'>你的信息，由你做主</Text>
      <Text className='trust-strip__text'>手机号加密存储、对外脱敏展示；你可以在「我的」中随时查看和管理个人信息。</Text>
    </View>
  );
}
