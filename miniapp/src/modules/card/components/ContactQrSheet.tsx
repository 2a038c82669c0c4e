import { Text, View } from '@tarojs/components';
import { serverUrl } from '@/core/api/server-url';
import { platform } from '@/core/platform';
import { BottomSheet, Picture } from '@/ui';
import './Card.scss';

/** 加微信: the owner's WeChat / WeCom QR code, to long-press in WeChat (or scan from another phone). */
export function ContactQrSheet({ name, qrUrl, onClose }: { name: string; qrUrl: string; onClose(): void }) {
  return (
    <BottomSheet className='card-qr-sheet' title={`添加 ${name} 的微信`} onClose={onClose}>
      <View className='card-qr-sheet__body'>
        <Picture className='card-qr-sheet__qr' src={serverUrl(qrUrl)} mode='aspectFit' showMenuByLongpress alt={`${name} 的微信二维码`} />
        <Text className='card-qr-sheet__hint'>{platform.recognisesQrByLongPress ? '长按二维码，识别后即可添加好友' : '请用手机微信「扫一扫」扫描二维码添加好友'}</Text>
      </View>
    </BottomSheet>
  );
}
