import { describe, expect, it } from '@jest/globals';
import type { HomeBlock } from '@leadloop/shared';
import { checkBlocks, moveBlock, newBlock } from './home-blocks';

describe('home-page blocks in the editor', () => {
  it('starts each new block in a state the contract accepts, except a cards block until someone is picked', () => {
    const blocks = (['text', 'live', 'whitepapers', 'contact'] as const).map((type) => newBlock(type));
    expect(checkBlocks(blocks)).toEqual({});
    expect(new Set(blocks.map((b) => b.id)).size).toBe(4);
    expect(checkBlocks([...blocks, newBlock('cards')])).toEqual({ 4: '请至少选择一位顾问' });
  });

  it('names each block’s first problem in words a marketer understands', () => {
    const blocks: HomeBlock[] = [
      { id: 'a', type: 'text', title: null, paragraphs: [{ style: 'paragraph', text: '' }] },
      { id: 'b', type: 'contact', title: '', description: '' },
      { id: 'c', type: 'text', title: null, paragraphs: [] },
    ];
    expect(checkBlocks(blocks)).toEqual({ 0: '每段文字需 1–500 字', 1: '请填写 1–20 字的标题', 2: '请至少保留一段文字（最多 30 段）' });
  });

  it('moves a block up or down, and not past either end', () => {
    const [a, b, c] = (['text', 'live', 'contact'] as const).map((type) => newBlock(type));
    expect(moveBlock([a, b, c], 2, -1)).toEqual([a, c, b]);
    expect(moveBlock([a, b, c], 0, -1)).toEqual([a, b, c]);
    expect(moveBlock([a, b, c], 2, 1)).toEqual([a, b, c]);
  });
});
