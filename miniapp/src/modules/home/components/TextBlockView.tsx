import type { HomeBlock } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { Card } from '@/ui';

type TextBlock = Extract<HomeBlock, { type: 'text' }>;

/** Rich text as a restricted structure: headings, paragraphs and bullets of plain text (never HTML). */
export function TextBlockView({ block }: { block: TextBlock }) {
  return (
    <Card className='home-text' title={block.title ?? undefined}>
      {block.paragraphs.map((p, i) => (
        <View key={i} className={`home-text__${p.style}`}>
          {p.style === 'bullet' && <Text className='home-text__dot'>•</Text>}
          <Text>{p.text}</Text>
        </View>
      ))}
    </Card>
  );
}
