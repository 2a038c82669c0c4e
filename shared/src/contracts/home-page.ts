import { z } from 'zod';
import { pageOf } from '../pagination';
import { GateSubmission } from './profile';
import { ContentIdSchema } from './share-chain';
import { RecordId } from './whitepaper';

/**
 * The prospect home page (微页面) as marketers build it: ordered blocks, saved as a draft and
 * published as numbered versions. Rich text is a restricted structure (headings, paragraphs,
 * bullets of plain text), never HTML; links point at content by type and id, never at a URL.
 */
export const HOME_IMAGE_FIELD = 'image';
export const HOME_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const MAX_HOME_BLOCKS = 20;
export const MAX_BLOCK_ITEMS = 6;
export const MAX_TEXT_PARAGRAPHS = 30;
export const MAX_PARAGRAPH_CHARS = 500;

export const HomeBlockTypes = ['banner', 'live', 'whitepapers', 'cards', 'text', 'contact'] as const;
export type HomeBlockType = (typeof HomeBlockTypes)[number];
export const HomeBlockLabels: Record<HomeBlockType, string> = {
  banner: '横幅图片',
  live: '精选直播',
  whitepapers: '白皮书列表',
  cards: '推荐顾问',
  text: '图文介绍',
  contact: '联系表单',
};

export const HomeLinkTypes = ['live', 'whitepaper', 'card'] as const;
export type HomeLinkType = (typeof HomeLinkTypes)[number];

/** Where a banner leads: a piece of content (opened with the sharer's token for it). */
export const HomeLink = z.object({ contentType: z.enum(HomeLinkTypes), contentId: ContentIdSchema }).strict();
export type HomeLink = z.infer<typeof HomeLink>;

const blockId = z.string().regex(/^[\w-]{1,32}$/, 'must be a block id');
const heading = (max: number) => z.string().trim().min(1).max(max);
const ids = z
  .array(ContentIdSchema)
  .max(MAX_BLOCK_ITEMS)
  .refine((list) => new Set(list).size === list.length, 'items must not repeat');

export const BannerBlock = z
  .object({
    id: blockId,
    type: z.literal('banner'),
    imageId: RecordId,
    /** What the image says, for screen readers and when it fails to load. */
    alt: heading(40),
    link: HomeLink.nullable().default(null),
  })
  .strict();

/** Featured live events: the ones named, in order; none named shows the upcoming ones. */
export const LiveBlock = z.object({ id: blockId, type: z.literal('live'), title: heading(20), eventIds: ids.default([]) }).strict();
/** Whitepapers: the ones named, in order; none named shows the newest. */
export const WhitepapersBlock = z.object({ id: blockId, type: z.literal('whitepapers'), title: heading(20), whitepaperIds: ids.default([]) }).strict();
export const CardsBlock = z.object({ id: blockId, type: z.literal('cards'), title: heading(20), cardIds: ids.min(1) }).strict();

export const ParagraphStyles = ['heading', 'paragraph', 'bullet'] as const;
export const TextParagraph = z.object({ style: z.enum(ParagraphStyles), text: z.string().trim().min(1).max(MAX_PARAGRAPH_CHARS) }).strict();
export type TextParagraph = z.infer<typeof TextParagraph>;
export const TextBlock = z
  .object({ id: blockId, type: z.literal('text'), title: heading(20).nullable().default(null), paragraphs: z.array(TextParagraph).min(1).max(MAX_TEXT_PARAGRAPHS) })
  .strict();

/** 请联系我, addressed to the company: the gated contact path (name, phone, consent to sales follow-up). */
export const ContactBlock = z
  .object({ id: blockId, type: z.literal('contact'), title: heading(20), description: z.string().trim().max(120).default('') })
  .strict();

export const HomeBlock = z.discriminatedUnion('type', [BannerBlock, LiveBlock, WhitepapersBlock, CardsBlock, TextBlock, ContactBlock]);
export type HomeBlock = z.infer<typeof HomeBlock>;
export type HomeBlockInput = z.input<typeof HomeBlock>;

export const HomeBlocks = z
  .array(HomeBlock)
  .max(MAX_HOME_BLOCKS)
  .refine((blocks) => new Set(blocks.map((b) => b.id)).size === blocks.length, 'block ids must not repeat');

export const SaveHomeDraftRequest = z.object({ blocks: HomeBlocks }).strict();
export type SaveHomeDraftRequest = z.infer<typeof SaveHomeDraftRequest>;

/** The console's view: the draft being edited and what prospects see now. */
export const HomeEditorView = z.object({
  blocks: z.array(HomeBlock),
  draftUpdatedAt: z.string().nullable(),
  /** The draft differs from the published version. */
  unpublishedChanges: z.boolean(),
  published: z.object({ version: z.number().int(), publishedAt: z.string(), publishedBy: z.string().nullable() }).nullable(),
});
export type HomeEditorView = z.infer<typeof HomeEditorView>;

/** A card as a home-page block shows it. */
export const HomeCardItem = z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), avatarUrl: z.string().nullable() });
export type HomeCardItem = z.infer<typeof HomeCardItem>;

/** The published home as prospects see it. */
export const PublishedHome = z.object({
  /** 0: nothing published yet; the default page is shown. */
  version: z.number().int(),
  blocks: z.array(HomeBlock),
  /** Cards named by card blocks (shown ones only). */
  cards: z.array(HomeCardItem),
});
export type PublishedHome = z.infer<typeof PublishedHome>;

/** Opening an item of a shared home page: the token the home page was opened with, and the item. */
export const HomeLinkRequest = z
  .object({ shareToken: z.string().regex(/^[\w-]{1,64}$/, 'must be a share token'), contentType: z.enum(HomeLinkTypes), contentId: ContentIdSchema })
  .strict();
export type HomeLinkRequest = z.infer<typeof HomeLinkRequest>;
/** The home page's sharer's own token for the item (null: open it without one). */
export const HomeLinkResponse = z.object({ token: z.string().nullable() });
export type HomeLinkResponse = z.infer<typeof HomeLinkResponse>;

export const HomeImageUploaded = z.object({ imageId: z.string(), url: z.string() });
export type HomeImageUploaded = z.infer<typeof HomeImageUploaded>;

/** The cards the editor can feature, by name, a page at a time. */
export const HomeCardChoices = pageOf(HomeCardItem);
export type HomeCardChoices = z.infer<typeof HomeCardChoices>;

/** 请联系我 from the home page: the same gate as a card's (name, phone, sales follow-up consent). */
export const HomeContactRequest = z
  .object({
    requestId: z.string().regex(/^[\w-]{8,64}$/, 'must be 8–64 url-safe characters'),
    gate: GateSubmission.default({ profile: {} }),
    note: z.string().trim().max(200).nullable().optional().transform((v) => v || null),
    shareToken: z.string().max(64).optional(),
  })
  .strict();
export type HomeContactRequest = z.infer<typeof HomeContactRequest>;

export const HomeContactResponse = z.object({ id: z.string(), status: z.literal('received'), createdAt: z.string() });

export const HomeImageBytes = z.unknown();
