import type { ContentType } from '@leadloop/shared';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { captureEntry } from '@/core/entry';
import { reportEntry, track } from '../services/tracker';

/** A quick tab switch back and forth is one view, not two. */
const REPEAT_VIEW_MS = 15_000;

/**
 * Records a `view` of a content page each time it is shown (anonymously when nobody is signed in,
 * e.g. Moments single-page mode). A page opened with its own `s`/`c`/`scene` (another link opened
 * inside a running app) is an entry of its own.
 */
export function useContentView(content: { contentType: ContentType; contentId: string }): void {
  const router = useRouter();
  const lastView = useRef(0);
  useDidShow(() => {
    const params = router.params as Record<string, unknown>;
    if (params.s || params.c || params.scene) {
      captureEntry(params, null);
      reportEntry(router.path, 'page');
    }
    const now = Date.now();
    if (now - lastView.current < REPEAT_VIEW_MS) return;
    lastView.current = now;
    track({ type: 'view', page: router.path, props: { contentType: content.contentType, contentId: content.contentId } });
  });
}
