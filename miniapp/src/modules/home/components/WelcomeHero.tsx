import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/ui';
import './WelcomeHero.scss';
import { Routes } from '@/core/routes';

/** The landing banner: the brand, what it promises, and the way in. */
export function WelcomeHero({ signedIn, nickname }: { signedIn: boolean; nickname: string | null }) {
  return (
    <View className='welcome-hero'>
      <View className='welcome-hero__brand'>
        <View className='welcome-hero__logo'>
          <Text>LL</Text>
        </View>
        <Text className='welcome-hero__product'>线索闭环 LeadLoop</Text>
      </View>
      <Text className='welcome-hero__headline'>{nickname ? `${nickname}，欢迎回来` : '让每一次分享，都带回一条好线索'}</Text>
      <Text className='welcome-hero__lead'>
        专为 B2B 企业打造的微信私域获客工具：直播报名、白皮书下载、销售名片一站打通，线索从哪里来、由谁带来、何时该跟进，一目了然。
      </Text>
      {!signedIn && (
        <View className='welcome-hero__cta'>
          <ActionButton variant='secondary' block={false} onClick={() => void Taro.switchTab({ url: Routes.mine })}>
            登录 / 注册
          </ActionButton>
        </View>
      )}
    </View>
  );
}
