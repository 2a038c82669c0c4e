import { composeMessage } from './signal-message';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 2, minute));
const names = new Map([
  ['p1', '王总'],
  ['p2', '李经理'],
  ['p3', '张三'],
  ['p4', '赵四'],
  ['long', '一个名字特别特别长的客户朋友'],
]);

describe('composeMessage', () => {
  it('names the one lead and the newest of its signals', () => {
    const message = composeMessage([{ kind: 'downloaded', personId: 'p1', detail: '数字化白皮书', createdAt: at(1) }], names);
    expect(message).toEqual({ summary: '王总 有新动态', detail: '下载了资料：数字化白皮书', leads: 1 });
  });

  it('coalesces a burst of one lead into one line with the count', () => {
    const message = composeMessage(
      [
        { kind: 'card_return', personId: 'p1', detail: null, createdAt: at(1) },
        { kind: 'downloaded', personId: 'p1', detail: '白皮书', createdAt: at(2) },
        { kind: 'live_watched', personId: 'p1', detail: '30 分钟', createdAt: at(3) },
      ],
      names,
    );
    expect(message).toEqual({ summary: '王总 有新动态', detail: '看了直播 等 3 条动态', leads: 1 });
  });

  it('names the newest lead and counts the others', () => {
    const message = composeMessage(
      [
        { kind: 'card_return', personId: 'p2', detail: null, createdAt: at(1) },
        { kind: 'card_return', personId: 'p3', detail: null, createdAt: at(2) },
        { kind: 'card_return', personId: 'p4', detail: null, createdAt: at(3) },
        { kind: 'contact_request', personId: 'p1', detail: null, createdAt: at(4) },
      ],
      names,
    );
    expect(message.summary).toBe('王总 及 另外 3 位客户有新动态');
    expect(message.leads).toBe(4);
  });

  it('keeps every field within the 20 characters a thing field holds', () => {
    const message = composeMessage(
      [
        { kind: 'downloaded', personId: 'long', detail: '一本标题非常非常非常长的行业研究白皮书', createdAt: at(1) },
        { kind: 'downloaded', personId: 'p1', detail: null, createdAt: at(0) },
      ],
      names,
    );
    expect([...message.summary].length).toBeLessThanOrEqual(20);
    expect(message.summary.endsWith(' 及 另外 1 位客户有新动态')).toBe(true);
    expect([...composeMessage([{ kind: 'downloaded', personId: 'long', detail: '一本标题非常非常非常长的行业研究白皮书', createdAt: at(1) }], names).detail].length).toBe(20);
  });
});
