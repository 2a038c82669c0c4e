import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, CheckOption, formatDateTime, Loading, Notice, RetryCard, TextAreaField, TextField } from '@/ui';
import { useWorkingCalendar } from '../hooks/useWorkingCalendar';
import { WEEKDAY_NAMES } from '../services/working-calendar-form';
import './WorkingCalendarCard.scss';

/** 工作日历: the working days and hours (Beijing time) that follow-up deadlines count in, holidays and 调休. */
export function WorkingCalendarCard() {
  const editor = useWorkingCalendar();
  const { view, form } = editor;
  if (!view || !form) return editor.loadError ? <RetryCard message={describeError(editor.loadError)} onRetry={editor.reload} /> : <Loading />;
  const toggle = (day: number, on: boolean) => editor.change({ weekdays: on ? [...form.weekdays, day] : form.weekdays.filter((d) => d !== day) });

  return (
    <Card className='working-calendar' title='工作日历' subtitle='线索跟进时限只按工作时间计算（北京时间），节假日不计，调休上班日照常计算'>
      <Text className='working-calendar__label'>工作日</Text>
      <View className='working-calendar__days'>
        {WEEKDAY_NAMES.map((name, i) => (
          <CheckOption key={name} className='working-calendar__day' checked={form.weekdays.includes(i + 1)} onChange={(on) => toggle(i + 1, on)}>
            {name}
          </CheckOption>
        ))}
      </View>
      <View className='working-calendar__hours'>
        <TextField label='上班时间' name='dayStart' value={form.dayStart} onChange={(v) => editor.change({ dayStart: v })} placeholder='09:00' maxlength={5} />
        <TextField label='下班时间' name='dayEnd' value={form.dayEnd} onChange={(v) => editor.change({ dayEnd: v })} placeholder='18:00' maxlength={5} />
      </View>
      <TextAreaField label='法定节假日' name='holidays' value={form.holidays} onChange={(v) => editor.change({ holidays: v })} placeholder={'2027-01-01\n2027-02-06'} maxlength={1500} hint='每行一个日期；这些日子即使是工作日也不计时' />
      <TextAreaField label='调休上班日' name='workdays' value={form.workdays} onChange={(v) => editor.change({ workdays: v })} placeholder='2027-02-14' maxlength={1500} hint='每行一个日期；这些周末照常计时' />
      {editor.problem && <Notice tone='error'>{editor.problem}</Notice>}
      {editor.saved && <Notice tone='success'>工作日历已保存，新的跟进时限将按此计算。</Notice>}
      <ActionButton variant='secondary' loading={editor.saving} disabled={editor.saving} onClick={() => void editor.save()}>
        保存工作日历
      </ActionButton>
      {view.updatedAt && <Text className='ll-muted working-calendar__updated'>{`上次保存：${formatDateTime(view.updatedAt)}`}</Text>}
    </Card>
  );
}
