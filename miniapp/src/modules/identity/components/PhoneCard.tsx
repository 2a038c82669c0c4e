import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { describeError, isApiError } from '@/core/api/api-error';
import { MAINLAND_PHONE_PATTERN, platform, type PhoneCodeInput } from '@/core/platform';
import { ActionButton, Card, Notice, Tag, TextField } from '@/ui';
import { useServerConfig } from '../hooks/useServerConfig';
import { bindPhone, displayPhone } from '../services/identity.service';
import './PhoneCard.scss';

interface PhoneCardProps {
  phoneMasked: string | null;
  /** Called after a successful binding; the profile should be reloaded (the person may have merged). */
  onBound(phoneMasked: string): void;
}

/** Phone binding: WeChat's getPhoneNumber button, or a typed number in the browser sandbox. */
export function PhoneCard({ phoneMasked, onBound }: PhoneCardProps) {
  const config = useServerConfig();
  const method = platform.phoneMethod(config);
  const [changing, setChanging] = useState(false);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [merged, setMerged] = useState(false);

  const submit = async (input: PhoneCodeInput) => {
    setBusy(true);
    setError(null);
    try {
      const result = await bindPhone(input);
      setPhone('');
      setChanging(false);
      setMerged(result.mergedFrom !== null);
      onBound(result.phoneMasked);
    } catch (failure) {
      if (!isApiError(failure, 'CANCELLED')) setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const submitTyped = () => {
    const value = phone.replace(/\s/g, '');
    if (!MAINLAND_PHONE_PATTERN.test(value)) {
      setError('请输入 11 位中国大陆手机号');
      return;
    }
    void submit({ kind: 'sandbox', phone: value });
  };

  const showForm = !phoneMasked || changing;

  return (
    <Card title='手机号' subtitle='用于活动报名、资料下载和顾问联系；号码加密保存，页面只显示部分数字'>
      {phoneMasked && (
        <View className='phone-card__bound'>
          <Text className='phone-card__number'>{displayPhone(phoneMasked)}</Text>
          <Tag tone='success'>已绑定</Tag>
        </View>
      )}
      {merged && <Notice tone='success'>已将该手机号下的历史记录合并到当前账号。</Notice>}

      {showForm && method === 'wechat-button' && (
        <ActionButton
          openType='getPhoneNumber'
          loading={busy}
          disabled={busy}
          onGetPhoneNumber={(event) => void submit({ kind: 'wechat', detail: event.detail })}
        >
          {phoneMasked ? '重新授权手机号' : '微信授权绑定手机号'}
        </ActionButton>
      )}

      {showForm && method === 'sandbox-form' && (
        <View>
          <TextField
            label='手机号'
            name='phone'
            type='number'
            value={phone}
            onChange={setPhone}
            placeholder='沙箱环境：输入 11 位手机号'
            maxlength={11}
            onConfirm={submitTyped}
          />
          <ActionButton loading={busy} disabled={busy} onClick={submitTyped}>
            绑定手机号
          </ActionButton>
        </View>
      )}

      {showForm && method === 'unavailable' && <Notice tone='warning'>请在微信中打开小程序绑定手机号。</Notice>}

      {phoneMasked && !changing && method !== 'unavailable' && (
        <ActionButton variant='ghost' small onClick={() => setChanging(true)}>
          更换手机号
        </ActionButton>
      )}
      {phoneMasked && changing && (
        <View className='phone-card__cancel'>
          <ActionButton variant='ghost' small onClick={() => setChanging(false)}>
            暂不更换
          </ActionButton>
        </View>
      )}

      {error && (
        <View className='phone-card__error'>
          <Notice tone='error'>{error}</Notice>
        </View>
      )}
    </Card>
  );
}
