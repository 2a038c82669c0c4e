import type { WhitepaperAdminView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, DataTable, formatDateTime, Loading, Notice, Tag, type TableColumn } from '@/ui';
import { WhitepaperCover } from './WhitepaperCover';
import './WhitepaperConsole.scss';

interface WhitepaperTableProps {
  items: WhitepaperAdminView[] | null;
  error: unknown;
  busyId: string | null;
  actionError: string | null;
  onToggle(paper: WhitepaperAdminView): void;
  onEdit(paper: WhitepaperAdminView): void;
  onOpen(paper: WhitepaperAdminView): void;
  onStarMap(paper: WhitepaperAdminView): void;
}

/** Every whitepaper with its status and downloads; publish, withdraw, edit. */
export function WhitepaperTable({ items, error, busyId, actionError, onToggle, onEdit, onOpen, onStarMap }: WhitepaperTableProps) {
  const columns: TableColumn<WhitepaperAdminView>[] = [
    {
      title: '白皮书',
      tone: 'strong',
      className: 'whitepaper-table__main',
      render: (paper) => (
        <View className='whitepaper-table__paper'>
          <WhitepaperCover title={paper.title} coverUrl={paper.coverUrl} size='thumb' />
          <View className='whitepaper-table__text'>
            <Text className='whitepaper-table__title'>{paper.title}</Text>
            <Text className='ll-muted'>{paper.fileName}</Text>
          </View>
        </View>
      ),
    },
    { title: '状态', render: (paper) => (paper.status === 'published' ? <Tag tone='success'>已发布</Tag> : <Tag tone='neutral'>草稿</Tag>) },
    { title: '下载', render: (paper) => <Text className='whitepaper-table__downloads'>{paper.downloads}</Text> },
    { title: '更新时间', tone: 'muted', render: (paper) => formatDateTime(paper.updatedAt) },
    {
      title: '操作',
      className: 'whitepaper-table__actions',
      render: (paper) => (
        <View className='ll-row whitepaper-table__buttons'>
          <ActionButton small block={false} variant={paper.status === 'published' ? 'ghost' : 'primary'} loading={busyId === paper.id} disabled={busyId === paper.id} onClick={() => onToggle(paper)}>
            {paper.status === 'published' ? '下线' : '发布'}
          </ActionButton>
          <ActionButton small block={false} variant='secondary' onClick={() => onEdit(paper)}>
            编辑
          </ActionButton>
          {paper.status === 'published' && (
            <ActionButton small block={false} variant='ghost' label={`预览《${paper.title}》`} onClick={() => onOpen(paper)}>
              查看
            </ActionButton>
          )}
          {paper.status === 'published' && (
            <ActionButton small block={false} variant='ghost' label={`《${paper.title}》的分享星空图`} onClick={() => onStarMap(paper)}>
              星空图
            </ActionButton>
          )}
        </View>
      ),
    },
  ];

  return (
    <Card className='whitepaper-list' title='全部白皮书' subtitle={items ? `共 ${items.length} 份 · 已发布 ${items.filter((p) => p.status === 'published').length} 份` : undefined}>
      {error ? <Notice tone='error'>{describeError(error)}</Notice> : null}
      {actionError && <Notice tone='error'>{actionError}</Notice>}
      {!items && !error && <Loading />}
      {items && (
        <DataTable
          block='whitepaper-table'
          columns={columns}
          rows={items}
          rowKey={(paper) => paper.id}
          empty='还没有白皮书。在右侧上传第一份 PDF，发布后访客即可留资下载。'
        />
      )}
    </Card>
  );
}
