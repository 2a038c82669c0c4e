import { Text, View } from '@tarojs/components';
import { BrandMark, useBrandName } from '@/modules/brand/components/BrandMark';
import './ConsoleLoginAside.scss';

const Points = ['直播、白皮书、活动一处管理', '分享链路与渠道归因实时可见', '线索评分与销售协同闭环'];

/** Beside the login code: whose console this is (the company's name and logo) and what it is for. */
export function ConsoleLoginAside() {
  const companyName = useBrandName();
  return (
    <View className='console-login-aside'>
      <View className='console-login-aside__brand'>
        <BrandMark className='console-login-aside__logo' fallback='控' />
        <Text className='console-login-aside__company'>{companyName ? `${companyName} · 管理控制台` : '管理控制台'}</Text>
      </View>
      <Text className='console-login-aside__headline'>让市场与销售，在同一条线索上协同</Text>
      <View className='console-login-aside__points'>
        {Points.map((point) => (
          <Text className='console-login-aside__point' key={point}>
            {point}
          </Text>
        ))}
      </View>
    </View>
  );
}
