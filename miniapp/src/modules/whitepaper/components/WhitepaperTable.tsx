import { PageLinks, type WhitepaperAdminView } from '@leadloop/shared';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton, formatDateTime, ResourceTable, Tag, type ResourceList, type TableColumn } from '@/ui';
import { WhitepaperCover } from './WhitepaperCover';
import './WhitepaperConsole.scss';

/** The people who downloaded it, as the lead pool filtered to this whitepaper. */
const openDownloaders = (paper: WhitepaperAdminView) => void Taro.navigateTo({ url: `/${PageLinks.consoleLeadsOf('whitepaper', paper.id, 'downloaded')}&title=${encodeURIComponent(paper.title)}` });

const published = (items: readonly WhitepaperAdminView[]) => items.filter((p) => p.status === 'published').length;

interface WhitepaperTableProps {
  list: ResourceList<WhitepaperAdminView>;
  busyId: string | null;
  actionError: string | null;
  onToggle(paper: WhitepaperAdminView): void;
  onEdit(paper: WhitepaperAdminView): void;
  onOpen(paper: WhitepaperAdminView): void;
  onStarMap(paper: WhitepaperAdminView): void;
}

/** Every whitepaper with its status and downloads; publish, withdraw, edit. */
export function WhitepaperTable({ list, busyId, actionError, onToggle, onEdit, onOpen, onStarMap }: WhitepaperTableProps) {
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
    {
      title: '下载',
      render: (paper) =>
        paper.downloads > 0 ? (
          <ActionButton className='whitepaper-table__downloads' small block={false} variant='ghost' label={`查看下载《${paper.title}》的 ${paper.downloads} 位客户`} onClick={() => openDownloaders(paper)}>
            {`${paper.downloads} 人 ›`}
          </ActionButton>
        ) : (
          <Text className='whitepaper-table__downloads'>0</Text>
        ),
    },
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
    <ResourceTable
      list={list}
      className='whitepaper-list'
      title='全部白皮书'
      subtitle={(items, hasMore) =>
        hasMore ? `已加载 ${items.length} 份 · 其中已发布 ${published(items)} 份` : `共 ${items.length} 份 · 已发布 ${published(items)} 份`
      }
      notice={actionError}
      block='whitepaper-table'
      columns={columns}
      rowKey={(paper) => paper.id}
      empty='还没有白皮书。在右侧上传第一份 PDF，发布后访客即可留资下载。'
    />
  );
}
