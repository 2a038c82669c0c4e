import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { loginAllowed } from '@/core/entry';
import { PERSONA_PATTERN, platform } from '@/core/platform';
import { ActionButton, Card, Notice, TextField } from '@/ui';
import { useServerConfig } from '../hooks/useServerConfig';
import { signInAsPersona, signInWithWechat } from '../services/identity.service';
import './SignInPanel.scss';

interface SignInPanelProps {
  title?: string;
  description?: string;
}

/** Login for the mini-program user: WeChat one-tap, or a sandbox persona in a browser. */
export function SignInPanel({ title = '登录', description = '登录后可报名直播、下载白皮书，并随时管理你的个人信息。' }: SignInPanelProps) {
  const config = useServerConfig();
  const method = platform.loginMethod(config);
  const [persona, setPersona] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const submitPersona = () => {
    const name = persona.trim();
    if (!PERSONA_PATTERN.test(name)) {
      setError('用户名支持中文、字母、数字、下划线和短横线，最多 32 个字符');
      return;
    }
    void run(() => signInAsPersona(name));
  };

  return (
    <Card className='sign-in'>
      <View className='sign-in__intro'>
        <Text className='sign-in__title'>{title}</Text>
        <Text className='sign-in__description'>{description}</Text>
      </View>

      {!loginAllowed() ? (
        <Notice tone='warning'>当前为朋友圈预览模式，暂不支持登录。点击底部「前往小程序」即可使用完整功能。</Notice>
      ) : method === 'wechat' ? (
        <ActionButton loading={busy} disabled={busy} onClick={() => void run(signInWithWechat)}>
          微信一键登录
        </ActionButton>
      ) : method === 'sandbox' ? (
        <View>
          <Notice tone='info'>沙箱环境：输入任意用户名即可模拟一位微信用户，相同用户名即为同一人。</Notice>
          <TextField
            label='沙箱用户名'
            name='persona'
            value={persona}
            onChange={setPersona}
            placeholder='例如：zhangsan'
            maxlength={32}
            onConfirm={submitPersona}
          />
          <ActionButton loading={busy} disabled={busy} onClick={submitPersona}>
            登录
          </ActionButton>
        </View>
      ) : config ? (
        <Notice tone='warning'>请在微信中打开本小程序登录。</Notice>
      ) : (
        <Text className='ll-muted'>正在连接服务…</Text>
      )}

      {error && (
        <View className='sign-in__error'>
          <Notice tone='error'>{error}</Notice>
        </View>
      )}
      <Text className='sign-in__legal'>登录即表示你同意《用户协议》与《隐私保护指引》</Text>
    </Card>
  );
}
