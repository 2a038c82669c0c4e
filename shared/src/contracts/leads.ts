import { z } from 'zod';
import { PageQuery, pageOf } from '../pagination';
import { ConsentPurpose } from './profile';
import { ContentIdSchema } from './share-chain';
import { RecordId } from './whitepaper';

/**
 * The lead's vocabulary, shared by the server, the console and the staff pages: lifecycle
 * stages, fit grades, the profile's bands, and how a decayed intent score is stored.
 */

/** new → engaged → MQL → SAL (accepted by sales) → SQL (opportunity) → won / lost; nurture for recycled leads. */
export const LeadStages = ['new', 'engaged', 'mql', 'sal', 'sql', 'won', 'lost', 'nurture'] as const;
export const LeadStage = z.enum(LeadStages);
export type LeadStage = z.infer<typeof LeadStage>;
export const LeadStageLabels: Record<LeadStage, string> = {
  new: '新线索',
  engaged: '互动中',
  mql: '市场认可',
  sal: '销售已接受',
  sql: '商机',
  won: '赢单',
  lost: '输单',
  nurture: '培育中',
};

/** Fit (能力) grade from profile rules: A is the best fit. */
export const FitGrades = ['A', 'B', 'C', 'D'] as const;
export const FitGrade = z.enum(FitGrades);
export type FitGrade = z.infer<typeof FitGrade>;

export const CompanySizeBands = ['1-49', '50-199', '200-499', '500-999', '1000-4999', '5000+'] as const;
export const CompanySizeBand = z.enum(CompanySizeBands);
export type CompanySizeBand = z.infer<typeof CompanySizeBand>;
export const CompanySizeBandLabels: Record<CompanySizeBand, string> = {
  '1-49': '50 人以下',
  '50-199': '50–199 人',
  '200-499': '200–499 人',
  '500-999': '500–999 人',
  '1000-4999': '1000–4999 人',
  '5000+': '5000 人及以上',
};

/** Seniority, derived from the job title unless staff set it. */
export const Seniorities = ['executive', 'director', 'manager', 'staff', 'other'] as const;
export const Seniority = z.enum(Seniorities);
export type Seniority = z.infer<typeof Seniority>;
export const SeniorityLabels: Record<Seniority, string> = {
  executive: '高管',
  director: '总监',
  manager: '经理',
  staff: '员工',
  other: '其他',
};

/** A contact's part in the account's buying decision. */
export const BuyingRoles = ['decision_maker', 'influencer', 'user', 'procurement', 'other'] as const;
export const BuyingRole = z.enum(BuyingRoles);
export type BuyingRole = z.infer<typeof BuyingRole>;
export const BuyingRoleLabels: Record<BuyingRole, string> = {
  decision_maker: '决策者',
  influencer: '影响者',
  user: '使用者',
  procurement: '采购',
  other: '其他',
};

/** Target-account tier for ABM: A is the most wanted. */
export const AccountTiers = ['A', 'B', 'C'] as const;
export const AccountTier = z.enum(AccountTiers);
export type AccountTier = z.infer<typeof AccountTier>;

/**
 * Intent decays with a half-life, and a lead list sorted by the score *now* must not rescan every
 * lead as time passes. So each lead stores its intent scaled to a fixed epoch,
 * `key = Σ points · 2^((at − EPOCH) / halfLife)`; the score at any moment is
 * `key · 2^(−(now − EPOCH) / halfLife)`, the same factor for every lead, so ordering by the stored
 * key is ordering by the current score, and a score range is a key range.
 */
export const INTENT_EPOCH_MS = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;

/** The stored contribution of `points` earned at `atMs`. */
export function intentKey(points: number, atMs: number, halfLifeDays: number): number {
  return points * 2 ** ((atMs - INTENT_EPOCH_MS) / (halfLifeDays * DAY_MS));
}

/** The score now of a stored key (or of one item's points earned at `atMs`: `decayed(points, at, now)`). */
export function intentAt(key: number, nowMs: number, halfLifeDays: number): number {
  return key * 2 ** (-(nowMs - INTENT_EPOCH_MS) / (halfLifeDays * DAY_MS));
}

/** Points earned at `atMs`, as they count at `nowMs`. */
export function decayed(points: number, atMs: number, nowMs: number, halfLifeDays: number): number {
  return points * 2 ** (-(nowMs - atMs) / (halfLifeDays * DAY_MS));
}

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
export const LeadSorts = ['score', 'activity', 'created'] as const;
export const LeadSort = z.enum(LeadSorts);
export type LeadSort = z.infer<typeof LeadSort>;
export const LeadSortLabels: Record<LeadSort, string> = { score: '意向分', activity: '最近互动', created: '创建时间' };

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
  account: NamedRef.nullable(),
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

export const LeadTimelineKinds = ['touch', 'view', 'share', 'signup', 'order', 'payment', 'attend', 'download', 'card_view', 'contact_request', 'profile_edit', 'stage_change'] as const;
export const LeadTimelineKind = z.enum(LeadTimelineKinds);
export type LeadTimelineKind = z.infer<typeof LeadTimelineKind>;
export const LeadTimelineKindLabels: Record<LeadTimelineKind, string> = {
  touch: '进入小程序',
  view: '浏览内容',
  share: '分享内容',
  signup: '报名活动',
  order: '提交订单',
  payment: '完成支付',
  attend: '观看直播',
  download: '下载白皮书',
  card_view: '查看名片',
  contact_request: '请求联系',
  profile_edit: '资料变更',
  stage_change: '阶段变更',
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
