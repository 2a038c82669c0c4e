import { BrandFooter } from '@/modules/brand/components/BrandFooter';
import type { CardView as CardViewData } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { loginAllowed } from '@/core/entry';
import { platform } from '@/core/platform';
import { SignInPanel } from '@/modules/identity/components/SignInPanel';
import { PosterButton } from '@/modules/posters/components/PosterButton';
import { GateSheet } from '@/modules/profile-gate/components/GateSheet';
import { SharePanel } from '@/modules/share-chain/components/SharePanel';
import { useShareable } from '@/modules/share-chain/hooks/useShareable';
import { useContentView } from '@/modules/tracking/hooks/useContentView';
import { ActionButton, Card, GoneCard, Loading, Notice, ResultPanel, RetryCard, TextAreaField } from '@/ui';
import { useCardView } from '../hooks/useCardView';
import { useContactRequest } from '../hooks/useContactRequest';
import { describeCardError } from '../services/card-errors';
import { CardProfile } from './CardProfile';
import { ContactQrSheet } from './ContactQrSheet';
import { FeaturedList } from './FeaturedList';
import './Card.scss';

/** 王敏的名片 · 云启科技 */
export function cardShareTitle(card: Pick<CardViewData, 'name' | 'company'> | null): string {
  if (!card) return '这是我的名片，欢迎联系';
  return card.company ? `${card.name}的名片 · ${card.company}` : `${card.name}的名片`;
}

function CardBody({ card }: { card: CardViewData }) {
  const contact = useContactRequest(card.id);
  const [qrOpen, setQrOpen] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const run = async (action: () => Promise<void>, after?: () => void) => {
    setActionError(null);
    try {
      await action();
      after?.();
    } catch (failure) {
      if (isApiError(failure, 'CANCELLED')) return;
      setActionError(isApiError(failure, 'PERMISSION_DENIED') ? '没有通讯录权限，请在设置中开启后重试' : describeCardError(failure));
    }
  };

  const call = () => card.phone && void run(() => platform.callPhone(card.phone!));
  const copyEmail = () => card.email && void Taro.setClipboardData({ data: card.email });

  return (
    <>
      <View className='card-sheet'>
        <CardProfile card={card} onCall={call} onCopyEmail={copyEmail} />
        <View className='card-actions'>
          {card.phone && (
            <ActionButton variant='secondary' small onClick={call}>
              拨打电话
            </ActionButton>
          )}
          <ActionButton variant='secondary' small onClick={() => void run(() => platform.saveContact(card), () => setSaved(true))}>
            {saved ? '已存入' : '存入通讯录'}
          </ActionButton>
          {card.contactQrUrl && (
            <ActionButton variant='secondary' small onClick={() => setQrOpen(true)}>
              加微信
            </ActionButton>
          )}
        </View>
        {actionError && <Notice tone='error'>{actionError}</Notice>}
        {card.viewerIsOwner ? (
          <Notice tone='info'>这是你的名片，访客看到的就是这个样子。</Notice>
        ) : contact.result ? (
          <ResultPanel tone='success' title='已收到你的请求' description={`${card.name}会尽快与你联系，请留意来电。`} />
        ) : (
          <ActionButton className='card-contact-button' loading={contact.busy && !contact.sheet} disabled={contact.busy} onClick={() => void contact.start()}>
            请联系我
          </ActionButton>
        )}
        {!contact.sheet && contact.error && <Notice tone='error'>{contact.error}</Notice>}
      </View>

      {card.introduction && (
        <Card className='card-intro' title='个人简介'>
          <Text className='card-intro__text'>{card.introduction}</Text>
        </Card>
      )}
      <FeaturedList items={card.featured} ownerName={card.name} />

      {qrOpen && card.contactQrUrl && <ContactQrSheet name={card.name} qrUrl={card.contactQrUrl} onClose={() => setQrOpen(false)} />}
      {contact.sheet && (
        <GateSheet
          action={contact}
          className='card-contact-sheet'
          title={`请${card.name}联系我`}
          subtitle='留下称呼和手机号，顾问会尽快与你联系'
          purpose='sales_contact'
          submitLabel='提交'
          signInDescription='登录后即可提交，顾问会尽快与你联系。'
          footnote='你的信息仅用于本次联系，可在「我的 · 隐私与授权」中撤回。'
        >
          <TextAreaField label='想了解什么（选填）' name='contact-note' value={contact.note} onChange={contact.setNote} placeholder='例如：想了解报价和实施周期' maxlength={200} />
        </GateSheet>
      )}
    </>
  );
}

/** A salesperson's card for prospects: who they are, call / save / add on WeChat / 请联系我, their picks, and sharing. */
export function CardView({ cardId }: { cardId: string | null }) {
  const { card, error, reload, needsSignIn } = useCardView(cardId);
  const contentId = cardId || 'unknown';
  useContentView({ contentType: 'card', contentId });
  const shareable = useShareable({ contentType: 'card', contentId, params: cardId ? { id: cardId } : {}, title: cardShareTitle(card), premint: !!cardId });

  if (!cardId || isApiError(error, 'NOT_FOUND')) {
    return <GoneCard title='名片不存在或已停用' description='链接可能已失效，去首页看看吧。' />;
  }
  if (!loginAllowed()) return <Notice tone='warning'>当前为朋友圈预览，点击底部「前往小程序」即可查看名片并联系顾问。</Notice>;
  if (needsSignIn) return <SignInPanel title='登录后查看名片' description='登录后即可查看顾问的联系方式，一键拨号、保存通讯录。' />;
  if (!card) return error ? <RetryCard message={describeCardError(error)} onRetry={reload} /> : <Loading />;

  return (
    <View className='card-view'>
      <CardBody card={card} />
      <SharePanel shareable={shareable} title='分享这张名片' description='把名片转给需要的朋友，对方也能一键联系。' />
      <View className='poster-button-row'>
        <PosterButton contentType='card' contentId={card.id} title={cardShareTitle(card)} label='生成名片海报' variant='ghost' />
      </View>
      <BrandFooter />
    </View>
  );
}
