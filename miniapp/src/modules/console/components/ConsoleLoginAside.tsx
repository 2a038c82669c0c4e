import { Text, View } from '@tarojs/components';
import './ConsoleLoginAside.scss';

const Points = ['直播、白皮书、活动一处管理', '分享链路与渠道归因实时可见', '线索评分与销售协同闭环'];

export function ConsoleLoginAside() {
  return (
    <View className='console-login-aside'>
      <View className='console-login-aside__brand'>
        <View className='console-login-aside__logo'>
          <Text>LL</Text>
        </View>
        <Text className='console-login-aside__product'>线索闭环 · 管理控制台</Text>
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
