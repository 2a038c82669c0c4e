import type { ContentType } from '@leadloop/shared';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { routedContentId } from '../services/token-content';

export interface RoutedContent {
  /** The content id, '' while it is looked up, null when the page was opened without one. */
  id: string | null;
  error: unknown;
  /** Looks the token up again (after a network failure). */
  retry(): void;
}

/** A detail page's content id from `?id=…`, or from the share token of a poster's code (`?scene=…`). */
export function useRoutedContentId(contentType: ContentType): RoutedContent {
  const { params } = useRouter();
  const { id, scene } = params;
  const [state, setState] = useState<Omit<RoutedContent, 'retry'>>(() => ({ id: id ?? (scene ? '' : null), error: null }));
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (id) {
      setState({ id, error: null });
      return;
    }
    let active = true;
    setState({ id: scene ? '' : null, error: null });
    routedContentId(contentType, { id, scene })
      .then((found) => active && setState({ id: found, error: null }))
      .catch((error: unknown) => active && setState({ id: null, error }));
    return () => {
      active = false;
    };
  }, [contentType, id, scene, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
