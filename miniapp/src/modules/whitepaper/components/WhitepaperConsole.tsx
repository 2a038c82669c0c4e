import type { WhitepaperAdminView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { platform } from '@/core/platform';
import { Routes } from '@/core/routes';
import { ConsoleLayout } from '@/modules/console/components/ConsoleLayout';
import { ActionButton, Card, PagePreview } from '@/ui';
import { useConsoleWhitepapers } from '../hooks/useConsoleWhitepapers';
import { WhitepaperForm } from './WhitepaperForm';
import { WhitepaperTable } from './WhitepaperTable';
import './WhitepaperConsole.scss';

const detailOf = (paper: WhitepaperAdminView) => `${Routes.whitepaperDetail}?id=${encodeURIComponent(paper.id)}`;
const starMapOf = (paper: WhitepaperAdminView) => `${Routes.starMap}?contentType=whitepaper&contentId=${encodeURIComponent(paper.id)}`;

/** The console's whitepapers: the list on the left, the upload (or edit) form on the right. */
export function WhitepaperConsole() {
  const list = useConsoleWhitepapers();
  const [editing, setEditing] = useState<WhitepaperAdminView | null>(null);
  const [saved, setSaved] = useState<WhitepaperAdminView | null>(null);
  const savedNow = saved ? (list.items?.find((p) => p.id === saved.id) ?? saved) : null;
  // 查看 shows the prospect's page without leaving the console (in WeChat it opens the page).
  const [previewing, setPreviewing] = useState<WhitepaperAdminView | null>(null);
  const open = (paper: WhitepaperAdminView) => (platform.previewsPagesInline ? setPreviewing(paper) : void Taro.navigateTo({ url: detailOf(paper) }));

  const onSaved = (paper: WhitepaperAdminView) => {
    setSaved(paper);
    setEditing(null);
    list.reload();
  };

  return (
    <>
      <ConsoleLayout
        main={
          <WhitepaperTable
            list={list}
            busyId={list.busyId}
            actionError={list.actionError}
            onToggle={(p) => void list.toggle(p)}
            onEdit={setEditing}
            onOpen={open}
            onStarMap={(p) => void Taro.navigateTo({ url: starMapOf(p) })}
          />
        }
        side={
          <>
            {savedNow && !editing && (
              <Card className='whitepaper-saved'>
                <View className='ll-stack'>
                  <Text>
                    《{savedNow.title}》{savedNow.status === 'published' ? '已发布，访客现在可以留资下载。' : '已保存为草稿，发布后访客才能看到。'}
                  </Text>
                  {savedNow.status !== 'published' && (
                    <ActionButton loading={list.busyId === savedNow.id} disabled={list.busyId === savedNow.id} onClick={() => void list.toggle(savedNow)}>
                      立即发布
                    </ActionButton>
                  )}
                </View>
              </Card>
            )}
            <WhitepaperForm key={editing?.id ?? 'new'} editing={editing} onSaved={onSaved} onCancel={editing ? () => setEditing(null) : undefined} />
          </>
        }
      />
      {previewing && <PagePreview title={previewing.title} path={detailOf(previewing)} onClose={() => setPreviewing(null)} />}
    </>
  );
}
