import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { Routes } from '@/core/routes';
import { Card, Tappable } from '@/ui';
import { fetchWhitepaper, listPublished } from '../services/whitepaper.service';
import { WhitepaperCover } from './WhitepaperCover';
import './Whitepaper.scss';

const loadShelf = () => listPublished(5).then((page) => page.items);

interface WhitepaperShelfProps {
  title?: string;
  /** Featured whitepapers, in order; none: the latest published ones. */
  whitepaperIds?: readonly string[];
  onOpen?: (id: string) => void;
}

/** 首页: featured or the latest published whitepapers; nothing at all while there are none. */
export function WhitepaperShelf({ title = '白皮书与资料', whitepaperIds = [], onOpen }: WhitepaperShelfProps) {
  const idsKey = whitepaperIds.join(',');
  const load = useCallback(
    () => (idsKey ? Promise.all(idsKey.split(',').map((id) => fetchWhitepaper(id).catch(() => null))).then((papers) => papers.filter((p) => p !== null)) : loadShelf()),
    [idsKey],
  );
  const { data } = useApiResource(load);
  if (!data || data.length === 0) return null;
  const open = (id: string) => (onOpen ? onOpen(id) : void Taro.navigateTo({ url: `${Routes.whitepaperDetail}?id=${encodeURIComponent(id)}` }));
  return (
    <Card className='whitepaper-shelf' title={title} subtitle='行业报告与方案手册，留资后免费下载'>
      {data.map((paper) => (
        <Tappable key={paper.id} className='whitepaper-shelf__item' onTap={() => open(paper.id)}>
          <WhitepaperCover title={paper.title} coverUrl={paper.coverUrl} size='thumb' />
          <View className='whitepaper-shelf__text'>
            <Text className='whitepaper-shelf__title'>{paper.title}</Text>
            {paper.summary && <Text className='whitepaper-shelf__summary'>{paper.summary}</Text>}
          </View>
        </Tappable>
      ))}
    </Card>
  );
}
