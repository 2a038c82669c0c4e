import { describe, expect, it } from '@jest/globals';
import type { ConsoleLiveEvent } from '@leadloop/shared';
import { changesBetween, emptyForm, formFromEvent, nextQuestionId, requestFromForm, splitChoices, type LiveForm } from './live-form';

const NOW = Date.parse('2026-11-22T04:00:00Z');

function filled(overrides: Partial<LiveForm> = {}): LiveForm {
  return {
    ...emptyForm(NOW),
    title: '  制造业数字化转型直播 ',
    startDate: '2026-11-23',
    startTime: '19:00',
    endDate: '2026-11-23',
    endTime: '21:00',
    streamUrl: 'https://live.example.com/s.m3u8',
    ...overrides,
  };
}

describe('the console event form', () => {
  it('starts tomorrow evening (Beijing), free, asking for name and phone', () => {
    expect(emptyForm(NOW)).toMatchObject({ startDate: '2026-11-23', startTime: '19:00', endTime: '21:00', price: '0', signupFields: ['name', 'phone'], reminderOffsets: [1440, 15] });
  });

  it('builds the create request: Beijing times with offset, price in fen, empty speakers dropped', () => {
    const { request, errors } = requestFromForm(filled({ price: '99.5', speakers: [{ name: '陈立', title: 'CTO' }, { name: '', title: '' }], reminderOffsets: [15, 1440] }));
    expect(errors).toBeNull();
    expect(request).toMatchObject({
      title: '制造业数字化转型直播',
      startAt: '2026-11-23T19:00:00+08:00',
      endAt: '2026-11-23T21:00:00+08:00',
      priceFen: 9950,
      capacity: 200,
      speakers: [{ name: '陈立', title: 'CTO' }],
      watch: { kind: 'stream', url: 'https://live.example.com/s.m3u8' },
      replayUrl: null,
      reminderOffsets: [1440, 15],
    });
  });

  it('names every field a person must fix before anything is sent', () => {
    const { request, errors } = requestFromForm(
      filled({ title: ' ', endTime: '18:00', capacity: '0', price: '9.999', streamUrl: 'rtmp://x', speakers: [{ name: '', title: 'CTO' }], survey: [{ id: 'q1', text: '', choices: '' }] }),
    );
    expect(request).toBeNull();
    expect(Object.keys(errors ?? {}).sort()).toEqual(['capacity', 'endAt', 'priceFen', 'speakers.0.name', 'survey.0', 'title', 'watch.url'].sort());
  });

  it('asks for a Channels id when the event is watched in WeChat Channels', () => {
    expect(requestFromForm(filled({ watchKind: 'channels', finderUserName: 'nope' })).errors).toHaveProperty(['watch.finderUserName']);
    expect(requestFromForm(filled({ watchKind: 'channels', finderUserName: 'sphAbCdEf12' })).request?.watch).toEqual({ kind: 'channels', finderUserName: 'sphAbCdEf12' });
  });

  it('turns survey questions into choices or free text', () => {
    const { request } = requestFromForm(filled({ survey: [{ id: 'q1', text: '有帮助吗？', choices: '很有帮助，一般、 没有帮助' }, { id: 'q2', text: '还想听什么？', choices: '' }] }));
    expect(request?.survey).toEqual([
      { id: 'q1', text: '有帮助吗？', choices: ['很有帮助', '一般', '没有帮助'] },
      { id: 'q2', text: '还想听什么？', choices: [] },
    ]);
    expect(requestFromForm(filled({ survey: [{ id: 'q1', text: '单选', choices: '只有一个' }] })).errors).toHaveProperty(['survey.0']);
    expect(splitChoices('a, b，c、d\ne')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(nextQuestionId([{ id: 'q1' }, { id: 'q3' }])).toBe('q4');
    expect(nextQuestionId([])).toBe('q1');
  });

  it('reads a saved event back into the form unchanged', () => {
    const saved: ConsoleLiveEvent = {
      id: '01JABCDEFGHJKMNPQRSTVWXYZ0',
      title: '付费直播',
      summary: '简介',
      speakers: [{ name: '陈立', title: 'CTO' }],
      coverUrl: null,
      startAt: '2026-11-23T11:00:00.000Z',
      endAt: '2026-11-23T13:30:00.000Z',
      capacity: 50,
      seatsLeft: 50,
      priceFen: 9900,
      watchKind: 'channels',
      signupFields: ['name', 'company'],
      status: 'draft',
      replayUrl: null,
      survey: [{ id: 'useful', text: '有帮助吗？', choices: ['有', '没有'] }],
      mySignup: null,
      watch: { kind: 'channels', finderUserName: 'sphAbCdEf12', feedId: 'feed-1' },
      reminderOffsets: [1440, 15],
      signups: 0,
      version: 1,
    };
    const form = formFromEvent(saved);
    expect(form).toMatchObject({ startDate: '2026-11-23', startTime: '19:00', endTime: '21:30', price: '99', finderUserName: 'sphAbCdEf12', feedId: 'feed-1' });
    const { request } = requestFromForm(form);
    expect(request).toMatchObject({ priceFen: 9900, capacity: 50, signupFields: ['name', 'company'], watch: saved.watch, survey: saved.survey });
    expect(Date.parse(request?.startAt ?? '')).toBe(Date.parse(saved.startAt));
  });

  it('sends only what changed when editing, so values the console does not show are never overwritten', () => {
    const before = requestFromForm(filled({ price: '99' })).request;
    const after = requestFromForm(filled({ price: '99', title: '新标题', replayUrl: '', startTime: '19:00' })).request;
    expect(before && after && changesBetween(before, after)).toEqual({ title: '新标题' });
    const moved = requestFromForm(filled({ startTime: '20:00', endTime: '22:00' })).request;
    expect(before && moved && Object.keys(changesBetween(before, moved)).sort()).toEqual(['endAt', 'priceFen', 'startAt']);
    // the same instant written another way is no change
    expect(before && changesBetween(before, { ...before, startAt: '2026-11-23T11:00:00Z' })).toEqual({});
  });
});
