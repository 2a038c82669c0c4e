import type { WhitepaperAdminView } from '@leadloop/shared';
import { useCallback, useState } from 'react';
import { useKeysetList } from '@/core/api/useKeysetList';
import { describeWhitepaperError } from '../services/whitepaper-errors';
import { listForConsole, setPublished } from '../services/whitepaper.service';

const paperId = (paper: WhitepaperAdminView) => paper.id;

/** The console's whitepaper list, newest first a page at a time, with publish / unpublish. */
export function useConsoleWhitepapers() {
  const { items: loaded, reload, ...pages } = useKeysetList(listForConsole, paperId);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [changed, setChanged] = useState<Record<string, WhitepaperAdminView>>({});

  const toggle = useCallback(async (paper: WhitepaperAdminView) => {
    setBusyId(paper.id);
    setActionError(null);
    try {
      const next = await setPublished(paper.id, paper.status !== 'published');
      setChanged((prev) => ({ ...prev, [next.id]: next }));
    } catch (failure) {
      setActionError(describeWhitepaperError(failure));
    } finally {
      setBusyId(null);
    }
  }, []);

  const refresh = useCallback(() => {
    setChanged({});
    reload();
  }, [reload]);

  const items = loaded ? loaded.map((paper) => changed[paper.id] ?? paper) : null;
  return { ...pages, items, busyId, actionError, toggle, reload: refresh };
}
