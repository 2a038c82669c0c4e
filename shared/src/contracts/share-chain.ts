import { z } from 'zod';
import { INSTANT_RANGE, instant } from '../instant';
import { pageOf } from '../pagination';

/** What can be shared; each share names one of these and its id. */
export const ContentTypes = ['live', 'whitepaper', 'card', 'campaign', 'page'] as const;
export type ContentType = (typeof ContentTypes)[number];

export const ChannelKinds = ['offline_event', 'oa_menu', 'ad', 'partner', 'staff', 'moments', 'other'] as const;
export type ChannelKind = (typeof ChannelKinds)[number];

export const ChannelKindLabels: Record<ChannelKind, string> = {
  offline_event: '线下活动',
  oa_menu: '公众号菜单',
  ad: '广告投放',
  partner: '渠道伙伴',
  staff: '员工',
  moments: '朋友圈',
  other: '其他',
};

/** Share tokens: 16 url-safe characters (96 random bits); they fit a mini-program code scene. */
export const ShareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'must be a share token');
export const ChannelCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{2,16}$/, '2–16 letters, digits, _ or -');
export const ContentIdSchema = z.string().regex(/^[\w-]{1,64}$/, 'must be a content id');
/** A random id the app keeps per install, so touchpoints before login can be joined afterwards. */
export const AnonymousIdSchema = z.string().regex(/^[\w-]{16,64}$/, 'must be 16–64 url-safe characters');

export const MintShareRequest = z
  .object({
    contentType: z.enum(ContentTypes),
    contentId: ContentIdSchema,
    channelCode: ChannelCodeSchema.optional(),
    /** The token the sharer arrived through, if any; unknown tokens start a new tree. */
    parentToken: z.string().max(64).optional(),
  })
  .strict();
export type MintShareRequest = z.infer<typeof MintShareRequest>;

export const MintShareResponse = z.object({
  token: z.string(),
  depth: z.number().int(),
  parentToken: z.string().nullable(),
});
export type MintShareResponse = z.infer<typeof MintShareResponse>;

/**
 * What a share token opens. A poster's mini-program code carries only the token (its `scene`,
 * at most 32 characters), so the page it opens looks the content up by the token.
 */
export const ShareTokenContent = z.object({ contentType: z.enum(ContentTypes), contentId: z.string() });
export type ShareTokenContent = z.infer<typeof ShareTokenContent>;

export const CreateChannelRequest = z
  .object({
    code: ChannelCodeSchema,
    name: z.string().trim().min(1).max(40),
    kind: z.enum(ChannelKinds),
    ownerStaffId: z.string().length(26).optional(),
  })
  .strict();
export type CreateChannelRequest = z.infer<typeof CreateChannelRequest>;

export const ChannelView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ChannelKinds),
  ownerStaffId: z.string().nullable(),
  createdAt: z.string(),
});
export type ChannelView = z.infer<typeof ChannelView>;

export const ChannelCreated = ChannelView.extend({ path: z.string(), qrDataUrl: z.string() });
export const ChannelList = pageOf(ChannelView);

/** Where the person was when they arrived, sent with the login that may create them. */
export const EntryContext = z
  .object({
    shareToken: z.string().max(64).optional(),
    channelCode: z.string().max(64).optional(),
    launchScene: z.number().int().min(0).max(99999).optional(),
    anonymousId: AnonymousIdSchema.optional(),
  })
  .strict();
export type EntryContext = z.infer<typeof EntryContext>;

export const ClientEventTypes = ['entry', 'view', 'share_request', 'action'] as const;
export type ClientEventType = (typeof ClientEventTypes)[number];

/** What a stored event's instant may be: the database holds any of them, and no client queue is older. */
export const EVENT_TIME_RANGE = INSTANT_RANGE;
/** The most an event's props may take once stored as JSON (UTF-8 bytes). */
export const MAX_EVENT_PROPS_BYTES = 2048;

/** UTF-8 length without TextEncoder (absent from some mini-program runtimes). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export const ClientEvent = z
  .object({
    /** Client-generated, unique per install: a resend with the same id is stored once. */
    id: z.string().regex(/^[\w-]{8,64}$/, 'must be 8–64 url-safe characters'),
    type: z.enum(ClientEventTypes),
    at: instant('EVENT_TIME_OUT_OF_RANGE'),
    page: z.string().max(128).regex(/^[\w/.-]*$/, 'must be a page path'),
    anonymousId: AnonymousIdSchema,
    shareToken: z.string().max(64).optional(),
    channelCode: z.string().max(64).optional(),
    launchScene: z.number().int().min(0).max(99999).optional(),
    props: z
      .record(z.string().max(32), z.union([z.string().max(256), z.number(), z.boolean()]))
      .refine((props) => utf8Bytes(JSON.stringify(props)) <= MAX_EVENT_PROPS_BYTES, {
        message: `must take at most ${MAX_EVENT_PROPS_BYTES} bytes as JSON`,
        params: { code: 'EVENT_PROPS_TOO_LARGE' },
      })
      .optional(),
  })
  .strict();
export type ClientEvent = z.infer<typeof ClientEvent>;

export const MAX_EVENTS_PER_BATCH = 50;

/** Items are checked one by one: a bad item is reported by index, the good ones are kept. */
export const IngestEventsRequest = z.object({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH) }).strict();
export type IngestEventsRequest = z.infer<typeof IngestEventsRequest>;

export const IngestEventsResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
});
export type IngestEventsResponse = z.infer<typeof IngestEventsResponse>;

export const StarMapQuery = z
  .object({
    contentType: z.enum(ContentTypes),
    contentId: ContentIdSchema,
    from: instant().optional(),
    to: instant().optional(),
    channelCode: ChannelCodeSchema.optional(),
    limit: z.coerce.number().int().min(10).max(2000).default(2000),
  })
  .strict();
export type StarMapQuery = z.infer<typeof StarMapQuery>;

export const StarMapNodeKinds = ['staff', 'partner', 'prospect', 'channel', 'collapsed'] as const;

export const StarMapNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(StarMapNodeKinds),
  label: z.string(),
  depth: z.number().int(),
  visitors: z.number().int(),
  conversions: z.number().int(),
  /** Everything below this node, itself included. */
  subtreeNodes: z.number().int(),
  subtreeVisitors: z.number().int(),
  subtreeConversions: z.number().int(),
});
export type StarMapNode = z.infer<typeof StarMapNode>;

export const Spreader = z.object({
  kind: z.enum(['staff', 'partner', 'prospect']),
  id: z.string(),
  label: z.string(),
  shares: z.number().int(),
  visitors: z.number().int(),
  conversions: z.number().int(),
});

export const StarMapResponse = z.object({
  nodes: z.array(StarMapNode),
  totalNodes: z.number().int(),
  collapsed: z.boolean(),
  topSpreaders: z.array(Spreader),
});
export type StarMapResponse = z.infer<typeof StarMapResponse>;

export const MySharesResponse = pageOf(
  z.object({
    contentType: z.enum(ContentTypes),
    contentId: z.string(),
    /** What people see of the content (「首页」, the event's or whitepaper's title); null once it is deleted. */
    title: z.string().nullable(),
    shares: z.number().int(),
    visitors: z.number().int(),
    leads: z.number().int(),
    conversions: z.number().int(),
  }),
);
export type MySharesResponse = z.infer<typeof MySharesResponse>;

/** Content that has been shared, with its title: what the console's star map can be opened for (most recently shared first, paged). */
export const SharedContentList = pageOf(
  z.object({
    contentType: z.enum(ContentTypes),
    contentId: z.string(),
    /** null once the content is deleted (its share tree remains). */
    title: z.string().nullable(),
    /** Share links people have used for it (every level). */
    shares: z.number().int(),
  }),
);
export type SharedContentList = z.infer<typeof SharedContentList>;
