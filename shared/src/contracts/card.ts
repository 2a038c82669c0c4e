import { z } from 'zod';
import { pageOf } from '../pagination';
import { GateSubmission } from './profile';
import { ContentIdSchema } from './share-chain';

/** What a card may feature; each item opens with the card owner's own share token for it. */
export const CardFeaturedTypes = ['live', 'whitepaper', 'page'] as const;
export const MAX_FEATURED_ITEMS = 6;
export const MAX_INTRO_CHARS = 500;
export const MAX_CONTACT_NOTE_CHARS = 200;

/** Avatar and WeChat/WeCom contact QR: PNG or JPEG, at most 2 MB, sent as multipart field `image`. */
export const CardImageKinds = ['avatar', 'contact-qr'] as const;
export type CardImageKind = (typeof CardImageKinds)[number];
export const CARD_IMAGE_FIELD = 'image';
export const CARD_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/** A mainland mobile (13812345678) or a landline with its area code (010-12345678, 0755-1234567-801). */
export const CARD_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** Optional text of a form: blank (or absent) means "none" and is stored as null. */
const optionalText = (max: number, check?: { test: (v: string) => boolean; message: string }) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => v === '' || !check || check.test(v), check?.message)
    .nullable()
    .optional()
    .transform((v) => v || null);

const isEmail = (v: string) => z.email().safeParse(v).success;

export const CardFeaturedItem = z
  .object({
    contentType: z.enum(CardFeaturedTypes),
    contentId: ContentIdSchema,
    title: z.string().trim().min(1).max(40),
  })
  .strict();
export type CardFeaturedItem = z.infer<typeof CardFeaturedItem>;

/** The whole editable card (images are uploaded on their own). */
export const UpdateCardRequest = z
  .object({
    name: z.string().trim().min(1).max(40),
    title: optionalText(40),
    company: optionalText(80),
    phone: optionalText(20, { test: (v) => CARD_PHONE_PATTERN.test(v), message: 'must be a mainland mobile or a landline with area code' }),
    email: optionalText(120, { test: isEmail, message: 'must be an email address' }),
    introduction: optionalText(MAX_INTRO_CHARS),
    featured: z
      .array(CardFeaturedItem)
      .max(MAX_FEATURED_ITEMS)
      .default([])
      .refine((items) => new Set(items.map((i) => `${i.contentType}:${i.contentId}`)).size === items.length, 'featured items must not repeat'),
  })
  .strict();
export type UpdateCardRequest = z.infer<typeof UpdateCardRequest>;

/** A featured item as the card shows it: opened with `shareToken`, the card owner's token for it. */
export const CardFeaturedView = CardFeaturedItem.extend({ shareToken: z.string() });
export type CardFeaturedView = z.infer<typeof CardFeaturedView>;

const CardFields = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  /** The salesperson's business contacts, meant to be shown (call, save to contacts). */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Paths under the API origin (`/api/cards/images/…`); null when not uploaded. */
  avatarUrl: z.string().nullable(),
  contactQrUrl: z.string().nullable(),
  featured: z.array(CardFeaturedView),
});

/** The card as a prospect sees it: only the last approved introduction. */
export const CardView = CardFields.extend({
  introduction: z.string().nullable(),
  viewerIsOwner: z.boolean(),
});
export type CardView = z.infer<typeof CardView>;

export const IntroStatuses = ['pending', 'approved', 'rejected'] as const;
export type IntroStatus = (typeof IntroStatuses)[number];

/** The owner's card: their draft introduction with its moderation status, and unread signals. */
export const MyCard = CardFields.extend({
  introduction: z.object({
    /** What the owner wrote last. */
    draft: z.string().nullable(),
    /** pending: being checked (msg_sec_check); approved: shown; rejected: not shown, edit it. */
    status: z.enum(IntroStatuses),
    /** What prospects see now: the last approved introduction. */
    published: z.string().nullable(),
    /** A sentence for the owner about the status (Chinese, for display). */
    note: z.string().nullable(),
  }),
  updatedAt: z.string(),
});
export type MyCard = z.infer<typeof MyCard>;

/** How the prospect arrived at the card (the page's `s` and `c`). */
export const CardViewQuery = z
  .object({
    shareToken: z.string().max(64).optional(),
    channelCode: z.string().max(64).optional(),
  })
  .strict();
export type CardViewQuery = z.infer<typeof CardViewQuery>;

/** "请联系我": the gate asks for name and phone (purpose sales_contact); `requestId` makes retries safe. */
export const ContactRequest = z
  .object({
    requestId: z.string().regex(/^[\w-]{8,64}$/, 'must be 8–64 url-safe characters'),
    gate: GateSubmission.default({ profile: {} }),
    note: optionalText(MAX_CONTACT_NOTE_CHARS),
    shareToken: z.string().max(64).optional(),
  })
  .strict();
export type ContactRequest = z.infer<typeof ContactRequest>;

export const ContactRequestResponse = z.object({
  id: z.string(),
  status: z.literal('received'),
  createdAt: z.string(),
});
export type ContactRequestResponse = z.infer<typeof ContactRequestResponse>;


/** A visitor as the card owner sees them: display name and masked phone only. */
export const CardVisitor = z.object({
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  views: z.number().int(),
  firstViewAt: z.string(),
  lastViewAt: z.string(),
  contactRequested: z.boolean(),
  contactRequestedAt: z.string().nullable(),
});
export type CardVisitor = z.infer<typeof CardVisitor>;

/** Most recent visit first; pass `nextCursor` back as `cursor` for the next page. */
export const CardVisitorList = pageOf(CardVisitor);
export type CardVisitorList = z.infer<typeof CardVisitorList>;

/** Image bytes (image/png or image/jpeg), not JSON. */
export const CardImageBytes = z.unknown();
