import { Text, View } from '@tarojs/components';
import { Card, Tag } from '@/ui';
import './OfferingGrid.scss';

interface Offering {
  key: string;
  glyph: string;
  title: string;
  description: string;
}

const Offerings: Offering[] = [
  { key: 'live', glyph: '播', title: '直播报名', description: '老朋友一键报名，开播前自动提醒，观看时长就是销售信号' },
  { key: 'whitepaper', glyph: '书', title: '白皮书下载', description: '行业报告与方案手册，留资后即刻下载' },
  { key: 'card', glyph: '名', title: '销售名片', description: '一键拨号、保存通讯录，想聊随时联系顾问' },
  { key: 'share', glyph: '链', title: '分享追踪', description: '每一次转发都有来源，谁带来的客户清清楚楚' },
];

export function OfferingGrid() {
  return (
    <Card title='在这里你可以' extra={<Tag tone='neutral'>内容陆续上线</Tag>}>
      <View className='offering-grid'>
        {Offerings.map((item) => (
          <View className='offering-grid__item' key={item.key}>
            <View className={`offering-grid__glyph offering-grid__glyph--${item.key}`}>
              <Text>{item.glyph}</Text>
            </View>
            <Text className='offering-grid__title'>{item.title}</Text>
            <Text className='offering-grid__description'>{item.description}</Text>
          </View>
        ))}
      </View>
    </Card>
  );
}
