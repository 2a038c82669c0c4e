import { z } from 'zod';
import { pageOf } from '../pagination';

/** The identifiers two person records can be merged on (the merge's evidence). */
export const MergeMatchedKinds = ['phone', 'email', 'crm'] as const;
export type MergeMatchedKind = (typeof MergeMatchedKinds)[number];
export const MergeMatchedKindLabels: Record<MergeMatchedKind, string> = { phone: '手机号', email: '邮箱', crm: 'CRM 编号' };

/** What a merge moved from the merged record to the survivor, counted per kind. */
export const MergeMovedKinds = [
  'identifiers',
  'profile',
  'timeline',
  'lead',
  'scores',
  'attribution',
  'shares',
  'consents',
  'signups',
  'watch',
  'orders',
  'downloads',
  'cardVisits',
  'contactRequests',
  'profileChanges',
  'tags',
] as const;
export type MergeMovedKind = (typeof MergeMovedKinds)[number];
export const MergeMovedKindLabels: Record<MergeMovedKind, string> = {
  identifiers: '身份标识',
  profile: '资料字段',
  timeline: '行为记录',
  lead: '线索',
  scores: '评分明细',
  attribution: '来源归因',
  shares: '分享记录',
  consents: '授权记录',
  signups: '活动报名',
  watch: '观看记录',
  orders: '订单',
  downloads: '白皮书下载',
  cardVisits: '名片访问',
  contactRequests: '联系请求',
  profileChanges: '资料更正',
  tags: '标签',
};

/** Why an unmerge cannot restore both records exactly. */
export const UnmergeBlockReasons = ['row_gone', 'row_changed', 'row_taken', 'person_erased', 'later_merge', 'already_reverted'] as const;
export type UnmergeBlockReason = (typeof UnmergeBlockReasons)[number];
export const UnmergeBlockReasonLabels: Record<UnmergeBlockReason, string> = {
  row_gone: '合并后有记录被删除或再次转移',
  row_changed: '合并后合并过的记录又有变化',
  row_taken: '原记录的位置已被新记录占用',
  person_erased: '其中一人已删除个人数据',
  later_merge: '之后的合并依赖这次合并，请先撤销之后的合并',
  already_reverted: '这次合并已撤销',
};

export const UnmergeBlocker = z.object({
  /** The module whose rows block it (`leads`, `live`, …). */
  module: z.string(),
  table: z.string(),
  reason: z.enum(UnmergeBlockReasons),
  /** How many rows. */
  rows: z.number().int(),
});
export type UnmergeBlocker = z.infer<typeof UnmergeBlocker>;

/** A person as an admin sees them in a merge: a name to recognise, never a raw id. */
export const MergePersonView = z.object({ displayName: z.string(), phoneMasked: z.string().nullable() });
export type MergePersonView = z.infer<typeof MergePersonView>;

export const PersonMergeSummary = z.object({
  id: z.string(),
  survivor: MergePersonView,
  merged: MergePersonView,
  matchedKind: z.enum(MergeMatchedKinds),
  createdAt: z.iso.datetime(),
  revertedAt: z.iso.datetime().nullable(),
  moved: z.partialRecord(z.enum(MergeMovedKinds), z.number().int()),
});
export type PersonMergeSummary = z.infer<typeof PersonMergeSummary>;

/** Merges newest first (query: `PageQuery`). */
export const PersonMergeList = pageOf(PersonMergeSummary);
export type PersonMergeList = z.infer<typeof PersonMergeList>;

export const PersonMergeDetail = PersonMergeSummary.extend({
  /** Empty when the merge can be undone exactly now. */
  blockers: z.array(UnmergeBlocker),
});
export type PersonMergeDetail = z.infer<typeof PersonMergeDetail>;

export const UnmergeResponse = z.object({ unmerged: z.literal(true), revertedAt: z.iso.datetime() });
export type UnmergeResponse = z.infer<typeof UnmergeResponse>;

/** A CRM's own id for a person (the CRM system's name, its external id). */
export const AttachCrmIdRequest = z
  .object({
    system: z.string().trim().min(1).max(32).regex(/^[\w.-]+$/, 'must be a CRM system name (letters, digits, . _ -)'),
    externalId: z.string().trim().min(1).max(128).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
  })
  .strict();
export type AttachCrmIdRequest = z.infer<typeof AttachCrmIdRequest>;

export const AttachCrmIdResponse = z.object({
  /** Set when the CRM id already belonged to another person record and the two were merged. */
  mergeId: z.string().nullable(),
});
export type AttachCrmIdResponse = z.infer<typeof AttachCrmIdResponse>;

/** An identifier that would have merged a staff member's person with another: refused, for an admin to resolve. */
export const IdentifierConflictKinds = ['phone', 'email', 'crm'] as const;
export const IdentifierConflict = z.object({
  id: z.string(),
  kind: z.enum(IdentifierConflictKinds),
  staff: z.object({ name: z.string() }),
  other: MergePersonView,
  /** Who tried to bind it: the staff member or the other person. */
  boundBy: z.enum(['staff', 'other']),
  createdAt: z.iso.datetime(),
});
export type IdentifierConflict = z.infer<typeof IdentifierConflict>;

export const IdentifierConflictList = pageOf(IdentifierConflict);
export type IdentifierConflictList = z.infer<typeof IdentifierConflictList>;

export const ResolveConflictResponse = z.object({ resolved: z.literal(true) });
export type ResolveConflictResponse = z.infer<typeof ResolveConflictResponse>;
