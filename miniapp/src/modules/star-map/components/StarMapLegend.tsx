import { Text, View } from '@tarojs/components';
import { NodeKindLabels, NodeKindOrder } from '../services/node-kinds';
import type { SizeMetric } from '../services/star-map-layout';

export function StarMapLegend({ metric }: { metric: SizeMetric }) {
  return (
    <View className='star-map-legend'>
      {NodeKindOrder.map((kind) => (
        <View className='star-map-legend__item' key={kind}>
          <View className={`star-map-legend__dot star-map-legend__dot--${kind}`} />
          <Text>{NodeKindLabels[kind]}</Text>
        </View>
      ))}
      <Text className='star-map-legend__note'>圆点大小 = 其下带来的{metric === 'conversions' ? '转化' : '访客'}</Text>
    </View>
  );
}
