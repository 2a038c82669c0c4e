import type { PosterResponse } from '@leadloop/shared';
import { useCallback, useRef, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { loginAllowed } from '@/core/entry';
import { platform } from '@/core/platform';
import { serverConfigStore } from '@/core/platform/server-config';
import { serverUrl } from '@/core/api/server-url';
import { currentSession } from '@/core/session/session-store';
import type { ShareContent } from '@/modules/share-chain/services/share.service';
import { createPoster, describePosterError, posterFileName } from '../services/poster.service';

export type SaveState = 'idle' | 'saving' | 'saved' | 'denied';

/** The poster sheet: made on the first tap, saved to the album or shared from there. */
export function usePoster(content: ShareContent, title: string) {
  const [open, setOpen] = useState(false);
  const [poster, setPoster] = useState<PosterResponse | null>(null);
  const [making, setMaking] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const key = `${content.contentType}:${content.contentId}`;
  const madeFor = useRef<string | null>(null);

  const make = useCallback(async () => {
    setMaking(true);
    setError(null);
    try {
      const made = await createPoster(content);
      setPoster(made);
      madeFor.current = key;
    } catch (failure) {
      setError(describePosterError(failure));
    } finally {
      setMaking(false);
    }
  }, [content, key]);

  /** 生成海报: opens the sheet (signing in first in a browser) and makes the poster. */
  const start = useCallback(() => {
    setOpen(true);
    setSaveState('idle');
    setError(null);
    if (!loginAllowed()) {
      setError('当前为朋友圈预览，点击底部「前往小程序」后即可生成海报');
      return;
    }
    const needsSignIn = !currentSession('app') && platform.loginMethod(serverConfigStore.get()) !== 'wechat';
    if (!needsSignIn && madeFor.current !== key) void make();
  }, [make, key]);

  const imageUrl = poster ? serverUrl(poster.url) : '';

  const save = useCallback(async () => {
    if (!poster) return;
    setSaveState('saving');
    setError(null);
    try {
      await platform.saveImageToAlbum(imageUrl, posterFileName(title));
      setSaveState('saved');
    } catch (failure) {
      if (isApiError(failure, 'PERMISSION_DENIED')) {
        setSaveState('denied');
        return;
      }
      setSaveState('idle');
      if (!isApiError(failure, 'CANCELLED')) setError(describePosterError(failure));
    }
  }, [poster, imageUrl, title]);

  const share = useCallback(async () => {
    if (!poster) return;
    setError(null);
    try {
      await platform.shareImage(imageUrl);
    } catch (failure) {
      if (!isApiError(failure, 'CANCELLED')) setError(describePosterError(failure));
    }
  }, [poster, imageUrl]);

  /** Back from the settings page: if the album was allowed there, save right away. */
  const afterSettings = useCallback(
    (authSetting: Record<string, boolean> | undefined) => {
      if (authSetting?.['scope.writePhotosAlbum']) void save();
    },
    [save],
  );

  return { open, poster, imageUrl, making, saveState, error, start, make, save, share, afterSettings, close: () => setOpen(false) };
}

export type PosterFlow = ReturnType<typeof usePoster>;
