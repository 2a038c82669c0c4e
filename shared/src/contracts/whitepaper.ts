import { z } from 'zod';
import { PageQuery, pageOf } from '../pagination';
import { GateSubmission, ProfileField, RequiredFields } from './profile';

/** Server-generated ids (ULIDs): 26 Crockford base32 characters. */
export const RecordId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a record id');


/** A list field sent as an array, a JSON array string or a comma-separated string (form fields are text). */
function listOf<T extends z.ZodType<unknown[], unknown>>(items: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value): unknown => (typeof value === 'string' ? splitList(value) : value))
    .pipe(items);
}

function splitList(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return text;
    }
  }
  return trimmed
    .split(/[,，]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export const WhitepaperTags = listOf(
  z
    .array(z.string().trim().min(1).max(20).regex(/^[^\u0000-\u001f"\\]*$/, 'must not contain quotes, backslashes or control characters'))
    .max(10)
    // nothing JSON escapes: ten tags of twenty then take at most 231 of the column's 400 characters
    .transform((tags) => [...new Set(tags)]),
);
export const WhitepaperRequiredFields = listOf(RequiredFields);

const title = z.string().trim().min(1).max(80);
const summary = z.string().trim().max(500);

/**
 * The text fields of the console's upload form (multipart/form-data; the PDF is the `file` part,
 * an optional PNG/JPEG cover the `cover` part).
 */
export const CreateWhitepaperForm = z
  .object({
    title,
    summary: summary.default(''),
    tags: WhitepaperTags.default([]),
    /** Profile fields the download gate asks for (besides consent, which it always asks for). */
    requiredFields: WhitepaperRequiredFields.default([]),
  })
  .strict();
export type CreateWhitepaperForm = z.infer<typeof CreateWhitepaperForm>;

/** Replacing the document and/or the cover: only file parts, no text fields. */
export const ReplaceWhitepaperFilesForm = z.object({}).strict();

export const UpdateWhitepaperRequest = z
  .object({ title, summary, tags: WhitepaperTags, requiredFields: WhitepaperRequiredFields })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'nothing to change');
export type UpdateWhitepaperRequest = z.infer<typeof UpdateWhitepaperRequest>;

export const WhitepaperStatuses = ['draft', 'published'] as const;
export type WhitepaperStatus = (typeof WhitepaperStatuses)[number];

export const WhitepaperListQuery = PageQuery.extend({ status: z.enum(WhitepaperStatuses).optional() }).strict();
export type WhitepaperListQuery = z.infer<typeof WhitepaperListQuery>;

/** What a prospect sees of a published whitepaper. */
export const WhitepaperView = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  requiredFields: z.array(ProfileField),
  /** Bumped by every change of content; posters and caches key on it. */
  version: z.number().int(),
  coverUrl: z.string().nullable(),
  fileSize: z.number().int(),
  publishedAt: z.string().nullable(),
});
export type WhitepaperView = z.infer<typeof WhitepaperView>;

/** The console's view: the public one plus status, the document's display name and counts. */
export const WhitepaperAdminView = WhitepaperView.extend({
  status: z.enum(WhitepaperStatuses),
  fileName: z.string(),
  downloads: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WhitepaperAdminView = z.infer<typeof WhitepaperAdminView>;

export const WhitepaperList = pageOf(WhitepaperAdminView);
export type WhitepaperList = z.infer<typeof WhitepaperList>;

/** Published whitepapers as prospects and staff browse them (e.g. to feature one on a card), newest first. */
export const PublishedWhitepaperList = pageOf(WhitepaperView);
export type PublishedWhitepaperList = z.infer<typeof PublishedWhitepaperList>;

export const DownloadRequest = z
  .object({
    /** Chosen by the app per tap: a retried request with the same id gives the same download. */
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 url-safe characters'),
    gate: GateSubmission.default({ profile: {} }),
    /** The share token and channel the person arrived through, for attribution. */
    shareToken: z.string().max(64).optional(),
    channelCode: z.string().max(64).optional(),
    /** The mini-program page the form was on (recorded with the consent and the touchpoint). */
    page: z.string().trim().min(1).max(128).optional(),
  })
  .strict();
export type DownloadRequest = z.infer<typeof DownloadRequest>;

/** A signed, expiring link to the document (Taro.downloadFile needs no session for it). */
export const DownloadLink = z.object({
  downloadId: z.string(),
  /** Path under the API's origin: `/api/files/whitepapers/{downloadId}?exp=…&sig=…`. */
  url: z.string(),
  expiresAt: z.string(),
  fileName: z.string(),
  fileSize: z.number().int(),
});
export type DownloadLink = z.infer<typeof DownloadLink>;

/** The signature of a download link; checked by the server (a bad one is DOWNLOAD_LINK_INVALID, not a 400). */
export const DownloadLinkQuery = z.object({ exp: z.string().optional(), sig: z.string().optional() });
export type DownloadLinkQuery = z.infer<typeof DownloadLinkQuery>;

/** A cover image URL carries the whitepaper's version only to defeat caches. */
export const CoverQuery = z.object({ v: z.string().optional() });

/** A file streamed as it is (PDF, image), not JSON. */
export const FileBody = z.unknown();

export const MyDownload = z.object({ downloadId: z.string(), whitepaperId: z.string(), title: z.string(), at: z.string() });
export const MyDownloads = pageOf(MyDownload);
export type MyDownloads = z.infer<typeof MyDownloads>;
