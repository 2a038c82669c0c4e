import { describe, expect, it } from '@jest/globals';
import { fieldErrorsFrom, fieldKeyOf, sentenceFor } from './field-errors';

describe('server validation errors on the event form', () => {
  it('files each issue under the form field it belongs to', () => {
    expect(fieldKeyOf('title')).toBe('title');
    expect(fieldKeyOf('watch.finderUserName')).toBe('watch.finderUserName');
    expect(fieldKeyOf('speakers.1.name')).toBe('speakers.1.name');
    expect(fieldKeyOf('survey.2.choices.0')).toBe('survey.2');
    expect(fieldKeyOf('reminderOffsets.3')).toBe('reminderOffsets');
  });

  it('says what to fix in Chinese, translating the messages the server words precisely', () => {
    const errors = fieldErrorsFrom({
      fields: [
        { path: 'capacity', message: 'capacity must be at least 1' },
        { path: 'endAt', message: 'end must be after start' },
        { path: 'priceFen', message: 'price cannot be negative' },
        { path: 'watch.finderUserName', message: 'must be a Channels id (sph…)' },
        { path: 'speakers.0.name', message: 'Too small: expected string to have >=1 characters' },
        { path: 'survey.1.text', message: 'Too big' },
      ],
    });
    expect(errors).toEqual({
      capacity: '名额至少为 1',
      endAt: '结束时间需晚于开始时间',
      priceFen: '价格不能为负数',
      'watch.finderUserName': '视频号 ID 以 sph 开头，可在视频号助手中查看',
      'speakers.0.name': '请填写嘉宾姓名（20 字以内）',
      'survey.1': '题目 1–60 字；选项每项不超过 30 字，最多 8 个',
    });
  });

  it('keeps the first issue of a field and ignores details it cannot read', () => {
    expect(fieldErrorsFrom({ fields: [{ path: 'title', message: 'a' }, { path: 'title', message: 'end must be after start' }] })).toEqual({ title: '请填写直播标题（60 字以内）' });
    expect(fieldErrorsFrom(undefined)).toEqual({});
    expect(fieldErrorsFrom({ fields: [{ path: 3 }] })).toEqual({});
    expect(sentenceFor('somethingNew', 'x')).toBe('这一项填写有误');
  });
});
