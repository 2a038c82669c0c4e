import type { DownloadLink } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { platform } from '@/core/platform';
import { ActionButton, Card, formatDateTime, Notice } from '@/ui';
import { formatFileSize } from '../services/whitepaper-format';
import './Whitepaper.scss';

/** After a download: what happened, and a way to open it again while the link lasts. */
export function DownloadDone({ link, onReopen, error }: { link: DownloadLink; onReopen(): void; error: string | null }) {
  return (
    <Card className='whitepaper-done' title={platform.isBrowser ? '已开始下载' : '已为你打开文档'}>
      <View className='whitepaper-done__file'>
        <Text className='whitepaper-done__name'>{link.fileName}</Text>
        <Text className='ll-muted'>
          {formatFileSize(link.fileSize)} · 链接有效期至 {formatDateTime(link.expiresAt)}
        </Text>
      </View>
      <Text className='whitepaper-done__hint'>
        {platform.isBrowser ? '如果没有自动下载，可点击下方按钮再次下载。' : '可在文档右上角「···」中转发给同事或保存到手机。'}
      </Text>
      {error && <Notice tone='error'>{error}</Notice>}
      <ActionButton variant='secondary' onClick={onReopen}>
        {platform.isBrowser ? '再次下载' : '再次打开'}
      </ActionButton>
    </Card>
  );
}
