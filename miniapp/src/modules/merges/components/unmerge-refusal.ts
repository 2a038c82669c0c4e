import { UnmergeBlockReasonLabels, type UnmergeBlocker } from '@leadloop/shared';
import { describeError, isApiError } from '@/core/api/api-error';

/** The product areas whose rows can block an unmerge, as an admin knows them. */
const AreaLabels: Record<string, string> = {
  identity: '身份与资料',
  activity: '行为记录',
  leads: '线索与评分',
  'share-chain': '分享与归因',
  profile: '授权与更正记录',
  live: '直播报名与观看',
  payments: '订单',
  card: '名片访问',
  whitepaper: '白皮书下载',
  'home-page': '首页联系请求',
};

/** Why an unmerge was refused, in one Chinese sentence per reason (the server's UNMERGE_NOT_EXACT details). */
export function describeUnmergeFailure(error: unknown): string {
  if (!isApiError(error, 'UNMERGE_NOT_EXACT')) return describeError(error);
  const blockers = ((error.details as { blockers?: UnmergeBlocker[] } | undefined)?.blockers ?? []).slice(0, 5);
  if (blockers.length === 0) return '无法精确撤销这次合并。';
  const lines = blockers.map((b) => `${AreaLabels[b.module] ?? '其他数据'}：${UnmergeBlockReasonLabels[b.reason] ?? '数据已变化'}（${b.rows} 条）`);
  return `无法精确撤销这次合并：${lines.join('；')}`;
}
