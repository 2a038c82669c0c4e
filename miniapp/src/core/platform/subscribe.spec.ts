import { describe, expect, it } from '@jest/globals';
import { subscribeFailureOf, subscribeRequestOf, subscribeResultsOf, uniformResults } from './subscribe';

describe('subscribe-message answers', () => {
  it('asks for at most three distinct templates', () => {
    expect(subscribeRequestOf(['a', 'b', 'a', '', 'c', 'd'])).toEqual(['a', 'b', 'c']);
  });

  it('reads WeChat’s per-template answers, leaving out what it did not answer', () => {
    const raw = { errMsg: 'requestSubscribeMessage:ok', tpl1: 'accept', tpl2: 'reject', tpl3: 'something-new' };
    expect(subscribeResultsOf(['tpl1', 'tpl2', 'tpl3', 'tpl4'], raw)).toEqual({ tpl1: 'accept', tpl2: 'reject' });
    expect(subscribeResultsOf(['tpl1'], null)).toEqual({});
  });

  it('records a switched-off main switch (20004) as a refusal of every template, other failures as nothing', () => {
    expect(subscribeFailureOf(['a', 'b'], 20004)).toEqual({ a: 'ban', b: 'ban' });
    expect(subscribeFailureOf(['a'], 10005)).toEqual({});
    expect(subscribeFailureOf(['a'], undefined)).toEqual({});
  });

  it('answers every template alike for the sandbox’s 允许 / 拒绝', () => {
    expect(uniformResults(['a', 'b'], true)).toEqual({ a: 'accept', b: 'accept' });
    expect(uniformResults(['a'], false)).toEqual({ a: 'reject' });
  });
});
