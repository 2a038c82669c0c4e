import { Text, View } from '@tarojs/components';
import { serverUrl } from '@/core/api/server-url';
import './Whitepaper.scss';
import { Picture } from '@/ui';

/** The cover, or a typeset placeholder carrying the title when none was uploaded. */
export function WhitepaperCover({ title, coverUrl, size = 'hero' }: { title: string; coverUrl: string | null; size?: 'hero' | 'thumb' }) {
  return (
    <View className={`whitepaper-cover whitepaper-cover--${size}`}>
      {coverUrl ? (
        <Picture className='whitepaper-cover__image' src={serverUrl(coverUrl)} mode='aspectFill' alt={`《${title}》封面`} />
      ) : (
        <View className='whitepaper-cover__placeholder'>
          <Text className='whitepaper-cover__kind'>白皮书</Text>
          {size === 'hero' && <Text className='whitepaper-cover__title'>{title}</Text>}
        </View>
      )}
    </View>
  );
}
