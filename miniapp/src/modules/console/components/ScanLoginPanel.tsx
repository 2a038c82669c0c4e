import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { useBrandName } from '@/modules/brand/components/BrandMark';
import { useServerConfig } from '@/modules/identity/hooks/useServerConfig';
import { ActionButton, Loading, Notice, Picture } from '@/ui';
import { useScanLogin } from '../hooks/useScanLogin';
import './ScanLoginPanel.scss';

/** The desktop's QR login box: scan with the mini-program, confirm on the phone. */
export function ScanLoginPanel({ onSignedIn }: { onSignedIn(): void }) {
  const { state, refresh } = useScanLogin(onSignedIn);
  const { phase, ticket } = state;
  const confirmHere = platform.confirmsConsoleLoginInBrowser(useServerConfig());
  const appName = useBrandName();

  return (
    <View className='scan-login'>
      <Text className='scan-login__title'>扫码登录管理控制台</Text>
      <Text className='scan-login__subtitle'>{`使用微信打开${appName ? `「${appName}」` : ''}小程序，在「我的」中点击「扫码登录控制台」`}</Text>

      <View className='scan-login__qr-box'>
        {phase === 'creating' && <Loading text='正在生成二维码…' />}
        {ticket && phase !== 'creating' && (
          <Picture className={`scan-login__qr ${phase === 'expired' || phase === 'scanned' ? 'scan-login__qr--dim' : ''}`} src={ticket.qrDataUrl} mode='scaleToFill' alt='控制台登录二维码：用小程序「我的 › 扫码登录控制台」扫描' />
        )}
        {phase === 'expired' && (
          <View className='scan-login__overlay'>
            <Text className='scan-login__overlay-text'>二维码已过期</Text>
            <ActionButton small block={false} onClick={refresh}>
              刷新
            </ActionButton>
          </View>
        )}
        {phase === 'scanned' && (
          <View className='scan-login__overlay'>
            <Text className='scan-login__overlay-icon'>✓</Text>
            <Text className='scan-login__overlay-text'>扫码成功</Text>
            <Text className='scan-login__overlay-hint'>请在手机上确认登录</Text>
          </View>
        )}
      </View>

      {phase === 'failed' && (
        <View className='scan-login__failed'>
          <Notice tone='error'>{describeError(state.error)}</Notice>
          <ActionButton variant='secondary' onClick={refresh}>
            重新获取二维码
          </ActionButton>
        </View>
      )}
      {phase === 'waiting' && <Text className='scan-login__status'>等待扫码…二维码几分钟内有效，仅限本次登录使用</Text>}
      {phase === 'scanned' && <Text className='scan-login__status'>已扫码，等待手机确认</Text>}
      {phase === 'expired' && <Text className='scan-login__status'>二维码已过期，请点击刷新后重新扫码</Text>}
      {confirmHere && ticket && phase === 'waiting' && (
        <View className='scan-login__sandbox'>
          <Text className='scan-login__sandbox-hint'>沙箱环境无法用微信扫码：在新标签页打开手机端的确认页，用沙箱用户名登录后确认即可。</Text>
          <ActionButton variant='secondary' small block={false} onClick={() => platform.openConsoleLoginConfirm(ticket.path)}>
            在手机上确认（沙箱）
          </ActionButton>
        </View>
      )}
    </View>
  );
}
