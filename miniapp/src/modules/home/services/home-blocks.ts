import { type HomeBlock, HomeBlockLabels, type HomeBlockType, HomeBlocks, MAX_HOME_BLOCKS } from '@leadloop/shared';
import { isApiError } from '../../../core/api/api-error';
import { describeGateError } from '../../profile-gate/services/gate-errors';

export { HomeBlockLabels, MAX_HOME_BLOCKS };

/** Block types marketers add from the editor, in the order the menu shows them (banners need an image first). */
export const AddableBlocks: HomeBlockType[] = ['text', 'live', 'whitepapers', 'cards', 'contact'];

let counter = 0;
const blockId = (type: HomeBlockType) => `${type}-${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A new block with sensible starting content. */
export function newBlock(type: Exclude<HomeBlockType, 'banner'>): HomeBlock {
  const id = blockId(type);
  switch (type) {
    case 'text':
      return { id, type, title: null, paragraphs: [{ style: 'paragraph', text: '在这里介绍公司与服务。' }] };
    case 'live':
      return { id, type, title: '近期直播', eventIds: [] };
    case 'whitepapers':
      return { id, type, title: '资料下载', whitepaperIds: [] };
    case 'cards':
      return { id, type, title: '推荐顾问', cardIds: [] };
    case 'contact':
      return { id, type, title: '请联系我', description: '留下称呼和手机号，顾问会尽快与你联系。' };
  }
}

export function bannerBlock(imageId: string): HomeBlock {
  return { id: blockId('banner'), type: 'banner', imageId, alt: '活动横幅', link: null };
}

export function moveBlock(blocks: HomeBlock[], index: number, by: -1 | 1): HomeBlock[] {
  const to = index + by;
  if (to < 0 || to >= blocks.length) return blocks;
  const next = [...blocks];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** Each block's first problem, by block index, from the shared contract (the server checks the same). */
export function checkBlocks(blocks: HomeBlock[]): Record<number, string> {
  const parsed = HomeBlocks.safeParse(blocks);
  if (parsed.success) return {};
  const problems: Record<number, string> = {};
  for (const issue of parsed.error.issues) {
    const index = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
    if (index >= 0 && problems[index] === undefined) problems[index] = problemOf(blocks[index], issue.path.slice(1).map(String));
  }
  return problems;
}

function problemOf(block: HomeBlock | undefined, path: string[]): string {
  const field = path[0];
  if (block?.type === 'cards' && field === 'cardIds') return '请至少选择一位顾问';
  if (field === 'title') return '请填写 1–20 字的标题';
  if (field === 'alt') return '请填写 1–40 字的图片说明';
  if (field === 'paragraphs') return path.length > 2 ? '每段文字需 1–500 字' : '请至少保留一段文字（最多 30 段）';
  if (field === 'description') return '说明不能超过 120 字';
  return '这个模块的内容不完整';
}

/** The server's refusal as one sentence. */
export function describeHomeError(error: unknown): string {
  if (isApiError(error, 'HOME_CONTENT_NOT_FOUND')) return '有模块引用的直播、白皮书或名片已下线，请移除后再试';
  if (isApiError(error, 'HOME_IMAGE_NOT_FOUND')) return '横幅图片已失效，请重新上传';
  if (isApiError(error, 'IMAGE_TYPE_UNSUPPORTED')) return '请上传 PNG 或 JPG 图片';
  if (isApiError(error, 'PAYLOAD_TOO_LARGE')) return '内容过多或图片超过 2 MB，请精简后重试';
  if (isApiError(error, 'VALIDATION_FAILED')) return '有模块的内容不完整，请按提示修改';
  if (isApiError(error, 'FORBIDDEN')) return '仅管理员和市场同事可以编辑首页';
  return describeGateError(error);
}
