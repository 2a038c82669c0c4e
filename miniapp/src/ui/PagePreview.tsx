import { View } from '@tarojs/components';
import { BottomSheet } from './BottomSheet';
import './PagePreview.scss';

interface PagePreviewProps {
  /** What is previewed, e.g. the whitepaper's title. */
  title: string;
  /** The mini-program page with its query, e.g. `packages/whitepaper/pages/detail/index?id=…`. */
  path: string;
  onClose(): void;
}

/**
 * A page as a prospect sees it, in a phone-sized frame over the console (browser build only: ask
 * `platform.previewsPagesInline`; in WeChat the page itself is opened instead).
 */
export function PagePreview({ title, path, onClose }: PagePreviewProps) {
  return (
    <BottomSheet className='page-preview' title={`预览：${title}`} subtitle='客户在手机上看到的页面' onClose={onClose}>
      <View className='page-preview__phone'>
        <iframe className='page-preview__frame' title={`${title}（预览）`} src={`/#/${path.replace(/^\/+/, '')}`} style={{ width: '375px', height: '640px' }} />
      </View>
    </BottomSheet>
  );
}
