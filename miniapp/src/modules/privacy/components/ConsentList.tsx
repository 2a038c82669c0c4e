import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { ActionButton, Card, formatDateTime, Loading, Notice, RetryCard, Tag } from '@/ui';
import { useConsents } from '../hooks/useConsents';
import { openPolicy } from '../services/policy-links';
import { consentBadge, PurposeLabels } from '../services/privacy-format';
import './Privacy.scss';

/** 隐私与授权: each purpose, whether I agreed and to which policy version, and 撤回. */
export function ConsentList() {
  const { consents, error, reload, busy, actionError, withdraw } = useConsents();
  if (!consents) return error ? <RetryCard message={describeError(error)} onRetry={reload} /> : <Loading />;

  return (
    <View className='consent-list'>
      <Card title='隐私与授权' subtitle={`当前隐私政策版本：${consents.policyVersion}`}>
        <Text className='consent-list__intro'>我们按用途分别征求你的同意。你可以随时撤回，撤回不影响撤回前基于同意已进行的处理。</Text>
        <View className='ll-row consent-list__links'>
          <ActionButton variant='ghost' small block={false} onClick={() => openPolicy('privacy')}>
            查看《隐私政策》
          </ActionButton>
          <ActionButton variant='ghost' small block={false} onClick={() => openPolicy('terms')}>
            查看《用户协议》
          </ActionButton>
          {!platform.isBrowser && (
            <ActionButton variant='ghost' small block={false} onClick={() => platform.openPrivacyContract()}>
              微信隐私保护指引
            </ActionButton>
          )}
        </View>
      </Card>
      {actionError && <Notice tone='error'>{actionError}</Notice>}
      {consents.items.map((consent) => {
        const badge = consentBadge(consent);
        const label = PurposeLabels[consent.purpose];
        return (
          <Card key={consent.purpose} className={`consent-item consent-item--${consent.purpose}`} title={label.title} subtitle={label.description} extra={<Tag tone={badge.tone}>{badge.label}</Tag>}>
            {consent.at && (
              <Text className='consent-item__meta'>
                {consent.status === 'withdrawn' ? '撤回于' : '同意于'} {formatDateTime(consent.at)} · 政策版本 {consent.policyVersion}
              </Text>
            )}
            {consent.status === 'granted' && (
              <View className='consent-item__actions'>
                <ActionButton variant='danger' small block={false} loading={busy === consent.purpose} disabled={busy !== null} onClick={() => void withdraw(consent.purpose)}>
                  撤回授权
                </ActionButton>
              </View>
            )}
          </Card>
        );
      })}
    </View>
  );
}
