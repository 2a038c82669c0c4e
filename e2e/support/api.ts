import type { Page } from 'playwright-core';
import { minimalPdf } from '../../server/test/support/pdf';
import type { BrowserApp } from './flows';

/** A small valid PDF (one page, one line of text) to upload as a whitepaper. */
export const tinyPdf = (text = 'whitepaper e2e'): Buffer => minimalPdf(text);

/** Where a page keeps its session: the mini-program's, or the desktop console's. */
export type SessionKey = 'leadloop.session' | 'leadloop.console-session';

/** The session a page holds under `key`, for setting up and checking through the API (Taro's H5 storage wraps values: { data: … }). */
export async function storedToken(page: Page, key: SessionKey = 'leadloop.session'): Promise<string> {
  const stored = await page.evaluate((k) => localStorage.getItem(k), key);
  const parsed = JSON.parse(stored ?? 'null') as { data?: { token?: string }; token?: string } | null;
  const token = parsed?.data?.token ?? parsed?.token;
  if (!token) throw new Error(`no session stored under ${key}: ${stored}`);
  return token;
}

/**
 * Calls the app's server API (`/api…`) as the holder of `token`: a JSON body, or a multipart form
 * as it is. An error status fails the step with the server's answer.
 */
export async function callApi<T = any>(app: BrowserApp, method: string, path: string, token: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}` } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const res = await fetch(`${app.server.url}${path}`, init);
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
