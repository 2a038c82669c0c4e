import { randomBytes } from 'node:crypto';
import type { TestServer } from './app';

import { minimalPdf } from './pdf';

export { minimalPdf };

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface FilePart {
  field: string;
  bytes: Buffer;
  filename: string;
  type: string;
}

export const pdfPart = (filename = 'whitepaper.pdf', bytes = minimalPdf()): FilePart => ({ field: 'file', bytes, filename, type: 'application/pdf' });
export const coverPart = (bytes: Buffer = PNG, type = 'image/png'): FilePart => ({ field: 'cover', bytes, filename: 'cover.png', type });

/** multipart/form-data over real HTTP, as the console's upload form sends it. */
export async function upload(server: TestServer, path: string, token: string | undefined, fields: Record<string, string>, files: FilePart[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files) form.append(f.field, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.filename);
  const res = await fetch(`${server.url}/api${path}`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A published whitepaper asking for `requiredFields`; answers its id. */
export async function publishedWhitepaper(server: TestServer, token: string, requiredFields = 'name,company', title = '私域增长白皮书'): Promise<string> {
  const created = await upload(server, '/console/whitepapers', token, { title, summary: '摘要', requiredFields }, [pdfPart()]);
  if (created.status !== 201) throw new Error(`upload failed: ${JSON.stringify(created.body)}`);
  await server.http('POST', `/api/console/whitepapers/${created.body.id}/publish`, undefined, token);
  return created.body.id;
}

export const newRequestId = () => randomBytes(12).toString('base64url');

export const consent = (policyVersion = '2026-11') => ({ policyVersion, accepted: true });

/** POST /whitepapers/{id}/downloads with a fresh request id unless one is given. */
export function requestDownload(server: TestServer, token: string, id: string, body: Record<string, unknown> = {}) {
  return server.http('POST', `/api/whitepapers/${id}/downloads`, { requestId: newRequestId(), gate: { profile: {} }, ...body }, token);
}
