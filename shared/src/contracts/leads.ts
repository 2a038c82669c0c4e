import { z } from 'zod';
import { PageQuery, pageOf } from '../pagination';
import { ConsentPurpose } from './profile';
import { ContentIdSchema } from './share-chain';
import { RecordId } from './whitepaper';
import { BuyingRole, CompanySizeBand, FitGrade, LeadStage, Seniority } from './lead-vocabulary';

export * from './lead-vocabulary';

// --- the lead list, the lead detail, the timeline and the phone reveal

/** What a lead did last (`leads.last_kind`), as the list and the detail name it. */
export const LeadActivityLabels: Record<string, string> = {
  event_signup: '报名活动',
  live_attend: '观看直播',
  whitepaper_download: '下载白皮书',
  card_contact: '名片留言：请联系我',
  contact_request: '首页留言：请联系我',
};

/** How the list is ordered: current intent score (default), last activity, or when the lead arrived; newest/highest first. */
/** `follow_up`: only leads with a next follow-up day, soonest first (我的线索's 待跟进). */
export const LeadSorts = ['score', 'activity', 'created', 'follow_up'] as const;
export const LeadSort = z.enum(LeadSorts);
export type LeadSort = z.infer<typeof LeadSort>;
export const LeadSortLabels: Record<LeadSort, string> = { score: '意向分', activity: '最近互动', created: '创建时间', follow_up: '待跟进' };

/** The people behind a content's report numbers: signed up, attended, watched ≥ N minutes, downloaded, asked to be contacted. */
export const LeadSourceActions = ['signed_up', 'attended', 'watched', 'downloaded', 'contact_requested'] as const;
export const LeadSourceAction = z.enum(LeadSourceActions);
export type LeadSourceAction = z.infer<typeof LeadSourceAction>;
export const LeadSourceActionLabels: Record<LeadSourceAction, string> = {
  signed_up: '已报名',
  attended: '已观看',
  watched: '观看时长达标',
  downloaded: '已下载',
  contact_requested: '请求联系',
};
/** Content a lead list can be narrowed to (what a report or a whitepaper row links from). */
export const LeadSourceContentTypes = ['live', 'whitepaper', 'card'] as const;
export const LeadSourceContentType = z.enum(LeadSourceContentTypes);
export type LeadSourceContentType = z.infer<typeof LeadSourceContentType>;

/** The watch times a live event's people are counted at (观看 ≥ N 分钟), each a link to the pool filtered to it. */
export const LeadWatchThresholds = [10, 30, 60] as const;

/** `GET /api/leads/sources`: how many leads stand behind each of a content's numbers. */
export const LeadSourceCountsQuery = z.object({ contentType: LeadSourceContentType, contentId: ContentIdSchema }).strict();
export type LeadSourceCountsQuery = z.infer<typeof LeadSourceCountsQuery>;
/** One number: the action (and, for `watched`, the minutes) that the pool's filter takes, and the leads it opens. */
export const LeadSourceCount = z.object({ action: LeadSourceAction, minutes: z.number().int().nullable(), count: z.number().int() });
export type LeadSourceCount = z.infer<typeof LeadSourceCount>;
export const LeadSourceCounts = z.object({ counts: z.array(LeadSourceCount) });
export type LeadSourceCounts = z.infer<typeof LeadSourceCounts>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const score = z.coerce.number().int().min(0).max(100_000);

/** `GET /api/leads`: filters (all optional, combined with AND), the sort, the page. Dates are China-time days, inclusive. */
export const LeadListQuery = PageQuery.extend({
  stage: LeadStage.optional(),
  grade: FitGrade.optional(),
  scoreMin: score.optional(),
  scoreMax: score.optional(),
  owner: RecordId.optional(),
  channel: RecordId.optional(),
  contentType: LeadSourceContentType.optional(),
  contentId: ContentIdSchema.optional(),
  action: LeadSourceAction.optional(),
  minutes: z.coerce.number().int().min(1).max(1440).optional(),
  account: RecordId.optional(),
  tag: z.string().trim().min(1).max(20).optional(),
  province: z.string().trim().min(1).max(20).optional(),
  city: z.string().trim().min(1).max(20).optional(),
  industry: z.string().trim().min(1).max(40).optional(),
  createdFrom: day.optional(),
  createdTo: day.optional(),
  activeFrom: day.optional(),
  activeTo: day.optional(),
  sort: LeadSort.default('score'),
})
  .strict()
  .superRefine((q, ctx) => {
    if ((q.contentType === undefined) !== (q.contentId === undefined)) ctx.addIssue({ code: 'custom', path: ['contentId'], message: 'contentType and contentId go together' });
    if (q.action && !q.contentId) ctx.addIssue({ code: 'custom', path: ['action'], message: 'needs contentType and contentId' });
    if (q.minutes !== undefined && q.action !== 'watched') ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'only with action=watched' });
    if (q.action === 'watched' && q.minutes === undefined) ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'watched needs minutes' });
    if (q.scoreMin !== undefined && q.scoreMax !== undefined && q.scoreMin > q.scoreMax) ctx.addIssue({ code: 'custom', path: ['scoreMax'], message: 'must not be below scoreMin' });
  });
export type LeadListQuery = z.infer<typeof LeadListQuery>;

const NamedRef = z.object({ id: z.string(), name: z.string() });
const LastActivity = z.object({ kind: z.string(), label: z.string(), at: z.string() });

export const LeadListItem = z.object({
  /** The person's id: a key for links, never shown. */
  id: z.string(),
  /** The name they gave, else their WeChat nickname, else 未留名. */
  displayName: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  /** 138****5678; the full number only through `POST /api/leads/{id}/phone`. */
  phoneMasked: z.string().nullable(),
  stage: LeadStage,
  grade: FitGrade,
  /** Intent score now, after decay, rounded. */
  score: z.number().int(),
  owner: NamedRef.nullable(),
  account: NamedRef.nullable(),
  lastActivity: LastActivity,
  createdAt: z.string(),
  /** The next follow-up day sales set (China time, YYYY-MM-DD), shown as 待跟进. */
  followUpOn: z.string().nullable(),
});
export type LeadListItem = z.infer<typeof LeadListItem>;
export const LeadList = pageOf(LeadListItem);

export const LeadChainLink = z.object({ name: z.string(), staff: z.boolean() });
/** How the person first came: when, through which channel, which content, and the chain of sharers from its root to the last one. */
export const LeadFirstTouch = z.object({
  at: z.string(),
  channel: z.string().nullable(),
  content: z.object({ type: z.string(), id: z.string(), title: z.string().nullable() }).nullable(),
  chain: z.array(LeadChainLink),
});

export const LeadConsent = z.object({ purpose: ConsentPurpose, granted: z.boolean(), policyVersion: z.string(), at: z.string() });
export const LeadContactNote = z.object({ note: z.string(), at: z.string(), via: z.enum(['card', 'home']) });

/** The lead's company; `openable`: this caller may open its account page (the console, or the account's owner). */
export const LeadAccountRef = NamedRef.extend({ openable: z.boolean() });

export const LeadDetail = z.object({
  id: z.string(),
  displayName: z.string(),
  name: z.string().nullable(),
  nickname: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  industry: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  sizeBand: CompanySizeBand.nullable(),
  department: z.string().nullable(),
  seniority: Seniority.nullable(),
  buyingRole: BuyingRole.nullable(),
  tags: z.array(z.string()),
  phoneMasked: z.string().nullable(),
  /** Whether this caller may ask for the full number (the owner or the pool, never a partner, and only when there is one). */
  phoneRevealable: z.boolean(),
  account: LeadAccountRef.nullable(),
  stage: LeadStage,
  stageChangedAt: z.string().nullable(),
  grade: FitGrade,
  score: z.number().int(),
  owner: NamedRef.nullable(),
  createdAt: z.string(),
  lastActivity: LastActivity,
  firstTouch: LeadFirstTouch.nullable(),
  consents: z.array(LeadConsent),
  /** What the prospect typed in 请联系我 (card or home page), newest first. */
  contactNotes: z.array(LeadContactNote),
});
export type LeadDetail = z.infer<typeof LeadDetail>;

export const LeadTimelineKinds = [
  'touch',
  'view',
  'share',
  'signup',
  'order',
  'payment',
  'attend',
  'watch',
  'survey',
  'download',
  'card_view',
  'card_return',
  'contact_request',
  'consent_withdrawn',
  'sales_rejected',
  'profile_edit',
  'stage_change',
  'merge',
  'feedback',
] as const;
export const LeadTimelineKind = z.enum(LeadTimelineKinds);
export type LeadTimelineKind = z.infer<typeof LeadTimelineKind>;
/** What each timeline line says first; the content's title, when there is one, follows in 《》. */
export const LeadTimelineKindLabels: Record<LeadTimelineKind, string> = {
  touch: '进入小程序',
  view: '浏览内容',
  share: '分享内容',
  signup: '报名活动',
  order: '提交订单',
  payment: '完成支付',
  attend: '观看直播',
  watch: '累计观看',
  survey: '提交直播问卷',
  download: '下载白皮书',
  card_view: '查看名片',
  card_return: '再次访问名片',
  contact_request: '请求联系',
  consent_withdrawn: '撤回授权',
  sales_rejected: '销售判定为无效线索',
  profile_edit: '资料变更',
  stage_change: '阶段变更',
  feedback: '销售跟进',
  merge: '合并重复记录',
};

export const LeadTimelineQuery = PageQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(100) }).strict();
export const LeadTimelineItem = z.object({
  /** A key for lists, never shown. */
  id: z.string(),
  at: z.string(),
  kind: LeadTimelineKind,
  label: z.string(),
  /** The content's title, when the item is about one (removed content: null). */
  contentTitle: z.string().nullable(),
  /** One line of detail: minutes watched, the note typed, 公司: A → B, 新线索 → 互动中. */
  detail: z.string().nullable(),
  /** Who did it when not the person: a staff member's name, or 系统规则. */
  by: z.string().nullable(),
});
export type LeadTimelineItem = z.infer<typeof LeadTimelineItem>;
export const LeadTimeline = pageOf(LeadTimelineItem);

export const RevealedPhone = z.object({ phone: z.string(), revealedAt: z.string() });
export type RevealedPhone = z.infer<typeof RevealedPhone>;
