import type { HomeBlock, HomeCardItem } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { describeError } from '@/core/api/api-error';
import { useApiResource } from '@/core/api/useApiResource';
import { BrandFooter } from '@/modules/brand/components/BrandFooter';
import { BrandHeader } from '@/modules/brand/components/BrandHeader';
import { useBrand } from '@/modules/brand/hooks/useBrand';
import { featuredCandidates } from '@/modules/card/services/card.service';
import { ActionButton, Card, EditorLayout, Loading, Notice, RetryCard, formatDateTime } from '@/ui';
import { useHomeEditor } from '../hooks/useHomeEditor';
import { AddableBlocks, HomeBlockLabels, MAX_HOME_BLOCKS, newBlock } from '../services/home-blocks';
import { fetchCardChoices } from '../services/home-page.service';
import { BlockEditor, type BlockChoices } from './BlockEditor';
import { HomeBlocks } from './HomeBlocks';
import './HomeEditor.scss';

const loadChoices = (): Promise<BlockChoices> => Promise.all([featuredCandidates(), fetchCardChoices()]).then(([content, cards]) => ({ content, cards }));

/** 首页装修: blocks on the left, the page as a phone shows it on the right; save a draft, publish a version. */
export function HomeEditor() {
  const editor = useHomeEditor();
  const brand = useBrand();
  const choices = useApiResource(useCallback(loadChoices, []));
  const { view, blocks } = editor;
  if (!view) return editor.loadError ? <RetryCard message={describeError(editor.loadError)} onRetry={editor.reload} /> : <Loading />;
  const full = blocks.length >= MAX_HOME_BLOCKS;

  return (
    <EditorLayout className='home-editor' previewTitle='手机预览' previewSize='phone' preview={<PhonePreview blocks={blocks} cards={choices.data?.cards ?? []} />}>
      <Card
        title={view.published ? `已发布第 ${view.published.version} 版` : '尚未发布'}
        subtitle={view.published ? `发布于 ${formatDateTime(view.published.publishedAt)}；访客看到的是已发布的版本` : '访客目前看到的是默认首页'}
        extra={editor.dirty || view.unpublishedChanges ? <Text className='home-editor__pending'>有未发布的修改</Text> : null}
      >
        <View className='home-editor__actions'>
          <ActionButton variant='secondary' block={false} loading={editor.busy === 'save'} disabled={editor.busy !== null} onClick={() => void editor.save()}>
            保存草稿
          </ActionButton>
          <ActionButton block={false} loading={editor.busy === 'publish'} disabled={editor.busy !== null} onClick={() => void editor.publish()}>
            发布
          </ActionButton>
        </View>
        {editor.error && <Notice tone='error'>{editor.error}</Notice>}
        {editor.notice && <Notice tone='success'>{editor.notice}</Notice>}
      </Card>

      {!brand?.configured && <Notice tone='warning'>公司名称尚未设置，页头与页脚暂不显示公司名。请管理员在「品牌设置」中填写。</Notice>}

      {choices.error ? <Notice tone='error'>可选的直播、白皮书和名片加载失败，请刷新页面重试。</Notice> : null}
      {blocks.length === 0 && <Text className='ll-muted'>首页还没有内容，从下方添加模块。</Text>}
      {blocks.map((block, i) => (
        <BlockEditor
          key={block.id}
          block={block}
          index={i}
          count={blocks.length}
          choices={choices.data ?? { content: [], cards: [] }}
          problem={editor.problems[i]}
          onChange={(b) => editor.update(i, b)}
          onMove={(by) => editor.move(i, by)}
          onRemove={() => editor.remove(i)}
        />
      ))}

      <Card title='添加模块' subtitle={full ? `最多 ${MAX_HOME_BLOCKS} 个模块` : '添加后可上下移动调整顺序'}>
        <View className='home-editor__add'>
          <ActionButton variant='secondary' small block={false} loading={editor.busy === 'upload'} disabled={full || editor.busy !== null} onClick={() => void editor.addBanner()}>
            {`上传${HomeBlockLabels.banner}`}
          </ActionButton>
          {AddableBlocks.map((type) => (
            <ActionButton key={type} variant='secondary' small block={false} disabled={full} onClick={() => editor.add(newBlock(type as Exclude<typeof type, 'banner'>))}>
              {HomeBlockLabels[type]}
            </ActionButton>
          ))}
        </View>
      </Card>
    </EditorLayout>
  );
}

/** The home page as prospects will see it, in a phone frame 390 CSS px wide. */
function PhonePreview({ blocks, cards }: { blocks: HomeBlock[]; cards: HomeCardItem[] }) {
  return (
    <View className='home-editor__phone'>
      <View className='home-editor__screen'>
        <BrandHeader greeting={null} />
        <HomeBlocks blocks={blocks} cards={cards} onOpen={() => undefined} preview />
        <BrandFooter />
      </View>
    </View>
  );
}
