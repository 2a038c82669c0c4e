/**
 * The server refuses a bad event with VALIDATION_FAILED and `details.fields: [{ path, message }]`
 * (zod paths such as `watch.url`, `speakers.0.name`). These turn them into one Chinese sentence
 * per form field, keyed the way the console form names its fields.
 */

export type FieldErrors = Record<string, string>;

interface FieldIssue {
  path: string;
  message: string;
}

function issuesOf(details: unknown): FieldIssue[] {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is FieldIssue => typeof f?.path === 'string' && typeof f?.message === 'string');
}

/** The form field an issue belongs to: `survey.1.choices.0` → `survey.1`, `reminderOffsets.2` → `reminderOffsets`. */
export function fieldKeyOf(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'speakers' && parts.length >= 3) return `speakers.${parts[1]}.${parts[2]}`;
  if (parts[0] === 'survey' && parts.length >= 2) return `survey.${parts[1]}`;
  if (parts[0] === 'watch' && parts.length >= 2) return `watch.${parts[1]}`;
  return parts[0];
}

const Sentences: Record<string, string> = {
  title: '请填写直播标题（60 字以内）',
  summary: '简介不超过 500 字',
  coverUrl: '封面需为 http(s):// 开头的图片地址',
  startAt: '请填写正确的开始时间',
  endAt: '请填写正确的结束时间',
  capacity: '名额需为 1–100000 的整数',
  priceFen: '价格需为 0–100000 元，最多两位小数',
  signupFields: '报名信息的选项有误',
  'watch.finderUserName': '视频号 ID 以 sph 开头，可在视频号助手中查看',
  'watch.feedId': '直播 ID 不超过 128 个字符',
  'watch.url': '请填写 http(s):// 开头的直播流地址',
  'watch.kind': '请选择观看方式',
  replayUrl: '回放需为 http(s):// 开头的地址',
  reminderOffsets: '最多选择 3 个提醒时间',
  survey: '问卷最多 5 道题',
};

/** Messages the server words precisely enough to translate as they are. */
const Known: Record<string, string> = {
  'end must be after start': '结束时间需晚于开始时间',
  'capacity must be at least 1': '名额至少为 1',
  'price cannot be negative': '价格不能为负数',
};

export function sentenceFor(path: string, message: string): string {
  if (Known[message]) return Known[message];
  const key = fieldKeyOf(path);
  if (Sentences[key]) return Sentences[key];
  if (/^speakers\.\d+\.name$/.test(key)) return '请填写嘉宾姓名（20 字以内）';
  if (/^speakers\.\d+\.title$/.test(key)) return '嘉宾头衔不超过 40 字';
  if (/^survey\.\d+$/.test(key)) return '题目 1–60 字；选项每项不超过 30 字，最多 8 个';
  return '这一项填写有误';
}

/** Field key → sentence, from a VALIDATION_FAILED error's details (first issue per field wins). */
export function fieldErrorsFrom(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issuesOf(details)) {
    const key = fieldKeyOf(issue.path);
    errors[key] ??= sentenceFor(issue.path, issue.message);
  }
  return errors;
}
