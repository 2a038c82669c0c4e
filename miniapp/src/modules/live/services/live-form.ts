import type { ConsoleLiveEvent, CreateLiveEventRequest, ProfileField, UpdateLiveEventRequest } from '@leadloop/shared';
import type { FieldErrors } from './field-errors';
import { beijingIso, fenToYuan, splitBeijing, yuanToFen } from './live-format';

/** The console's event form as typed: strings where people type, Beijing date and time apart. */
export interface LiveForm {
  title: string;
  summary: string;
  speakers: { name: string; title: string }[];
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  capacity: string;
  price: string;
  signupFields: ProfileField[];
  watchKind: 'channels' | 'stream';
  finderUserName: string;
  feedId: string;
  streamUrl: string;
  replayUrl: string;
  reminderOffsets: number[];
  survey: { id: string; text: string; choices: string }[];
}

/** Offsets a marketer picks from (minutes before the start). */
export const ReminderChoices = [1440, 120, 60, 15] as const;
export const MAX_REMINDERS = 3;
export const MAX_QUESTIONS = 5;
export const MAX_SPEAKERS = 8;

const DAY = 86_400_000;

/** A new event: tomorrow 19:00–21:00 Beijing time, 200 seats, free, name and phone. */
export function emptyForm(nowMs: number): LiveForm {
  const tomorrow = splitBeijing(new Date(nowMs + DAY).toISOString()).date;
  return {
    title: '',
    summary: '',
    speakers: [{ name: '', title: '' }],
    startDate: tomorrow,
    startTime: '19:00',
    endDate: tomorrow,
    endTime: '21:00',
    capacity: '200',
    price: '0',
    signupFields: ['name', 'phone'],
    watchKind: 'stream',
    finderUserName: '',
    feedId: '',
    streamUrl: '',
    replayUrl: '',
    reminderOffsets: [1440, 15],
    survey: [],
  };
}

export function formFromEvent(event: ConsoleLiveEvent): LiveForm {
  const start = splitBeijing(event.startAt);
  const end = splitBeijing(event.endAt);
  return {
    title: event.title,
    summary: event.summary,
    speakers: event.speakers.length > 0 ? event.speakers.map((s) => ({ name: s.name, title: s.title })) : [{ name: '', title: '' }],
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    capacity: String(event.capacity),
    price: fenToYuan(event.priceFen),
    signupFields: event.signupFields.filter((f): f is ProfileField => ['name', 'phone', 'company', 'title', 'email'].includes(f)),
    watchKind: event.watch.kind,
    finderUserName: event.watch.kind === 'channels' ? event.watch.finderUserName : '',
    feedId: event.watch.kind === 'channels' ? (event.watch.feedId ?? '') : '',
    streamUrl: event.watch.kind === 'stream' ? event.watch.url : '',
    replayUrl: event.replayUrl ?? '',
    reminderOffsets: [...event.reminderOffsets],
    survey: event.survey.map((q) => ({ id: q.id, text: q.text, choices: q.choices.join('，') })),
  };
}

/** A question key no other question of the form uses: q1, q2, … */
export function nextQuestionId(survey: readonly { id: string }[]): string {
  const used = new Set(survey.map((q) => q.id));
  let n = survey.length + 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}

/** 「有，没有、一般」 → ['有', '没有', '一般']: commas (either width), 、 or new lines separate choices. */
export function splitChoices(text: string): string[] {
  return text
    .split(/[,，、;；\n]/)
    .map((c) => c.trim())
    .filter(Boolean);
}

const isUrl = (text: string) => /^https?:\/\/\S+$/.test(text);

/**
 * The request the form describes, or the fields a person must fix first (the checks a person would
 * otherwise only hear about from the server; the server checks everything again).
 */
export function requestFromForm(form: LiveForm): { request: CreateLiveEventRequest; errors: null } | { request: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = '请填写直播标题';

  const startAt = beijingIso(form.startDate, form.startTime);
  const endAt = beijingIso(form.endDate, form.endTime);
  if (!startAt) errors.startAt = '请填写开始日期和时间，如 2026-11-23 19:00';
  if (!endAt) errors.endAt = '请填写结束日期和时间，如 2026-11-23 21:00';
  if (startAt && endAt && Date.parse(endAt) <= Date.parse(startAt)) errors.endAt = '结束时间需晚于开始时间';

  const capacity = Number(form.capacity.trim());
  if (!/^\d+$/.test(form.capacity.trim()) || capacity < 1) errors.capacity = '名额需为不小于 1 的整数';

  const priceFen = yuanToFen(form.price === '' ? '0' : form.price);
  if (priceFen === null) errors.priceFen = '请填写价格（元），最多两位小数；免费填 0';

  const speakers = form.speakers
    .map((s) => ({ name: s.name.trim(), title: s.title.trim() }))
    .filter((s) => s.name || s.title);
  form.speakers.forEach((s, i) => {
    if (!s.name.trim() && s.title.trim()) errors[`speakers.${i}.name`] = '请填写嘉宾姓名';
  });

  let watch: CreateLiveEventRequest['watch'] | null = null;
  if (form.watchKind === 'channels') {
    const finder = form.finderUserName.trim();
    if (!/^sph[\w-]{4,40}$/.test(finder)) errors['watch.finderUserName'] = '视频号 ID 以 sph 开头，可在视频号助手中查看';
    else watch = form.feedId.trim() ? { kind: 'channels', finderUserName: finder, feedId: form.feedId.trim() } : { kind: 'channels', finderUserName: finder };
  } else {
    const url = form.streamUrl.trim();
    if (!isUrl(url)) errors['watch.url'] = '请填写 http(s):// 开头的直播流地址';
    else watch = { kind: 'stream', url };
  }

  const replayUrl = form.replayUrl.trim();
  if (replayUrl && !isUrl(replayUrl)) errors.replayUrl = '回放需为 http(s):// 开头的地址';
  if (form.reminderOffsets.length > MAX_REMINDERS) errors.reminderOffsets = `最多选择 ${MAX_REMINDERS} 个提醒时间`;

  const survey = form.survey.map((q, i) => {
    const text = q.text.trim();
    const choices = splitChoices(q.choices);
    if (!text) errors[`survey.${i}`] = '请填写题目，或删除这道题';
    else if (choices.length === 1) errors[`survey.${i}`] = '单选题至少需要两个选项；留空则为填空题';
    else if (choices.length > 8) errors[`survey.${i}`] = '选项最多 8 个';
    return { id: q.id, text, choices };
  });

  if (Object.keys(errors).length > 0 || !startAt || !endAt || priceFen === null || !watch) return { request: null, errors };
  return {
    request: {
      title,
      summary: form.summary.trim(),
      speakers,
      startAt,
      endAt,
      capacity,
      signupFields: form.signupFields,
      priceFen,
      watch,
      replayUrl: replayUrl || null,
      reminderOffsets: [...form.reminderOffsets].sort((a, b) => b - a),
      survey,
    },
    errors: null,
  };
}

/**
 * An edit as PATCH should send it: only the fields that differ from the saved event. Fields the
 * person did not touch are left alone on the server (the console view does not show every stored
 * value, e.g. a replay URL before the event ends, so resending the form would overwrite them).
 */
export function changesBetween(before: CreateLiveEventRequest, after: CreateLiveEventRequest): UpdateLiveEventRequest {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof CreateLiveEventRequest)[]) {
    const was = before[key];
    const now = after[key];
    const same = key === 'startAt' || key === 'endAt' ? Date.parse(String(was)) === Date.parse(String(now)) : JSON.stringify(was ?? null) === JSON.stringify(now ?? null);
    if (!same) changes[key] = now;
  }
  return changes as UpdateLiveEventRequest;
}
