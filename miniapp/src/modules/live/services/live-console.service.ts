import type { ConsoleLiveEvent, CreateLiveEventRequest, LiveReport, UpdateLiveEventRequest } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';

const scope = () => ({ scope: platform.consoleScope });

export interface ConsoleLivePage {
  items: ConsoleLiveEvent[];
  next: string | null;
}

/** Events seen in the console list, so the edit page opens at once on the one just clicked. */
const known = new Map<string, ConsoleLiveEvent>();
const remember = (event: ConsoleLiveEvent) => {
  known.set(event.id, event);
  return event;
};

export async function listConsoleEvents(after?: string, limit = 20): Promise<ConsoleLivePage> {
  const page = await api('consoleLiveEvents', undefined, { ...scope(), query: { limit, after } });
  page.items.forEach(remember);
  return page;
}

/**
 * One event with everything the form edits (watch mode, reminders). The API has no single-event
 * console route, so an event not seen in this session is looked up page by page in the list.
 */
export async function findConsoleEvent(id: string): Promise<ConsoleLiveEvent | null> {
  const seen = known.get(id);
  if (seen) return seen;
  let after: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await listConsoleEvents(after, 50);
    const found = page.items.find((e) => e.id === id);
    if (found) return found;
    if (!page.next) return null;
    after = page.next;
  }
  return null;
}

export async function createLiveEvent(request: CreateLiveEventRequest): Promise<ConsoleLiveEvent> {
  return remember(await api('createLiveEvent', request, scope()));
}

export async function updateLiveEvent(id: string, changes: UpdateLiveEventRequest): Promise<ConsoleLiveEvent> {
  return remember(await api('updateLiveEvent', changes, { ...scope(), params: { id } }));
}

export async function publishLiveEvent(id: string): Promise<ConsoleLiveEvent> {
  return remember(await api('publishLiveEvent', undefined, { ...scope(), params: { id } }));
}

export function fetchLiveReport(id: string): Promise<LiveReport> {
  return api('liveReport', undefined, { ...scope(), params: { id } });
}
