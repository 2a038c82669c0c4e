import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { describeError, isApiError } from '@/core/api/api-error';
import { loginAllowed } from '@/core/entry';
import { platform } from '@/core/platform';
import { Routes } from '@/core/routes';
import { useSession } from '@/modules/identity/hooks/useSession';
import { ActionButton, Card, LinkText, Notice } from '@/ui';
import type { Shareable } from '../hooks/useShareable';
import './SharePanel.scss';

interface SharePanelProps {
  shareable: Shareable;
  title?: string;
  description?: string;
}

/**
 * The share action of a shareable page. In WeChat it opens the share sheet (the token is already in
 * the page's share handler); in a browser it shows this person's link to copy.
 */
export function SharePanel({ shareable, title = '分享给好友', description }: SharePanelProps) {
  const session = useSession('app');
  // what sharing brings is for staff eyes only; a prospect is just asked to pass it on
  const subtitle = description ?? (session?.staff ? '通过你的专属链接打开的朋友，都会计入你的分享成绩。' : '觉得有用，就分享给可能感兴趣的朋友吧。');
  const [link, setLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  if (!loginAllowed()) return null;

  const createLink = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      setLink(await shareable.requestLink('link'));
    } catch (failure) {
      setError(isApiError(failure, 'LOGIN_REQUIRED') ? '请先登录，再生成分享链接' : describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await Taro.setClipboardData({ data: link });
      setCopied(true);
    } catch {
      setError('复制失败，请长按链接手动复制');
    }
  };

  return (
    <Card className='share-panel' title={title} subtitle={subtitle}>
      {platform.hasShareMenu ? (
        <>
          <ActionButton openType='share'>分享给好友</ActionButton>
          <Text className='share-panel__hint'>也可以点击右上角「···」分享到朋友圈</Text>
        </>
      ) : !session ? (
        <View className='ll-stack'>
          <Notice tone='info'>登录后即可生成分享链接</Notice>
          <ActionButton variant='secondary' onClick={() => void Taro.switchTab({ url: Routes.mine })}>
            去登录
          </ActionButton>
        </View>
      ) : link ? (
        <View className='share-panel__result'>
          <Text className='share-panel__label'>分享链接</Text>
          <LinkText className='share-panel__link' link={link} />
          <View className='ll-row'>
            <ActionButton small block={false} onClick={() => void copy()}>
              {copied ? '已复制' : '复制链接'}
            </ActionButton>
            <Text className='ll-muted'>发给好友，对方打开即可看到</Text>
          </View>
        </View>
      ) : (
        <ActionButton loading={busy} disabled={busy} onClick={() => void createLink()}>
          分享给好友
        </ActionButton>
      )}
      {error && (
        <View className='share-panel__error'>
          <Notice tone='error'>{error}</Notice>
        </View>
      )}
    </Card>
  );
}
