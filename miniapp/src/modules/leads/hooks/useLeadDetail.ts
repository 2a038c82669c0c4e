import type { LeadTimelineItem } from '@leadloop/shared';
import { useCallback, useState } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { useKeysetList } from '@/core/api/useKeysetList';
import type { SessionScope } from '@/core/session/session-store';
import { fetchLead, fetchTimeline, revealPhone } from '../services/leads.service';
import { describeLeadError } from '../services/lead-format';

/** One lead, its timeline (newest first, a page at a time) and the phone reveal. */
export function useLeadDetail(scope: SessionScope, id: string) {
  const loadLead = useCallback(() => fetchLead(scope, id), [scope, id]);
  const lead = useApiResource(loadLead, !!id);
  const loadTimeline = useCallback((cursor?: string) => fetchTimeline(scope, id, cursor), [scope, id]);
  const timeline = useKeysetList<LeadTimelineItem>(loadTimeline, (item) => item.id, !!id);

  const [phone, setPhone] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [revealError, setRevealError] = useState<string | null>(null);
  const reveal = useCallback(async () => {
    setRevealing(true);
    setRevealError(null);
    try {
      setPhone((await revealPhone(scope, id)).phone);
    } catch (failure) {
      setRevealError(describeLeadError(failure));
    } finally {
      setRevealing(false);
    }
  }, [scope, id]);

  return { lead, timeline, phone, revealing, revealError, reveal };
}
