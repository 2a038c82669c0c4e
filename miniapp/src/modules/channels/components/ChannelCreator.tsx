import { ChannelCodeSchema, ChannelKindLabels, ChannelKinds, type ChannelKind } from '@leadloop/shared';
import { useState } from 'react';
import { describeError, isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { ActionButton, Card, ChoiceCards, Notice, QrLinkCard, TextField } from '@/ui';
import { createChannel, type CreatedChannel } from '../services/channels.service';
import './Channels.scss';

const KindHints: Record<ChannelKind, string> = {
  offline_event: '展会、沙龙现场海报与易拉宝',
  oa_menu: '公众号菜单与文章',
  ad: '朋友圈广告、搜索广告',
  partner: '代理商、合作伙伴推广',
  staff: '员工个人渠道',
  moments: '朋友圈自然传播',
  other: '其他来源',
};

/** Create a channel code (e.g. one per trade-show booth) and get its mini-program code and link. */
export function ChannelCreator({ onCreated }: { onCreated(): void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ChannelKind>('offline_event');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedChannel | null>(null);

  const submit = async () => {
    const trimmedCode = code.trim();
    const trimmedName = name.trim();
    if (!ChannelCodeSchema.safeParse(trimmedCode).success) {
      setError('渠道编码为 2–16 位字母、数字、下划线或短横线');
      return;
    }
    if (!trimmedName) {
      setError('请填写渠道名称');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setCreated(await createChannel({ code: trimmedCode, name: trimmedName, kind }));
      setCode('');
      setName('');
      onCreated();
    } catch (failure) {
      setError(isApiError(failure, 'CONFLICT') ? '该渠道编码已存在，请换一个' : describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <QrLinkCard
        block='channel-result'
        title='渠道已创建'
        subtitle='打印渠道码或投放链接，扫码进入的访客都会归到这个渠道'
        qrDataUrl={created.qrDataUrl}
        heading={created.name}
        detail={`${ChannelKindLabels[created.kind]} · 编码 ${created.code}`}
        linkLabel='渠道链接'
        link={platform.linkFor(created.path)}
        againLabel='继续创建'
        onAgain={() => setCreated(null)}
      />
    );
  }

  return (
    <Card title='新建渠道' subtitle='每个渠道一个编码，访客来源一目了然'>
      <TextField label='渠道编码' name='channel-code' value={code} onChange={setCode} placeholder='例如：expo2026' maxlength={16} hint='2–16 位字母、数字、_ 或 -，创建后不可修改' />
      <TextField label='渠道名称' name='channel-name' value={name} onChange={setName} placeholder='例如：2026 上海工博会展位' maxlength={40} onConfirm={() => void submit()} />
      <ChoiceCards label='渠道类型' options={ChannelKinds} value={kind} onChange={setKind} names={ChannelKindLabels} hints={KindHints} optionClassName='channel-form__kind' />
      {error && <Notice tone='error'>{error}</Notice>}
      <ActionButton loading={busy} disabled={busy} onClick={() => void submit()}>
        创建渠道
      </ActionButton>
    </Card>
  );
}
