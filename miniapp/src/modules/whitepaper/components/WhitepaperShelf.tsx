import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useApiResource } from '@/core/api/useApiResource';
import { Routes } from '@/core/routes';
import { Card } from '@/ui';
import { listPublished } from '../services/whitepaper.service';
import { WhitepaperCover } from './WhitepaperCover';
import './Whitepaper.scss';

const loadShelf = () => listPublished(5).then((page) => page.items);

/** 首页: the latest published whitepapers; nothing at all while there are none. */
export function WhitepaperShelf() {
  const { data } = useApiResource(loadShelf);
  if (!data || data.length === 0) return null;
  return (
    <Card className='whitepaper-shelf' title='白皮书与资料' subtitle='行业报告与方案手册，留资后免费下载'>
      {data.map((paper) => (
        <View key={paper.id} className='whitepaper-shelf__item' onClick={() => void Taro.navigateTo({ url: `${Routes.whitepaperDetail}?id=${encodeURIComponent(paper.id)}` })}>
          <WhitepaperCover title={paper.title} coverUrl={paper.coverUrl} size='thumb' />
          <View className='whitepaper-shelf__text'>
            <Text className='whitepaper-shelf__title'>{paper.title}</Text>
            {paper.summary && <Text className='whitepaper-shelf__summary'>{paper.summary}</Text>}
          </View>
        </View>
      ))}
    </Card>
  );
}
