import type { LiveEventEntity } from './live.entity';

/** Where the app loads an event's cover: the uploaded one (versioned URL), else the link given. */
export function coverUrlOf(event: Pick<LiveEventEntity, 'id' | 'coverKey' | 'coverUrl' | 'version'>): string | null {
  return event.coverKey ? `/api/files/live-covers/${event.id}?v=${event.version}` : event.coverUrl;
}
