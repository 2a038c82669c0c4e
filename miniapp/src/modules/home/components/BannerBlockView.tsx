import type { HomeBlock, HomeLinkType } from '@leadloop/shared';
import { Image, View } from '@tarojs/components';
import { serverUrl } from '@/core/api/server-url';

type Banner = Extract<HomeBlock, { type: 'banner' }>;

/** A banner image; with a link it opens that content. */
export function BannerBlockView({ block, onOpen }: { block: Banner; onOpen(contentType: HomeLinkType, contentId: string): void }) {
  const link = block.link;
  return (
    <View className={`home-banner ${link ? 'home-banner--link' : ''}`} onClick={link ? () => onOpen(link.contentType, link.contentId) : undefined}>
      <Image className='home-banner__image' src={serverUrl(`/api/home/images/${block.imageId}`)} mode='aspectFill' ariaLabel={block.alt} />
    </View>
  );
}
