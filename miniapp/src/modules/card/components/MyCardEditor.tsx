import { Pages, type CardImageKind, type MyCard } from '@leadloop/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { describeError } from '@/core/api/api-error';
import { serverUrl } from '@/core/api/server-url';
import { Routes } from '@/core/routes';
import { PosterButton } from '@/modules/posters/components/PosterButton';
import { SharePanel } from '@/modules/share-chain/components/SharePanel';
import { useShareable } from '@/modules/share-chain/hooks/useShareable';
import { ActionButton, Avatar, Card, Loading, Notice, Picture, RetryCard, Tag, TextAreaField, TextField } from '@/ui';
import { useMyCardEditor, type MyCardEditor as Editor } from '../hooks/useMyCardEditor';
import { IntroStatusLabels } from '../services/card-form';
import { cardShareTitle } from './CardView';
import { FeaturedPicker } from './FeaturedPicker';
import './CardEditor.scss';

const CARD_PAGE = Pages.card;

function ImageSlot({ card, kind, editor }: { card: MyCard; kind: CardImageKind; editor: Editor }) {
  const url = kind === 'avatar' ? card.avatarUrl : card.contactQrUrl;
  const label = kind === 'avatar' ? '头像' : '微信二维码';
  return (
    <View className={`card-image card-image--${kind}`}>
      <View className='card-image__preview'>
        {url ? <Picture className='card-image__img' src={serverUrl(url)} mode='aspectFill' alt={label} /> : kind === 'avatar' ? <Avatar name={card.name} large /> : <Text className='card-image__empty'>未上传</Text>}
      </View>
      <Text className='card-image__label'>{label}</Text>
      <ActionButton variant='secondary' small block={false} loading={editor.uploading === kind} disabled={editor.uploading !== null} onClick={() => void editor.uploadImage(kind)}>
        {url ? '更换' : '上传'}
      </ActionButton>
    </View>
  );
}

function Intro({ card, editor }: { card: MyCard; editor: Editor }) {
  const status = IntroStatusLabels[card.introduction.status];
  const tone = card.introduction.status === 'rejected' ? 'error' : card.introduction.status === 'pending' ? 'warning' : 'info';
  return (
    <Card className='card-intro-edit' title='个人简介' subtitle='发布前经过微信内容安全审核' extra={card.introduction.draft ? <Tag tone={status.tone}>{status.label}</Tag> : undefined}>
      {card.introduction.note && <Notice tone={tone}>{card.introduction.note}</Notice>}
      <TextAreaField
        label='简介'
        name='card-intro'
        value={editor.form?.introduction ?? ''}
        onChange={(v) => editor.set('introduction', v)}
        placeholder='介绍你负责的区域和行业，以及能为客户解决的问题'
        maxlength={500}
        error={editor.errors.introduction}
      />
    </Card>
  );
}

/** 我的名片: edit the card (fields, images, moderated introduction, featured content), then share it. */
export function MyCardEditor() {
  const editor = useMyCardEditor();
  const { card, form } = editor;
  const shareable = useShareable({
    contentType: 'card',
    contentId: card?.id ?? 'unknown',
    page: CARD_PAGE,
    params: card ? { id: card.id } : {},
    title: cardShareTitle(card),
    premint: !!card,
  });

  if (!card || !form) return editor.error ? <RetryCard message={describeError(editor.error)} onRetry={editor.reload} /> : <Loading />;

  return (
    <View className='card-editor'>
      <Card title='头像与二维码' subtitle='二维码可上传个人微信或企业微信的「联系我」码'>
        <View className='card-editor__images'>
          <ImageSlot card={card} kind='avatar' editor={editor} />
          <ImageSlot card={card} kind='contact-qr' editor={editor} />
        </View>
        {editor.imageError && <Notice tone='error'>{editor.imageError}</Notice>}
      </Card>

      <Card title='基本信息' subtitle='访客在名片上看到的联系方式'>
        <TextField label='姓名' name='card-name' value={form.name} onChange={(v) => editor.set('name', v)} maxlength={40} error={editor.errors.name} />
        <TextField label='职位' name='card-title' value={form.title} onChange={(v) => editor.set('title', v)} placeholder='例如：华东区销售总监' maxlength={40} error={editor.errors.title} />
        <TextField label='公司' name='card-company' value={form.company} onChange={(v) => editor.set('company', v)} placeholder='公司全称' maxlength={80} error={editor.errors.company} />
        <TextField label='电话' name='card-phone' value={form.phone} onChange={(v) => editor.set('phone', v)} placeholder='手机号或座机，如 010-12345678' maxlength={20} error={editor.errors.phone} />
        <TextField label='邮箱' name='card-email' value={form.email} onChange={(v) => editor.set('email', v)} placeholder='name@company.com' maxlength={120} error={editor.errors.email} />
      </Card>

      <Intro card={card} editor={editor} />

      <Card title='精选内容' subtitle='最多 6 个，访客点开即进入你的分享链路'>
        <FeaturedPicker value={form.featured} onChange={(next) => editor.set('featured', next)} error={editor.errors.featured} />
      </Card>

      {editor.general && <Notice tone='error'>{editor.general}</Notice>}
      {editor.saved && <Notice tone='success'>名片已保存</Notice>}
      <View className='card-editor__save'>
        <ActionButton loading={editor.saving} disabled={editor.saving} onClick={() => void editor.save()}>
          保存名片
        </ActionButton>
        <ActionButton variant='ghost' onClick={() => void Taro.navigateTo({ url: `${Routes.cardView}?id=${encodeURIComponent(card.id)}` })}>
          预览名片
        </ActionButton>
      </View>

      <SharePanel shareable={shareable} title='分享我的名片' description='客户通过你的名片联系你、查看资料，都会记在你名下。' />
      <PosterButton contentType='card' contentId={card.id} title={cardShareTitle(card)} label='生成名片海报' variant='ghost' />
    </View>
  );
}
