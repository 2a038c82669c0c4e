import type { WhitepaperView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { Card, formatDate, Tag } from '@/ui';
import { formatFileSize, gateLine } from '../services/whitepaper-format';
import { WhitepaperCover } from './WhitepaperCover';
import './Whitepaper.scss';

/** What the whitepaper is: cover, title, tags, size, and its summary. */
export function WhitepaperInfo({ paper }: { paper: WhitepaperView }) {
  return (
    <>
      <View className='whitepaper-hero'>
        <WhitepaperCover title={paper.title} coverUrl={paper.coverUrl} />
        <View className='whitepaper-hero__body'>
          <Text className='whitepaper-hero__title'>{paper.title}</Text>
          {paper.tags.length > 0 && (
            <View className='whitepaper-hero__tags'>
              {paper.tags.map((tag) => (
                <Tag key={tag} tone='brand'>
                  {tag}
                </Tag>
              ))}
            </View>
          )}
          <Text className='whitepaper-hero__meta'>
            PDF · {formatFileSize(paper.fileSize)}
            {paper.publishedAt ? ` · ${formatDate(paper.publishedAt)} 发布` : ''}
          </Text>
        </View>
      </View>
      <Card title='内容简介'>
        <Text className='whitepaper-summary'>{paper.summary || '暂无简介，下载后即可阅读全文。'}</Text>
        <View className='whitepaper-gate-line'>
          <Text>{gateLine(paper.requiredFields)}</Text>
        </View>
      </Card>
    </>
  );
}
