import { type HomeBlock, type HomeCardItem, type HomeLink, MAX_BLOCK_ITEMS, MAX_PARAGRAPH_CHARS, MAX_TEXT_PARAGRAPHS, ParagraphStyles, type TextParagraph } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { serverUrl } from '@/core/api/server-url';
import type { FeaturedCandidate } from '@/modules/card/services/card.service';
import { ActionButton, CheckOption, Notice, Picture, TextAreaField, TextField } from '@/ui';
import { HomeBlockLabels } from '../services/home-blocks';

export interface BlockChoices {
  content: FeaturedCandidate[];
  cards: HomeCardItem[];
}

interface BlockEditorProps {
  block: HomeBlock;
  index: number;
  count: number;
  choices: BlockChoices;
  problem?: string;
  onChange(block: HomeBlock): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

const StyleLabels: Record<TextParagraph['style'], string> = { heading: '小标题', paragraph: '段落', bullet: '要点' };

const toggle = (list: readonly string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** One block in the editor: its fields, and moving or removing it. */
export function BlockEditor({ block, index, count, choices, problem, onChange, onMove, onRemove }: BlockEditorProps) {
  return (
    <View className={`block-editor ${problem ? 'block-editor--problem' : ''}`}>
      <View className='block-editor__head'>
        <Text className='block-editor__label'>{`${index + 1}. ${HomeBlockLabels[block.type]}`}</Text>
        <View className='block-editor__tools'>
          {index > 0 && (
            <ActionButton variant='ghost' small block={false} onClick={() => onMove(-1)}>
              上移
            </ActionButton>
          )}
          {index < count - 1 && (
            <ActionButton variant='ghost' small block={false} onClick={() => onMove(1)}>
              下移
            </ActionButton>
          )}
          <ActionButton variant='ghost' small block={false} onClick={onRemove}>
            删除
          </ActionButton>
        </View>
      </View>
      <BlockFields block={block} choices={choices} onChange={onChange} />
      {problem && <Notice tone='error'>{problem}</Notice>}
    </View>
  );
}

function BlockFields({ block, choices, onChange }: { block: HomeBlock; choices: BlockChoices; onChange(block: HomeBlock): void }) {
  switch (block.type) {
    case 'banner':
      return (
        <View className='ll-stack'>
          <Picture className='block-editor__banner' src={serverUrl(`/api/home/images/${block.imageId}`)} mode='aspectFill' alt={block.alt} />
          <TextField label='图片说明' name={`${block.id}-alt`} value={block.alt} maxlength={40} hint='读屏软件会读出这句话' onChange={(alt) => onChange({ ...block, alt })} />
          <Text className='block-editor__sub'>点击后打开</Text>
          <LinkPicker value={block.link} choices={choices} onChange={(link) => onChange({ ...block, link })} />
        </View>
      );
    case 'live':
    case 'whitepapers': {
      const type = block.type === 'live' ? 'live' : 'whitepaper';
      const ids = block.type === 'live' ? block.eventIds : block.whitepaperIds;
      const set = (next: string[]) => onChange(block.type === 'live' ? { ...block, eventIds: next } : { ...block, whitepaperIds: next });
      const options = choices.content.filter((c) => c.contentType === type);
      return (
        <View className='ll-stack'>
          <TextField label='模块标题' name={`${block.id}-title`} value={block.title} maxlength={20} onChange={(title) => onChange({ ...block, title })} />
          <Text className='block-editor__sub'>{block.type === 'live' ? '不选则自动显示近期直播' : '不选则自动显示最新白皮书'}</Text>
          {options.length === 0 ? (
            <Text className='ll-muted'>{block.type === 'live' ? '暂无已发布的直播。' : '暂无已发布的白皮书。'}</Text>
          ) : (
            options.map((o) => (
              <CheckOption key={o.contentId} checked={ids.includes(o.contentId)} disabled={!ids.includes(o.contentId) && ids.length >= MAX_BLOCK_ITEMS} onChange={() => set(toggle(ids, o.contentId))}>
                <Text>{o.title}</Text>
              </CheckOption>
            ))
          )}
        </View>
      );
    }
    case 'cards':
      return (
        <View className='ll-stack'>
          <TextField label='模块标题' name={`${block.id}-title`} value={block.title} maxlength={20} onChange={(title) => onChange({ ...block, title })} />
          {choices.cards.length === 0 ? (
            <Text className='ll-muted'>还没有同事创建名片。</Text>
          ) : (
            choices.cards.map((c) => (
              <CheckOption key={c.id} checked={block.cardIds.includes(c.id)} disabled={!block.cardIds.includes(c.id) && block.cardIds.length >= MAX_BLOCK_ITEMS} onChange={() => onChange({ ...block, cardIds: toggle(block.cardIds, c.id) })}>
                <Text>{c.title ? `${c.name} · ${c.title}` : c.name}</Text>
              </CheckOption>
            ))
          )}
        </View>
      );
    case 'text':
      return <TextFields block={block} onChange={onChange} />;
    case 'contact':
      return (
        <View className='ll-stack'>
          <TextField label='模块标题' name={`${block.id}-title`} value={block.title} maxlength={20} onChange={(title) => onChange({ ...block, title })} />
          <TextAreaField label='说明' name={`${block.id}-description`} value={block.description} maxlength={120} onChange={(description) => onChange({ ...block, description })} />
          <Text className='ll-muted'>访客提交称呼和手机号，并单独同意「销售跟进」后，线索进入线索池。</Text>
        </View>
      );
    default:
      return null;
  }
}

function TextFields({ block, onChange }: { block: Extract<HomeBlock, { type: 'text' }>; onChange(block: HomeBlock): void }) {
  const setParagraph = (i: number, p: TextParagraph) => onChange({ ...block, paragraphs: block.paragraphs.map((x, j) => (j === i ? p : x)) });
  return (
    <View className='ll-stack'>
      <TextField label='模块标题（选填）' name={`${block.id}-title`} value={block.title ?? ''} maxlength={20} onChange={(title) => onChange({ ...block, title: title.trim() ? title : null })} />
      {block.paragraphs.map((p, i) => (
        <View key={i} className='block-editor__paragraph'>
          <View className='block-editor__styles'>
            {ParagraphStyles.map((style) => (
              <Text key={style} className={`block-editor__style ${p.style === style ? 'block-editor__style--on' : ''}`} onClick={() => setParagraph(i, { ...p, style })}>
                {StyleLabels[style]}
              </Text>
            ))}
            <Text className='block-editor__style' onClick={() => onChange({ ...block, paragraphs: block.paragraphs.filter((_, j) => j !== i) })}>
              移除
            </Text>
          </View>
          <TextAreaField label={`第 ${i + 1} 段`} name={`${block.id}-p${i}`} value={p.text} maxlength={MAX_PARAGRAPH_CHARS} onChange={(text) => setParagraph(i, { ...p, text })} />
        </View>
      ))}
      {block.paragraphs.length < MAX_TEXT_PARAGRAPHS && (
        <ActionButton variant='secondary' small block={false} onClick={() => onChange({ ...block, paragraphs: [...block.paragraphs, { style: 'paragraph', text: '' }] })}>
          添加一段
        </ActionButton>
      )}
    </View>
  );
}

function LinkPicker({ value, choices, onChange }: { value: HomeLink | null; choices: BlockChoices; onChange(link: HomeLink | null): void }) {
  const options: { link: HomeLink; label: string }[] = [
    ...choices.content.map((c) => ({ link: { contentType: c.contentType, contentId: c.contentId }, label: `${c.contentType === 'live' ? '直播' : '白皮书'} · ${c.title}` })),
    ...choices.cards.map((c) => ({ link: { contentType: 'card' as const, contentId: c.id }, label: `名片 · ${c.name}` })),
  ];
  const same = (a: HomeLink | null, b: HomeLink) => !!a && a.contentType === b.contentType && a.contentId === b.contentId;
  return (
    <View className='block-editor__links'>
      <CheckOption checked={value === null} onChange={() => onChange(null)}>
        <Text>不跳转</Text>
      </CheckOption>
      {options.map((o) => (
        <CheckOption key={`${o.link.contentType}:${o.link.contentId}`} checked={same(value, o.link)} onChange={() => onChange(o.link)}>
          <Text>{o.label}</Text>
        </CheckOption>
      ))}
    </View>
  );
}
