import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { platform } from '@/core/platform';
import { SignInPanel } from '@/modules/identity/components/SignInPanel';
import { useServerConfig } from '@/modules/identity/hooks/useServerConfig';
import { useSession } from '@/modules/identity/hooks/useSession';
import { ActionButton, BottomSheet, Loading, Notice, Picture } from '@/ui';
import type { PosterFlow } from '../hooks/usePoster';
import './Posters.scss';

/** The poster preview: the image, and how to keep or send it here (album and share sheet in WeChat, long-press or download in a browser). */
export function PosterSheet({ flow }: { flow: PosterFlow }) {
  const session = useSession('app');
  const { poster, making, error, make } = flow;
  const config = useServerConfig();
  const signedIn = session !== null;
  // WeChat signs in silently when the poster is asked for; a browser needs the sandbox persona first.
  const mustSignIn = !signedIn && platform.loginMethod(config) !== 'wechat';
  // Signed in inside the sheet (browser sandbox): make the poster now.
  useEffect(() => {
    if (signedIn && !poster && !making && !error) void make();
  }, [signedIn, poster, making, error, make]);

  return (
    <BottomSheet className='poster-sheet' title='我的专属海报' subtitle='保存海报发给好友，扫码即可打开同一内容' onClose={flow.close}>
      {mustSignIn ? (
        <View className='poster-sheet__sign-in'>
          <SignInPanel title='登录后生成海报' description='海报会带上你的名字和专属小程序码。' />
        </View>
      ) : making || (!poster && !error) ? (
        <Loading text='海报生成中…' />
      ) : !poster ? (
        <View className='ll-stack'>
          <Notice tone='error'>{error}</Notice>
          <ActionButton variant='secondary' onClick={() => void make()}>
            重新生成
          </ActionButton>
        </View>
      ) : (
        <View className='poster-sheet__body'>
          <View className='poster-sheet__frame'>
            <Picture className='poster-sheet__image' src={flow.imageUrl} mode='aspectFit' showMenuByLongpress alt='我的专属海报，含带分享标识的小程序码' />
          </View>
          {platform.savesToAlbum ? (
            <View className='poster-sheet__actions'>
              {flow.saveState === 'denied' ? (
                <View className='ll-stack'>
                  <Notice tone='warning'>保存海报需要「添加到相册」权限，请在设置中开启后再保存。</Notice>
                  <ActionButton openType='openSetting' onOpenSetting={(event) => flow.afterSettings(event.detail.authSetting)}>
                    去设置开启
                  </ActionButton>
                </View>
              ) : (
                <ActionButton loading={flow.saveState === 'saving'} disabled={flow.saveState === 'saving'} onClick={() => void flow.save()}>
                  {flow.saveState === 'saved' ? '已保存到相册' : '保存到相册'}
                </ActionButton>
              )}
              {platform.sharesImages && (
                <ActionButton variant='secondary' onClick={() => void flow.share()}>
                  发送给朋友
                </ActionButton>
              )}
              <Text className='poster-sheet__hint'>保存后可发朋友圈或转发给好友</Text>
            </View>
          ) : (
            <View className='poster-sheet__actions'>
              <Text className='poster-sheet__hint'>长按图片可保存或转发</Text>
              <ActionButton variant='secondary' onClick={() => void flow.save()}>
                下载海报
              </ActionButton>
            </View>
          )}
          {error && <Notice tone='error'>{error}</Notice>}
        </View>
      )}
    </BottomSheet>
  );
}
