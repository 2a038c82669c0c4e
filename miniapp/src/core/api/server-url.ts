import { apiBase } from '../platform/env';

/**
 * An absolute URL for a path the server serves (`/api/cards/images/…`, `/api/posters/….png`):
 * the weapp needs the server's origin for <Image> and downloads; the H5 build is same-origin.
 */
export function serverUrl(path: string | null | undefined): string {
  if (!path) return '';
  if (/^https?:\/\//.test(path)) return path;
  return `${apiBase}${path.startsWith('/') ? '' : '/'}${path}`;
}
