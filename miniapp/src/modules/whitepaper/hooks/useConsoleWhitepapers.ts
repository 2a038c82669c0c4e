import type { WhitepaperAdminView } from '@leadloop/shared';
import { useCallback, useState } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { describeWhitepaperError } from '../services/whitepaper-errors';
import { listForConsole, setPublished } from '../services/whitepaper.service';

const loadAll = () => listForConsole().then((page) => page.items);

/** The console's whitepaper list, with publish / unpublish. */
export function useConsoleWhitepapers() {
  const { data, error, reload } = useApiResource(loadAll);
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

  const items = data ? data.map((paper) => changed[paper.id] ?? paper) : null;
  return { items, error, busyId, actionError, toggle, reload: refresh };
}
