import type { ConsoleLiveEvent, CreateLiveEventRequest, LiveReport, Page, UpdateLiveEventRequest } from '@leadloop/shared';
import { api, upload } from '@/core/api/client';
import type { PickedFile } from '@/core/platform';
import { isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';

const scope = () => ({ scope: platform.consoleScope });

export async function listConsoleEvents(cursor?: string, limit = 20): Promise<Page<ConsoleLiveEvent>> {
  return api('consoleLiveEvents', undefined, { ...scope(), query: { limit, cursor } });
}

/** One event with everything the form edits (watch mode, reminders, the replay URL ahead of time). */
export async function findConsoleEvent(id: string): Promise<ConsoleLiveEvent | null> {
  try {
    return await api('consoleLiveEvent', undefined, { ...scope(), params: { id } });
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

export async function createLiveEvent(request: CreateLiveEventRequest): Promise<ConsoleLiveEvent> {
  return api('createLiveEvent', request, scope());
}

export async function updateLiveEvent(id: string, changes: UpdateLiveEventRequest): Promise<ConsoleLiveEvent> {
  return api('updateLiveEvent', changes, { ...scope(), params: { id } });
}

export async function publishLiveEvent(id: string): Promise<ConsoleLiveEvent> {
  return api('publishLiveEvent', undefined, { ...scope(), params: { id } });
}

export function fetchLiveReport(id: string): Promise<LiveReport> {
  return api('liveReport', undefined, { ...scope(), params: { id } });
}

/** The event's cover (PNG/JPEG ≤ 2 MB), uploaded like a whitepaper's. */
export function uploadLiveCover(id: string, cover: PickedFile): Promise<ConsoleLiveEvent> {
  return upload('uploadLiveCover', {}, { cover }, { ...scope(), params: { id } });
}
