import { useApiResource } from '@/core/api/useApiResource';
import { listConsoleEvents } from '@/modules/live/services/live-console.service';
import { listForConsole } from '@/modules/whitepaper/services/whitepaper.service';

/** Up to this many of each are read; beyond it the overview says 「50+」 rather than guess a total. */
const PAGE = 50;

export interface ContentFigure {
  /** How many exist (the first page's count); `more` when there are further pages. */
  count: number;
  more: boolean;
  /** Sign-ups or downloads over those counted. */
  activity: number;
  latestTitle: string | null;
}

export interface ConsoleOverview {
  live: ContentFigure;
  whitepapers: ContentFigure;
}

async function loadOverview(): Promise<ConsoleOverview> {
  const [live, whitepapers] = await Promise.all([listConsoleEvents(undefined, PAGE), listForConsole()]);
  return {
    live: {
      count: live.items.length,
      more: live.nextCursor !== null,
      activity: live.items.reduce((sum, event) => sum + event.signups, 0),
      latestTitle: live.items[0]?.title ?? null,
    },
    whitepapers: {
      count: whitepapers.items.length,
      more: whitepapers.nextCursor !== null,
      activity: whitepapers.items.reduce((sum, paper) => sum + paper.downloads, 0),
      latestTitle: whitepapers.items[0]?.title ?? null,
    },
  };
}

/** The console home's figures: live events and whitepapers with their sign-ups and downloads. */
export function useConsoleOverview(enabled: boolean) {
  return useApiResource(loadOverview, enabled);
}
