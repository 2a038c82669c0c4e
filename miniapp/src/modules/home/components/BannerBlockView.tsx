import type { HomeBlock, HomeLinkType } from '@leadloop/shared';
import { View } from '@tarojs/components';
import { serverUrl } from '@/core/api/server-url';
import { Picture } from '@/ui';

type Banner = Extract<HomeBlock, { type: 'banner' }>;

/** A banner image; with a link it opens that content. */
export function BannerBlockView({ block, onOpen }: { block: Banner; onOpen(contentType: HomeLinkType, contentId: string): void }) {
  const link = block.link;
  return (
    <View className={`home-banner ${link ? 'home-banner--link' : ''}`} onClick={link ? () => onOpen(link.contentType, link.contentId) : undefined}>
      <Picture className='home-banner__image' src={serverUrl(`/api/home/images/${block.imageId}`)} mode='aspectFill' alt={block.alt} />
    </View>
  );
}
