import { Picker, Text, View } from '@tarojs/components';
import { controlProps } from '@/core/platform/a11y';
import { ActionButton, TextField } from '@/ui';
import { MAX_QUESTIONS, MAX_SPEAKERS, nextQuestionId, type LiveForm } from '../services/live-form';
import './LiveConsole.scss';

interface DateTimeRowProps {
  label: string;
  /** Prefix of the fields' names: `start` → `start-date`, `start-time`. */
  name: string;
  date: string;
  time: string;
  onChange(next: { date?: string; time?: string }): void;
  error?: string;
}

/**
 * A Beijing date and time: typed (desktop, tests) or picked with WeChat's date/time pickers
 * (phone). Both write the same two fields.
 */
export function DateTimeRow({ label, name, date, time, onChange, error }: DateTimeRowProps) {
  return (
    <View className='live-form__when'>
      <View className='live-form__when-fields'>
        <View className='live-form__when-date'>
          <TextField label={`${label}日期`} name={`${name}-date`} value={date} onChange={(value) => onChange({ date: value })} placeholder='2026-11-23' maxlength={10} />
          <Picker mode='date' value={date || '2026-01-01'} onChange={(event) => onChange({ date: String(event.detail.value) })}>
            <Text className='live-form__pick'>选择</Text>
          </Picker>
        </View>
        <View className='live-form__when-time'>
          <TextField label={`${label}时间`} name={`${name}-time`} value={time} onChange={(value) => onChange({ time: value })} placeholder='19:00' maxlength={5} />
          <Picker mode='time' value={time || '19:00'} onChange={(event) => onChange({ time: String(event.detail.value) })}>
            <Text className='live-form__pick'>选择</Text>
          </Picker>
        </View>
      </View>
      {error && <Text className='live-form__error'>{error}</Text>}
    </View>
  );
}

interface ToggleChipsProps<V extends string | number> {
  label: string;
  options: readonly V[];
  selected: readonly V[];
  names(value: V): string;
  onChange(next: V[]): void;
  /** Class of each chip (tests find chips by it and their text). */
  chipClassName: string;
  /** Chips that cannot be switched off (shown ticked). */
  locked?: readonly V[];
  max?: number;
  hint?: string;
  error?: string;
}

/** A 删除 link as a button named for what it removes. */
const removeProps = (label: string, remove: () => void) => controlProps({ role: 'button', label, onActivate: remove });

/** Several of a few options, each a chip that toggles. */
export function ToggleChips<V extends string | number>({ label, options, selected, names, onChange, chipClassName, locked = [], max, hint, error }: ToggleChipsProps<V>) {
  const toggle = (value: V) => {
    if (locked.includes(value)) return;
    if (selected.includes(value)) onChange(selected.filter((v) => v !== value));
    else if (max === undefined || selected.length < max) onChange([...selected, value]);
  };
  return (
    <View className='live-form__chips-field'>
      <Text className='ll-field__label'>{label}</Text>
      <View className='live-form__chips'>
        {options.map((option) => {
          const on = selected.includes(option) || locked.includes(option);
          return (
            <View
              key={String(option)}
              className={`live-form__chip ${chipClassName} ${on ? 'live-form__chip--on' : ''}`}
              onClick={() => toggle(option)}
              {...controlProps({ role: 'checkbox', checked: on, disabled: locked.includes(option), onActivate: () => toggle(option) })}
            >
              <Text>
                {on ? '✓ ' : ''}
                {names(option)}
              </Text>
            </View>
          );
        })}
      </View>
      {error ? <Text className='live-form__error'>{error}</Text> : hint ? <Text className='ll-field__hint'>{hint}</Text> : null}
    </View>
  );
}

type Errors = Record<string, string>;

export function SpeakersEditor({ speakers, onChange, errors }: { speakers: LiveForm['speakers']; onChange(next: LiveForm['speakers']): void; errors: Errors }) {
  const set = (index: number, patch: Partial<LiveForm['speakers'][number]>) => onChange(speakers.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <View className='live-form__list'>
      {speakers.map((speaker, index) => (
        <View className='live-form__speaker' key={index}>
          <TextField
            label={`嘉宾 ${index + 1} 姓名`}
            name={`speaker-${index}-name`}
            value={speaker.name}
            onChange={(name) => set(index, { name })}
            placeholder='例如：陈立'
            maxlength={20}
            error={errors[`speakers.${index}.name`] ?? null}
          />
          <TextField
            label={`嘉宾 ${index + 1} 头衔`}
            name={`speaker-${index}-title`}
            value={speaker.title}
            onChange={(title) => set(index, { title })}
            placeholder='例如：某某科技 CTO'
            maxlength={40}
            error={errors[`speakers.${index}.title`] ?? null}
          />
          {speakers.length > 1 && (
            <Text className='live-form__remove' onClick={() => onChange(speakers.filter((_, i) => i !== index))} {...removeProps(`删除嘉宾 ${index + 1}`, () => onChange(speakers.filter((_, i) => i !== index)))}>
              删除
            </Text>
          )}
        </View>
      ))}
      {speakers.length < MAX_SPEAKERS && (
        <ActionButton variant='ghost' small block={false} onClick={() => onChange([...speakers, { name: '', title: '' }])}>
          + 添加嘉宾
        </ActionButton>
      )}
    </View>
  );
}

export function SurveyEditor({ survey, onChange, errors }: { survey: LiveForm['survey']; onChange(next: LiveForm['survey']): void; errors: Errors }) {
  const set = (index: number, patch: Partial<LiveForm['survey'][number]>) => onChange(survey.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  return (
    <View className='live-form__list'>
      {survey.length === 0 && <Text className='ll-muted'>直播结束后，问卷会推送给观看过的人（需其同意接收通知）。</Text>}
      {survey.map((question, index) => (
        <View className='live-form__question' key={question.id}>
          <TextField
            label={`第 ${index + 1} 题`}
            name={`survey-${index}-text`}
            value={question.text}
            onChange={(text) => set(index, { text })}
            placeholder='例如：本场直播对你有帮助吗？'
            maxlength={60}
            error={errors[`survey.${index}`] ?? null}
          />
          <TextField
            label={`第 ${index + 1} 题选项`}
            name={`survey-${index}-choices`}
            value={question.choices}
            onChange={(choices) => set(index, { choices })}
            placeholder='用逗号分隔，如：很有帮助，一般，没有帮助'
            maxlength={260}
            hint='留空则为填空题'
          />
          <Text className='live-form__remove' onClick={() => onChange(survey.filter((_, i) => i !== index))} {...removeProps(`删除第 ${index + 1} 题`, () => onChange(survey.filter((_, i) => i !== index)))}>
            删除这道题
          </Text>
        </View>
      ))}
      {survey.length < MAX_QUESTIONS && (
        <ActionButton variant='ghost' small block={false} onClick={() => onChange([...survey, { id: nextQuestionId(survey), text: '', choices: '' }])}>
          + 添加问题
        </ActionButton>
      )}
    </View>
  );
}
