import type { HomeBlock } from '@leadloop/shared';

/**
 * The home page of a fresh install, until marketing publishes its own: upcoming live events, the
 * newest whitepapers, and a way to ask to be contacted. It names no company (the header shows the
 * brand) and makes no promise the product does not keep.
 */
export const DEFAULT_HOME_BLOCKS: HomeBlock[] = [
  { id: 'welcome', type: 'text', title: null, paragraphs: [{ style: 'heading', text: '欢迎了解我们' }, { style: 'paragraph', text: '在这里报名近期直播、下载行业资料，也可以留下联系方式，由顾问与你联系。' }] },
  { id: 'live', type: 'live', title: '近期直播', eventIds: [] },
  { id: 'whitepapers', type: 'whitepapers', title: '资料下载', whitepaperIds: [] },
  { id: 'contact', type: 'contact', title: '请联系我', description: '留下称呼和手机号，顾问会尽快与你联系。' },
];
