import type { PersonDataExport } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { describeError, isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { Routes } from '@/core/routes';
import { SignInPanel } from '@/modules/identity/components/SignInPanel';
import { useSession } from '@/modules/identity/hooks/useSession';
import { ActionButton, Card, confirmAction, Notice, ResultPanel, TextField } from '@/ui';
import { ERASE_PHRASE, exportFileName, exportSummary } from '../services/privacy-format';
import { eraseMe, exportMyData } from '../services/privacy.service';
import './Privacy.scss';

/**
 * 导出我的数据: the summary on screen, and the whole JSON — downloaded in a browser; in WeChat sent
 * as a file through shareFileMessage (to 文件传输助手 or any chat), or copied to the clipboard.
 */
function DataExport() {
  const [data, setData] = useState<PersonDataExport | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const load = async () => {
    setBusy(true);
    setMessage(null);
    try {
      setData(await exportMyData());
    } catch (failure) {
      setMessage({ tone: 'error', text: describeError(failure) });
    } finally {
      setBusy(false);
    }
  };

  const text = data ? JSON.stringify(data, null, 2) : '';

  const save = async () => {
    if (!data) return;
    setMessage(null);
    try {
      const how = await platform.exportTextFile(exportFileName(data.exportedAt), text);
      setMessage({ tone: 'success', text: how === 'downloaded' ? '已开始下载 JSON 文件' : '已发送文件' });
    } catch (failure) {
      if (!isApiError(failure, 'CANCELLED')) setMessage({ tone: 'error', text: '发送失败，可改用「复制全部数据」' });
    }
  };

  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: text });
      setMessage({ tone: 'success', text: '已复制全部数据，可粘贴到备忘录或发送给自己' });
    } catch {
      setMessage({ tone: 'error', text: '复制失败，请改用发送文件' });
    }
  };

  return (
    <Card className='data-export' title='导出我的数据' subtitle='包括个人资料、授权记录、下载与报名等互动记录'>
      {data ? (
        <View className='data-export__summary'>
          {exportSummary(data).map((line) => (
            <View key={line.label} className='data-export__line'>
              <Text className='data-export__label'>{line.label}</Text>
              <Text className='data-export__value'>{line.value}</Text>
            </View>
          ))}
          <View className='ll-stack data-export__actions'>
            <ActionButton onClick={() => void save()}>{platform.isBrowser ? '下载 JSON 文件' : '发送文件到聊天'}</ActionButton>
            <ActionButton variant='secondary' onClick={() => void copy()}>
              复制全部数据
            </ActionButton>
          </View>
        </View>
      ) : (
        <ActionButton variant='secondary' loading={busy} disabled={busy} onClick={() => void load()}>
          生成数据副本
        </ActionButton>
      )}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </Card>
  );
}

/** 注销并删除我的数据: typed confirmation, a last modal, then DELETE /me and signed out. */
function EraseAccount({ onErased }: { onErased(): void }) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = typed.trim() === ERASE_PHRASE;

  const erase = async () => {
    if (!ready) return;
    const confirmed = await confirmAction({
      title: '确定注销并删除数据？',
      content: '删除后无法恢复。你的资料、授权和互动记录将被删除，已登录的设备会退出。',
      confirmText: '确定删除',
      cancelText: '再想想',
      destructive: true,
    });
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    try {
      await eraseMe();
      onErased();
    } catch (failure) {
      setError(
        isApiError(failure, 'CONFLICT') && (failure.details as { reason?: string } | undefined)?.reason === 'staff_account'
          ? '你的微信绑定了团队账号，请先联系管理员停用员工账号后再注销。'
          : describeError(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className='erase-account' title='注销并删除我的数据' subtitle='删除个人资料、授权与互动记录，不可恢复'>
      <Text className='erase-account__text'>删除后：你的姓名、手机号、公司等资料会被清除，下载与报名记录不再与你关联，已同意的授权全部撤回，对接的 CRM 也会同步删除。</Text>
      <TextField label={`请输入「${ERASE_PHRASE}」`} name='erase-confirm' value={typed} onChange={setTyped} placeholder={ERASE_PHRASE} maxlength={8} />
      {error && <Notice tone='error'>{error}</Notice>}
      <ActionButton variant='danger' loading={busy} disabled={!ready || busy} onClick={() => void erase()}>
        注销并删除数据
      </ActionButton>
    </Card>
  );
}

/** 我的数据: a copy of everything held about me, and deleting it (PIPL). The erasure signs out, so its outcome stays on screen here. */
export function DataRights() {
  const session = useSession('app');
  const [erased, setErased] = useState(false);
  if (erased) {
    return (
      <Card>
        <ResultPanel tone='success' title='你的数据已删除' description='感谢你的使用。再次登录将作为新用户。'>
          <ActionButton variant='secondary' onClick={() => void Taro.switchTab({ url: Routes.home })}>
            返回首页
          </ActionButton>
        </ResultPanel>
      </Card>
    );
  }
  if (!session) return <SignInPanel title='登录后查看' description='登录后即可导出或删除你的数据。' />;
  return (
    <View className='data-rights'>
      <DataExport />
      <EraseAccount onErased={() => setErased(true)} />
    </View>
  );
}
