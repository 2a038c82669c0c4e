import type { DownloadLink } from '@leadloop/shared';
import { useCallback, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { useGatedAction } from '@/modules/profile-gate/hooks/useGatedAction';
import { describeWhitepaperError } from '../services/whitepaper-errors';
import { fetchGate, openDownloaded, requestDownload } from '../services/whitepaper.service';

/**
 * 免费下载: the gate (only what is missing, and consent), then the signed link, opened in WeChat's
 * document viewer or downloaded by the browser. The link can be opened again until it expires.
 */
export function useWhitepaperDownload(id: string) {
  const [reopenError, setReopenError] = useState<string | null>(null);
  const action = useGatedAction<DownloadLink>({
    loadGate: () => fetchGate(id),
    perform: (submission, requestId) => requestDownload(id, submission, requestId),
    onDone: (link) => openDownloaded(link),
    describe: describeWhitepaperError,
  });

  const { result, clearResult } = action;
  const reopen = useCallback(async () => {
    if (!result) return;
    setReopenError(null);
    try {
      await openDownloaded(result);
    } catch (failure) {
      if (isApiError(failure, 'CANCELLED')) return;
      // An expired link is simply asked for again with the next tap on 免费下载.
      if (isApiError(failure, 'DOWNLOAD_LINK_EXPIRED', 'DOWNLOAD_LINK_INVALID')) clearResult();
      setReopenError(describeWhitepaperError(failure));
    }
  }, [result, clearResult]);

  return { ...action, reopen, reopenError };
}

export type WhitepaperDownload = ReturnType<typeof useWhitepaperDownload>;
