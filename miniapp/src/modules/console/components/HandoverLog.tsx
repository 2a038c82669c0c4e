import type { StaffHandover } from '@leadloop/shared';
import { formatDateTime, ResourceTable, type ResourceList, type TableColumn } from '@/ui';
import './StaffTable.scss';

const Columns: TableColumn<StaffHandover>[] = [
  { title: '时间', tone: 'muted', className: 'handover-log__at', render: (h) => formatDateTime(h.at) },
  { title: '离职成员', tone: 'strong', render: (h) => h.from.name },
  { title: '接手人', render: (h) => h.to.name },
  { title: '移交内容', className: 'handover-log__moved', render: (h) => `${h.counts.prospects} 位客户 · ${h.counts.cardVisitors} 位名片访客 · ${h.counts.contactRequests} 条联系请求` },
  { title: '操作人', render: (h) => h.by?.name ?? '系统' },
];

/** Admin: every hand-over, newest first — who did it, when, from whom, to whom, what moved. */
export function HandoverLog({ list }: { list: ResourceList<StaffHandover> }) {
  return (
    <ResourceTable
      list={list}
      className='handover-log'
      title='交接记录'
      subtitle={(items, hasMore) => `共 ${items.length}${hasMore ? '+' : ''} 次`}
      block='handover-log'
      columns={Columns}
      rowKey={(h) => h.id}
      empty='还没有交接记录。'
    />
  );
}
