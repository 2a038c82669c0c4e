import type { StarMapNode } from '@leadloop/shared';

export type NodeKind = StarMapNode['kind'];

export const NodeKindLabels: Record<NodeKind, string> = {
  staff: '员工',
  partner: '渠道伙伴',
  prospect: '潜客',
  channel: '渠道',
  collapsed: '已折叠',
};

export const NodeKindOrder: NodeKind[] = ['staff', 'channel', 'partner', 'prospect', 'collapsed'];
