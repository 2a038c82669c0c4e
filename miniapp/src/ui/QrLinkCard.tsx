import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { ActionButton } from './ActionButton';
import { Card } from './Card';
import { Picture } from './Picture';
import { LinkText } from './LinkText';

interface QrLinkCardProps {
  /** Class of the card; its code and link also carry `<block>__qr` and `<block>__link`. */
  block: string;
  title: string;
  subtitle: string;
  qrDataUrl: string;
  /** What was created, in one line. */
  heading: ReactNode;
  /** A muted line under the heading. */
  detail: ReactNode;
  linkLabel: string;
  link: string;
  /** The button that goes back to the form, e.g. 继续创建. */
  againLabel: string;
  onAgain(): void;
}

/** Something just created that people open by mini-program code or link: both, and the link to copy. */
export function QrLinkCard({ block, title, subtitle, qrDataUrl, heading, detail, linkLabel, link, againLabel, onAgain }: QrLinkCardProps) {
  return (
    <Card className={block} title={title} subtitle={subtitle}>
      <View className='ll-qr-link'>
        <Picture className={`ll-qr-link__qr ${block}__qr`} src={qrDataUrl} mode='scaleToFill' alt={`${title}：小程序码`} />
        <View className='ll-qr-link__info'>
          <Text className='ll-qr-link__heading'>{heading}</Text>
          <Text className='ll-muted'>{detail}</Text>
          <Text className='ll-qr-link__label'>{linkLabel}</Text>
          <LinkText className={`ll-qr-link__link ${block}__link`} link={link} />
          <View className='ll-row'>
            <ActionButton small block={false} onClick={() => void Taro.setClipboardData({ data: link })}>
              复制链接
            </ActionButton>
            <ActionButton variant='ghost' small block={false} onClick={onAgain}>
              {againLabel}
            </ActionButton>
          </View>
        </View>
      </View>
    </Card>
  );
}
