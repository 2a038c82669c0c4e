import { ProfileFieldLabels, ProfileFields, type ProfileField } from '@leadloop/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { serverUrl } from '@/core/api/server-url';
import { useState } from 'react';
import { platform } from '@/core/platform';
import { Routes } from '@/core/routes';
import { ConsoleLayout } from '@/modules/console/components/ConsoleLayout';
import { ActionButton, Card, ChoiceCards, Loading, Notice, PagePreview, ResultPanel, RetryCard, Tag, TextAreaField, TextField } from '@/ui';
import { describeLiveError } from '../services/live-errors';
import { formatLiveRange, formatOffset, formatPrice, livePhase } from '../services/live-format';
import { MAX_REMINDERS, ReminderChoices } from '../services/live-form';
import { useLiveEditor } from '../hooks/useLiveEditor';
import { DateTimeRow, SpeakersEditor, SurveyEditor, ToggleChips } from './LiveFormParts';
import './LiveConsole.scss';

const WatchKinds = ['stream', 'channels'] as const;
const WatchNames = { stream: '小程序内观看', channels: '微信视频号直播' };
const WatchHints = { stream: '填写直播流地址（如 HLS .m3u8），在小程序内播放', channels: '跳转到视频号直播间观看，需小程序与视频号同主体' };

/** The console's form for a live event: create, edit, save as a draft, publish. */
export function LiveEventForm({ id, onCreated }: { id: string | null; onCreated?(id: string): void }) {
  const editor = useLiveEditor(id, onCreated);
  const { form, saved, errors, update } = editor;
  const [previewing, setPreviewing] = useState(false);

  if (editor.loadError) {
    return editor.loadError === 'NOT_FOUND' ? (
      <Card>
        <ResultPanel tone='warning' title='没有找到这场直播' description='它可能已被删除，请回到直播列表查看。' />
      </Card>
    ) : (
      <RetryCard message={describeLiveError(editor.loadError)} onRetry={editor.reload} />
    );
  }
  if (!form) return <Loading />;

  const published = saved?.status === 'published';
  const locked = (saved?.signups ?? 0) > 0;
  const openReport = () => saved && void Taro.navigateTo({ url: `${Routes.consoleLiveReport}?id=${encodeURIComponent(saved.id)}` });
  const detailPath = saved ? `${Routes.liveDetail}?id=${encodeURIComponent(saved.id)}` : null;
  // 查看报名页 shows the prospect's page without leaving the console (in WeChat it opens the page).
  const openDetail = () => detailPath && (platform.previewsPagesInline ? setPreviewing(true) : void Taro.navigateTo({ url: detailPath }));

  const main = (
    <View className='live-form'>
      <Card title='基本信息'>
        <TextField label='直播标题' name='live-title' value={form.title} onChange={(title) => update({ title })} placeholder='例如：制造业数字化转型实战直播' maxlength={60} error={errors.title ?? null} />
        <TextAreaField
          label='直播简介'
          className='live-form__summary'
          value={form.summary}
          onChange={(summary) => update({ summary })}
          placeholder='这场直播讲什么、适合谁看、能带走什么'
          maxlength={500}
          error={errors.summary}
        />
        <CoverPicker
          src={editor.pendingCover?.preview ?? (saved?.coverUrl ? serverUrl(saved.coverUrl) : null)}
          busy={editor.busy === 'cover'}
          disabled={editor.busy !== null}
          pending={editor.pendingCover !== null}
          error={errors.cover ?? null}
          onChoose={() => void editor.chooseCover()}
        />
        <Text className='live-form__section'>分享嘉宾</Text>
        <SpeakersEditor speakers={form.speakers} onChange={(speakers) => update({ speakers })} errors={errors} />
      </Card>

      <Card title='时间与名额' subtitle='均为北京时间'>
        <DateTimeRow label='开始' name='start' date={form.startDate} time={form.startTime} onChange={(n) => update({ startDate: n.date ?? form.startDate, startTime: n.time ?? form.startTime })} error={errors.startAt} />
        <DateTimeRow label='结束' name='end' date={form.endDate} time={form.endTime} onChange={(n) => update({ endDate: n.date ?? form.endDate, endTime: n.time ?? form.endTime })} error={errors.endAt} />
        <View className='live-form__pair'>
          <TextField label='名额' name='live-capacity' type='number' value={form.capacity} onChange={(capacity) => update({ capacity })} placeholder='200' maxlength={6} error={errors.capacity ?? null} hint={locked ? `已有 ${saved?.signups} 人报名，名额不能少于此数` : undefined} />
          <TextField
            label='价格（元）'
            name='live-price'
            type='digit'
            value={form.price}
            onChange={(price) => update({ price })}
            placeholder='0 为免费'
            maxlength={9}
            error={errors.priceFen ?? null}
            hint={locked ? '已有人报名，价格不可修改' : '付费直播通过微信支付收款，取消报名自动退款'}
          />
        </View>
      </Card>

      <Card title='报名设置'>
        <ToggleChips<ProfileField>
          label='报名需填写'
          options={ProfileFields}
          selected={form.signupFields}
          names={(f) => ProfileFieldLabels[f]}
          onChange={(signupFields) => update({ signupFields: ProfileFields.filter((f) => signupFields.includes(f)) })}
          chipClassName='live-form__field-chip'
          hint='已留过资料的人不会被重复询问；手机号通过微信授权获取'
          error={errors.signupFields}
        />
        <ToggleChips<number>
          label='开播提醒'
          options={ReminderChoices}
          selected={form.reminderOffsets}
          names={formatOffset}
          onChange={(reminderOffsets) => update({ reminderOffsets })}
          chipClassName='live-form__reminder-chip'
          max={MAX_REMINDERS}
          hint='报名者同意后，通过微信服务通知提醒（每人每次授权发送一条）'
          error={errors.reminderOffsets}
        />
      </Card>

      <Card title='观看方式'>
        <ChoiceCards label='在哪里看' options={WatchKinds} value={form.watchKind} onChange={(watchKind) => update({ watchKind })} names={WatchNames} hints={WatchHints} optionClassName='live-form__watch' />
        {form.watchKind === 'stream' ? (
          <TextField label='直播流地址' name='live-stream-url' value={form.streamUrl} onChange={(streamUrl) => update({ streamUrl })} placeholder='https://live.example.com/stream.m3u8' maxlength={512} error={errors['watch.url'] ?? null} />
        ) : (
          <>
            <TextField label='视频号 ID' name='live-finder' value={form.finderUserName} onChange={(finderUserName) => update({ finderUserName })} placeholder='sph 开头，在视频号助手中查看' maxlength={44} error={errors['watch.finderUserName'] ?? null} />
            <TextField label='直播 feedId（选填）' name='live-feed' value={form.feedId} onChange={(feedId) => update({ feedId })} placeholder='不填则打开该视频号当前的直播' maxlength={128} error={errors['watch.feedId'] ?? null} />
          </>
        )}
        <TextField label='回放地址（选填）' name='live-replay' value={form.replayUrl} onChange={(replayUrl) => update({ replayUrl })} placeholder='直播结束后填写，未观看的报名者会收到回放通知' maxlength={512} error={errors.replayUrl ?? null} />
      </Card>

      <Card title='直播问卷' subtitle='最多 5 道题'>
        <SurveyEditor survey={form.survey} onChange={(survey) => update({ survey })} errors={errors} />
      </Card>
    </View>
  );

  const side = (
    <Card className='live-publish' title={saved ? '发布状态' : '新建直播'} extra={saved ? <Tag tone={published ? 'success' : 'neutral'}>{published ? '已发布' : '草稿'}</Tag> : undefined}>
      <View className='live-publish__summary'>
        <Text className='live-publish__title'>{form.title.trim() || '未命名直播'}</Text>
        {saved && <Text className='ll-muted'>{formatLiveRange(saved.startAt, saved.endAt)}</Text>}
        {saved && (
          <Text className='ll-muted'>
            {formatPrice(saved.priceFen)} · 已报名 {saved.signups}/{saved.capacity}
            {livePhase(Date.now(), saved.startAt, saved.endAt) === 'ended' ? ' · 已结束' : ''}
          </Text>
        )}
      </View>
      {editor.problem && <Notice tone='error'>{editor.problem}</Notice>}
      {editor.message && <Notice tone='success'>{editor.message}</Notice>}
      <View className='ll-stack'>
        {!published && (
          <ActionButton loading={editor.busy === 'publish'} disabled={editor.busy !== null} onClick={() => void editor.save(true)}>
            发布直播
          </ActionButton>
        )}
        <ActionButton variant={published ? 'primary' : 'secondary'} loading={editor.busy === 'save'} disabled={editor.busy !== null} onClick={() => void editor.save(false)}>
          {published ? '保存修改' : '保存草稿'}
        </ActionButton>
        {published && (
          <View className='ll-row'>
            <ActionButton variant='ghost' small onClick={openDetail}>
              查看报名页
            </ActionButton>
            <ActionButton variant='ghost' small onClick={openReport}>
              查看数据
            </ActionButton>
          </View>
        )}
      </View>
      <Text className='live-publish__note'>发布后报名即开放；付费直播需已配置微信支付。</Text>
    </Card>
  );

  return (
    <>
      <ConsoleLayout main={main} side={side} />
      {previewing && detailPath && saved && <PagePreview title={saved.title} path={detailPath} onClose={() => setPreviewing(false)} />}
    </>
  );
}

interface CoverPickerProps {
  src: string | null;
  busy: boolean;
  disabled: boolean;
  /** Chosen before the first save: uploaded with it. */
  pending: boolean;
  error: string | null;
  onChoose(): void;
}

/** The cover as prospects will see it, and a button to upload (or replace) it. */
function CoverPicker({ src, busy, disabled, pending, error, onChoose }: CoverPickerProps) {
  return (
    <View className={`live-form__cover ${error ? 'live-form__cover--error' : ''}`}>
      <Text className='ll-field__label'>封面（选填）</Text>
      <View className='live-form__cover-row'>
        {src ? (
          <Image className='live-form__cover-image' src={src} mode='aspectFill' />
        ) : (
          <View className='live-form__cover-empty'>
            <Text>未上传，使用默认封面</Text>
          </View>
        )}
        <View className='live-form__cover-actions'>
          <ActionButton className='live-form__cover-button' variant='secondary' small block={false} loading={busy} disabled={disabled} onClick={onChoose}>
            {src ? '更换封面' : '上传封面'}
          </ActionButton>
          <Text className='live-form__cover-hint'>{pending ? '保存后上传' : 'PNG 或 JPG，不超过 2 MB，建议 16:9'}</Text>
        </View>
      </View>
      {error && <Text className='ll-field__error'>{error}</Text>}
    </View>
  );
}
